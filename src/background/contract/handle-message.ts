import { i18n } from '#i18n';
import { parseRequest, type ContractReply, type MessageType, type ReplyOf, type RequestOf } from '@src/contract';
import { preferencesItem } from '@src/storage/preferences';
import type { Caller } from './caller';
import { handleBalance } from './handlers/balance';
import { handleCredits } from './handlers/credits';
import { handleHealth } from './handlers/health';
import { handleMagicube } from './handlers/magicube';
import { handleModels } from './handlers/models';
import { internalErrorMessage, invalidRequestReply, refusalOfAny } from './replies';

type Handler<T extends MessageType> = (request: RequestOf<T>, caller: Caller) => Promise<ReplyOf<T>>;

/** One handler a message type, each answering with its own type's reply. */
const HANDLERS: { [T in MessageType]: Handler<T> } = {
  health: handleHealth,
  balance: handleBalance,
  magicube: handleMagicube,
  models: handleModels,
  credits: handleCredits,
};

function dispatch<T extends MessageType>(type: T, request: RequestOf<T>, caller: Caller): Promise<ReplyOf<T>> {
  return HANDLERS[type](request, caller);
}

/** The one way into the background: every message gets a reply that its schema accepts, never a throw. */
export async function handleMessage(raw: unknown, caller: Caller): Promise<ContractReply> {
  const parsed = parseRequest(raw);
  const type = parsed.ok ? parsed.request.type : parsed.type;
  try {
    if (caller.external && !(await preferencesItem.get()).externalAccess) {
      return refusalOfAny(type, i18n.t('reply.externalAccessOff'), { code: 'external_access_off' });
    }
    if (!parsed.ok) return invalidRequestReply(parsed);
    return await dispatch(parsed.request.type, parsed.request, caller);
  } catch (error) {
    return refusalOfAny(type, internalErrorMessage(error), { code: 'internal_error' });
  }
}
