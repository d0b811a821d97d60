import { i18n } from '#i18n';
import type { ContractReply, MessageType, ReplyError, ReplyOf, RequestProblem, Site } from '@src/contract';
import { websiteHost } from '@src/modelscope/endpoints';
import type { Caller, AccountResolution } from './caller';

type Refusal<T extends MessageType> = (message: string, error: ReplyError) => ReplyOf<T>;

/** How each message type says that a request failed as a whole: its own reply shape, with nothing in it. */
const REFUSALS: { [T in MessageType]: Refusal<T> } = {
  health: (message, error) => ({ success: false, message, error }),
  balance: (message, error) => ({ success: false, data: [], message, error }),
  magicube: (message, error) => ({ success: false, data: null, message, error }),
  models: (message, error) => ({ success: false, data: [], message, error }),
  credits: (message, error) => ({ success: false, data: null, message, error }),
};

/** A request failed as a whole: the reply has the shape of the type asked for, and nothing was spent. */
export function refusal<T extends MessageType>(type: T, message: string, error: ReplyError): ReplyOf<T> {
  return REFUSALS[type](message, error);
}

/** A message that names no type of ours gets balance's shape, as the original service answered every request. */
export function refusalOfAny(type: MessageType | null, message: string, error: ReplyError): ContractReply {
  return refusal(type ?? 'balance', message, error);
}

/** The problem in the UI language; its one parameter, if it has one (the caller's value or a limit), is `$1`. */
function problemText({ code, params }: RequestProblem): string {
  return i18n.t(`reply.problem.${code}`, [params.value ?? params.max ?? '']);
}

export function invalidRequestReply(problem: RequestProblem): ContractReply {
  return refusalOfAny(problem.type, i18n.t('reply.invalidRequest', [problemText(problem)]), { code: 'invalid_request', field: problem.field });
}

/** Our own pages are told to save a key; another extension is told to send its own. */
export function missingKeyMessage(external: boolean): string {
  return external ? i18n.t('reply.externalKeyRequired') : i18n.t('reply.noSavedKey');
}

/** A request whose account could not be used: no key to use, or a site whose hosts the browser has not granted. */
export function accountRefusal<T extends MessageType>(type: T, failure: Extract<AccountResolution, { ok: false }>, caller: Caller): ReplyOf<T> {
  if (failure.problem === 'no_key') return refusal(type, missingKeyMessage(caller.external), { code: 'invalid_request', field: 'api_key' });
  return siteAccessRefusal(type, failure.site);
}

/** The browser has not granted the site's hosts: nothing was sent, and the user is told where to allow them. */
export function siteAccessRefusal<T extends MessageType>(type: T, site: Site): ReplyOf<T> {
  return refusal(type, i18n.t('reply.siteAccessMissing', [websiteHost(site)]), { code: 'site_access_missing', field: 'site' });
}

/** Only the error's name goes out: its text could carry anything, the key included. */
export function internalErrorMessage(error: unknown): string {
  return i18n.t('reply.internalError', [error instanceof Error ? error.name : 'unknown error']);
}
