import type { z } from 'zod';
import { BalanceReplySchema, BalanceRequestSchema } from './balance';
import { HealthReplySchema, HealthRequestSchema } from './health';
import { MagicubeReplySchema, MagicubeRequestSchema } from './magicube';
import { ModelsReplySchema, ModelsRequestSchema } from './models';
import { PROBLEMS, problemCode, type ProblemCode } from './problems';

export * from './balance';
export * from './common';
export * from './health';
export * from './magicube';
export * from './models';
export * from './problems';

/** The one protocol map: each message type with the schema of its request and of its reply. */
export const CONTRACT = {
  health: { request: HealthRequestSchema, reply: HealthReplySchema },
  balance: { request: BalanceRequestSchema, reply: BalanceReplySchema },
  magicube: { request: MagicubeRequestSchema, reply: MagicubeReplySchema },
  models: { request: ModelsRequestSchema, reply: ModelsReplySchema },
} as const;

export type MessageType = keyof typeof CONTRACT;
export const MESSAGE_TYPES = Object.keys(CONTRACT) as MessageType[];
export type RequestOf<T extends MessageType> = z.infer<(typeof CONTRACT)[T]['request']>;
export type ReplyOf<T extends MessageType> = z.infer<(typeof CONTRACT)[T]['reply']>;
export type ContractRequest = { [T in MessageType]: RequestOf<T> }[MessageType];
export type ContractReply = { [T in MessageType]: ReplyOf<T> }[MessageType];

export type RequestParse =
  | { ok: true; request: ContractRequest }
  | { ok: false; type: MessageType | null; field: string; problem: string; code: ProblemCode | null; value?: string };

function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && Object.hasOwn(CONTRACT, value);
}

/** Quotes a caller's value for an error text without echoing a huge or hostile string back. */
function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(typeof value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Parses any incoming message into a typed request, or says in plain words what is wrong with it. */
export function parseRequest(raw: unknown): RequestParse {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, type: null, field: 'type', problem: PROBLEMS.notAnObject, code: 'notAnObject' };
  }
  if (!Object.hasOwn(raw, 'type')) {
    return { ok: false, type: null, field: 'type', problem: PROBLEMS.noType, code: 'noType' };
  }
  const type: unknown = (raw as { type: unknown }).type;
  if (!isMessageType(type)) {
    const value = describeValue(type);
    return {
      ok: false,
      type: null,
      field: 'type',
      problem: `${PROBLEMS.unknownType} ${value}; expected one of: ${MESSAGE_TYPES.join(', ')}`,
      code: 'unknownType',
      value,
    };
  }
  const parsed = CONTRACT[type].request.safeParse(raw);
  if (parsed.success) return { ok: true, request: parsed.data };
  const issue = parsed.error.issues[0];
  const problem = issue?.message ?? 'the message is not valid';
  return { ok: false, type, field: String(issue?.path[0] ?? 'type'), problem, code: problemCode(problem) };
}
