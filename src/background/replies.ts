import { i18n } from '#i18n';
import type { BalanceReply, MagicubeReply, MessageType, ModelsReply, ProblemCode, ReplyError, RequestParse } from '@src/contract';

export const balanceFailure = (message: string, error: ReplyError): BalanceReply => ({ success: false, data: [], message, error });
export const modelsFailure = (message: string, error: ReplyError): ModelsReply => ({ success: false, data: [], message, error });
export const magicubeFailure = (message: string, error: ReplyError): MagicubeReply => ({ success: false, data: null, message, error });

/** A whole request failed: the reply has the shape the caller expects (balance's for an unknown type), and spends nothing. */
export function failureReply(type: MessageType | null, message: string, error: ReplyError) {
  if (type === 'magicube') return magicubeFailure(message, error);
  if (type === 'models') return modelsFailure(message, error);
  return balanceFailure(message, error);
}

/** The problem in the UI language; a text no schema here reports (there should be none) stays as it is. */
function localizedProblem(code: ProblemCode | null, problem: string, value = ''): string {
  return code === null ? problem : i18n.t(`reply.problem.${code}`, [value]);
}

export function invalidRequestReply(parse: Extract<RequestParse, { ok: false }>) {
  const text = localizedProblem(parse.code, parse.problem, parse.value);
  return failureReply(parse.type, i18n.t('reply.invalidRequest', [text]), { code: 'invalid_request', field: parse.field });
}

/** Our own pages are told to save a key; another extension is told to send its own. */
export function missingKeyMessage(external: boolean): string {
  return external ? i18n.t('reply.externalKeyRequired') : i18n.t('reply.noSavedKey');
}
