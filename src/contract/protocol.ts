import type { z } from 'zod/mini';
import { BalanceReplySchema, BalanceRequestSchema } from './balance';
import { CreditsReplySchema, CreditsRequestSchema } from './credits';
import { HealthReplySchema, HealthRequestSchema } from './health';
import { MagicubeReplySchema, MagicubeRequestSchema } from './magicube';
import { ModelsReplySchema, ModelsRequestSchema } from './models';

/** The one protocol map: each message type with the schema of its request and of its reply. */
export const CONTRACT = {
  health: { request: HealthRequestSchema, reply: HealthReplySchema },
  balance: { request: BalanceRequestSchema, reply: BalanceReplySchema },
  magicube: { request: MagicubeRequestSchema, reply: MagicubeReplySchema },
  models: { request: ModelsRequestSchema, reply: ModelsReplySchema },
  credits: { request: CreditsRequestSchema, reply: CreditsReplySchema },
} as const;

export type MessageType = keyof typeof CONTRACT;
export const MESSAGE_TYPES = Object.keys(CONTRACT) as MessageType[];
export type RequestOf<T extends MessageType> = z.infer<(typeof CONTRACT)[T]['request']>;
export type ReplyOf<T extends MessageType> = z.infer<(typeof CONTRACT)[T]['reply']>;
export type ContractRequest = { [T in MessageType]: RequestOf<T> }[MessageType];
export type ContractReply = { [T in MessageType]: ReplyOf<T> }[MessageType];

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && Object.hasOwn(CONTRACT, value);
}
