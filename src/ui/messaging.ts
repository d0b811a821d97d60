import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { COMMANDS, type CommandName, type CommandReply, type CommandRequest } from '@src/commands/protocol';

/** Why a command got no usable reply: the worker stopped before answering, or its reply was not one of ours. */
export type AskProblem = 'backgroundStopped' | 'replyUnreadable';
export type Asked<T extends CommandName> = { ok: true; reply: CommandReply<T> } | { ok: false; problem: AskProblem };

/** Sends one of our commands to the background and checks the reply against its schema. Never throws. */
export async function ask<T extends CommandName>(request: CommandRequest<T> & { command: T }): Promise<Asked<T>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(request);
  } catch {
    // Chromium's own text ("message channel closed…") means the service worker stopped mid-answer.
    return { ok: false, problem: 'backgroundStopped' };
  }
  const parsed = COMMANDS[request.command].reply.safeParse(reply);
  if (!parsed.success) return { ok: false, problem: 'replyUnreadable' };
  return { ok: true, reply: parsed.data as CommandReply<T> };
}

/** What the page says when a command got no usable reply. */
export function askProblemText(problem: AskProblem): string {
  return problem === 'backgroundStopped' ? i18n.t('ui.backgroundStopped') : i18n.t('ui.replyUnreadable');
}

/** A command's outcome in words: its own message, or why it got no reply. */
export function askedText(asked: Asked<CommandName>): string {
  return asked.ok ? asked.reply.message : askProblemText(asked.problem);
}
