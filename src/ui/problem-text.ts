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
};

function problemReason(problem: WriteProblem): string {
  if (problem.code === 'storage_failed') return i18n.t('storage.problem.storageFailed', [problem.name]);
  const limit = problem.code === 'invalid' ? (problem.params.max ?? problem.params.min ?? 0) : 0;
  const text = Object.hasOwn(ISSUE_TEXT, problem.issue) ? ISSUE_TEXT[problem.issue] : undefined;
  if (text) return text(limit);
  return i18n.t('storage.problem.invalidValue', [problem.code === 'invalid' && problem.path ? problem.path : problem.key]);
}

/** Why a write did not land, in the UI language: "Not saved: a key needs a label". Never a list of zod issues. */
export function writeProblemText(problem: WriteProblem): string {
  return i18n.t('storage.notSaved', [problemReason(problem)]);
}
