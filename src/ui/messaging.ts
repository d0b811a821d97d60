import { browser } from 'wxt/browser';
import { CONTRACT, type MessageType, type ReplyOf, type RequestOf } from '../contract';

/** Sends a contract message to the background and checks the reply against its schema. */
export async function ask<T extends MessageType>(request: RequestOf<T> & { type: T }): Promise<ReplyOf<T>> {
  const reply: unknown = await browser.runtime.sendMessage(request);
  return CONTRACT[request.type].reply.parse(reply) as ReplyOf<T>;
}
