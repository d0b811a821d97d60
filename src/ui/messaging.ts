import { browser } from 'wxt/browser';
import { CONTRACT, type MessageType, type ReplyOf, type RequestOf } from '../contract';

/** Sends a contract message to the background and checks the reply against its schema. */
export async function ask<T extends MessageType>(request: RequestOf<T> & { type: T }): Promise<ReplyOf<T>> {
  const reply: unknown = await browser.runtime.sendMessage(request);
  const parsed = CONTRACT[request.type].reply.safeParse(reply);
  if (!parsed.success) throw new Error(`The background's reply to "${request.type}" could not be read`);
  return parsed.data as ReplyOf<T>;
}
