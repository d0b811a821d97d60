import { i18n } from '#i18n';
import { parseRequest, type ContractReply, type ContractRequest } from '@src/contract';
import { preferencesItem } from '@src/storage/preferences';
import type { Caller } from './caller';
import { handleBalance } from './handlers/balance';
import { handleHealth } from './handlers/health';
import { handleMagicube } from './handlers/magicube';
import { handleModels } from './handlers/models';
import { failureReply, invalidRequestReply } from './replies';

function dispatch(request: ContractRequest, caller: Caller): ContractReply | Promise<ContractReply> {
  switch (request.type) {
    case 'health':
      return handleHealth();
    case 'balance':
      return handleBalance(request, caller);
    case 'magicube':
      return handleMagicube(request, caller);
    case 'models':
      return handleModels();
  }
}

/** The one way into the background: every message gets a reply that its schema accepts, never a throw. */
export async function handleMessage(raw: unknown, caller: Caller): Promise<ContractReply> {
  const parsed = parseRequest(raw);
  try {
    if (caller.external && !(await preferencesItem.get()).externalAccess) {
      const type = parsed.ok ? parsed.request.type : parsed.type;
      return failureReply(type, i18n.t('reply.externalAccessOff'), { code: 'external_access_off' });
    }
    if (!parsed.ok) return invalidRequestReply(parsed);
    return await dispatch(parsed.request, caller);
  } catch (error) {
    // Only the error's name goes out: its text could carry anything, the key included.
    const name = error instanceof Error ? error.name : 'unknown error';
    return failureReply(parsed.ok ? parsed.request.type : parsed.type, i18n.t('reply.internalError', [name]), { code: 'internal_error' });
  }
}
