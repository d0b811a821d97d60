// The internal protocol between our own pages and the background: what a page asks, and what it is answered. Apart from
// the public contract (src/contract/), which other extensions depend on: this one changes with our pages.
import { z } from 'zod/mini';
import { MAX_MODELS_PER_REQUEST, ModelIdSchema, SiteSchema } from '@src/contract';

const Models = z.array(ModelIdSchema).check(z.minLength(1), z.maxLength(MAX_MODELS_PER_REQUEST));

/** How a command went: `message` says it in the UI language (what a Check did, or why nothing could be done). */
const OutcomeSchema = z.object({ ok: z.boolean(), message: z.string() });

export const COMMANDS = {
  /**
   * Read the active account's free sources again, unless they were read within the last minute, and the provider
   * list's offer of each model named (the active list without) when due, or at once with `offersNow`. Spends nothing.
   */
  refresh: {
    request: z.object({ command: z.literal('refresh'), models: z.optional(Models), offersNow: z.optional(z.boolean()) }),
    reply: OutcomeSchema,
  },
  /**
   * Check the active key: the models named (the active list without), probing only where a probe tells something, or
   * every one named when `force` (a row's ↻). Results land in storage as they arrive.
   */
  check: {
    request: z.object({ command: z.literal('check'), models: z.optional(Models), force: z.optional(z.boolean()) }),
    reply: OutcomeSchema,
  },
  /** The free API-Inference catalogue of a site, for suggestions and spelling checks. */
  catalogue: {
    request: z.object({ command: z.literal('catalogue'), site: SiteSchema }),
    reply: z.object({ ok: z.boolean(), message: z.string(), ids: z.optional(z.array(z.string())) }),
  },
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandRequest<T extends CommandName> = z.infer<(typeof COMMANDS)[T]['request']>;
export type CommandReply<T extends CommandName> = z.infer<(typeof COMMANDS)[T]['reply']>;
export type AnyCommand = { [T in CommandName]: CommandRequest<T> }[CommandName];

/** Whether a message is one of ours rather than a contract message: it names a `command`, never a `type`. */
export function isCommandMessage(raw: unknown): raw is { command: unknown } {
  return typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'command');
}

/** A command as sent, checked: null for one that names no command of ours or does not fit its schema. */
export function parseCommand(raw: { command: unknown }): AnyCommand | null {
  const name = raw.command;
  if (typeof name !== 'string' || !Object.hasOwn(COMMANDS, name)) return null;
  const parsed = COMMANDS[name as CommandName].request.safeParse(raw);
  return parsed.success ? (parsed.data as AnyCommand) : null;
}
