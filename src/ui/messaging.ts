import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { CONTRACT, type MessageType, type ReplyOf, type RequestOf } from '@src/contract';

/** Why a message got no usable reply: the worker stopped before answering, or its reply broke the contract. */
export type AskProblem = 'backgroundStopped' | 'replyUnreadable';
export type Asked<T extends MessageType> = { ok: true; reply: ReplyOf<T> } | { ok: false; problem: AskProblem };

/** Sends a contract message to the background and checks the reply against its schema. Never throws. */
export async function ask<T extends MessageType>(request: RequestOf<T> & { type: T }): Promise<Asked<T>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(request);
  } catch {
    // Chromium's own text ("message channel closed…") means the service worker stopped mid-answer.
    return { ok: false, problem: 'backgroundStopped' };
  }
  const parsed = CONTRACT[request.type].reply.safeParse(reply);
  if (!parsed.success) return { ok: false, problem: 'replyUnreadable' };
  return { ok: true, reply: parsed.data as ReplyOf<T> };
}

/** What the page says when a message got no usable reply. */
export function askProblemText(problem: AskProblem): string {
  return problem === 'backgroundStopped' ? i18n.t('ui.backgroundStopped') : i18n.t('ui.replyUnreadable');
}
