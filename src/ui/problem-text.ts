import { i18n } from '#i18n';
import type { WriteProblem } from '@src/storage/write-result';

/** Each issue code a stored value's schema or a change can give, put into words; limits come in as parameters. */
const ISSUE_TEXT: Readonly<Record<string, (limit: number) => string>> = {
  keyLabelBlank: () => i18n.t('storage.problem.keyLabelBlank'),
  keyLabelTooLong: (limit) => i18n.t('storage.problem.keyLabelTooLong', [limit]),
  listNameBlank: () => i18n.t('storage.problem.listNameBlank'),
  listNameTooLong: (limit) => i18n.t('storage.problem.listNameTooLong', [limit]),
  listTooManyModels: (limit) => i18n.t('storage.problem.listTooManyModels', [limit]),
  tooManyKeys: (limit) => i18n.t('storage.problem.tooManyKeys', [limit]),
  activeKeyMissing: () => i18n.t('storage.problem.activeKeyMissing'),
  activeListMissing: () => i18n.t('storage.problem.activeListMissing'),
  keyIdsRepeat: () => i18n.t('storage.problem.keyIdsRepeat'),
  listIdsRepeat: () => i18n.t('storage.problem.listIdsRepeat'),
  rememberedSecretOnly: () => i18n.t('storage.problem.rememberedSecretOnly'),
  keyGone: () => i18n.t('storage.problem.keyGone'),
  sessionSecretGone: () => i18n.t('storage.problem.sessionSecretGone'),
  listGone: () => i18n.t('storage.problem.listGone'),
  siteUnknown: () => i18n.t('storage.problem.siteUnknown'),
};

/** A stored value's issue code in words, or null for a code no stored value's schema gives. */
export function storedIssueText(issue: string, params: Readonly<Record<string, number>>): string | null {
  const text = Object.hasOwn(ISSUE_TEXT, issue) ? ISSUE_TEXT[issue] : undefined;
  return text ? text(params.max ?? params.min ?? 0) : null;
}

/** Why a write did not land, in the UI language, without the "Not saved" lead: "a key needs a label". */
export function writeProblemReason(problem: WriteProblem): string {
  if (problem.code === 'storage_failed') return i18n.t('storage.problem.storageFailed', [problem.name]);
  const text = storedIssueText(problem.issue, problem.code === 'invalid' ? problem.params : {});
  if (text) return text;
  return i18n.t('storage.problem.invalidValue', [problem.code === 'invalid' && problem.path ? problem.path : problem.key]);
}

/** Why a write did not land, in the UI language: "Not saved: a key needs a label". Never a list of zod issues. */
export function writeProblemText(problem: WriteProblem): string {
  return i18n.t('storage.notSaved', [writeProblemReason(problem)]);
}
