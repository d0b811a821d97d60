import { i18n } from '#i18n';
import type { SettingsFileProblem } from '@src/storage/transfer';
import { contractProblemCode, contractProblemText } from '../contract-problem-text';
import { storedIssueText } from '../problem-text';

type Params = Readonly<Record<string, number>>;

/** The issue codes only a settings file gives, put into words; limits and versions come in as parameters. */
const FILE_ISSUE_TEXT: Readonly<Record<string, (params: Params) => string>> = {
  notSettingsFile: () => i18n.t('ui.transfer.problem.notSettingsFile'),
  unsupportedVersion: ({ version }) => i18n.t('ui.transfer.problem.unsupportedVersion', [version ?? '']),
  tooBig: ({ max }) => i18n.t('ui.transfer.problem.tooBig', [max ?? '']),
  tooSmall: ({ min }) => i18n.t('ui.transfer.problem.tooSmall', [min ?? '']),
  wrongType: () => i18n.t('ui.transfer.problem.wrongType'),
};

/** What is wrong with a field: the file's own codes, a stored value's, or an API key's (a file may carry keys). */
function issueText(issue: string, params: Params): string {
  const fileText = Object.hasOwn(FILE_ISSUE_TEXT, issue) ? FILE_ISSUE_TEXT[issue] : undefined;
  if (fileText) return fileText(params);
  const storedText = storedIssueText(issue, params);
  if (storedText) return storedText;
  const contractCode = contractProblemCode(issue);
  return contractCode ? contractProblemText(contractCode) : i18n.t('ui.transfer.problem.invalidValue');
}

/** Why a file cannot be imported, in the UI language: "checkSettings.concurrency: must be at most 20". */
export function settingsFileProblemText(problem: SettingsFileProblem): string {
  if (problem.code === 'notJson') return i18n.t('ui.transfer.problem.notJson');
  const reason = issueText(problem.issue, problem.params);
  return problem.path ? i18n.t('ui.transfer.problem.field', [problem.path, reason]) : reason;
}
