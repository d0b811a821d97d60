import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { CONTRACT, type MessageType, type ReplyOf, type RequestOf } from '@src/contract';

/** Sends a contract message to the background and checks the reply against its schema. */
export async function ask<T extends MessageType>(request: RequestOf<T> & { type: T }): Promise<ReplyOf<T>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(request);
  } catch {
    // Chromium's own text ("message channel closed…") means the service worker stopped mid-answer.
    throw new Error(i18n.t('ui.backgroundStopped'));
  }
  const parsed = CONTRACT[request.type].reply.safeParse(reply);
  if (!parsed.success) throw new Error(`The background's reply to "${request.type}" could not be read`);
  return parsed.data as ReplyOf<T>;
}
