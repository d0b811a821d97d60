import { i18n } from '#i18n';
import type { CheckedResult } from '@src/engine/check-models';

/** What a check did: the results it probed (or reused), the models it spared, the prices it learned. */
export interface CheckSummary {
  checked: readonly CheckedResult[];
  free: readonly string[];
  /** Models not probed as the provider list says a ModelScope token cannot call them. */
  unserved: readonly string[];
  learned: readonly string[];
  /** The models whose price is known: "no quota reported" at a known price tells how many calls are left. */
  priced: ReadonlySet<string>;
}

/** Whether a result tells how many calls are left: ModelScope's numbers, or "no quota reported" at a known price. */
function answered(item: CheckedResult, priced: ReadonlySet<string>): boolean {
  return item.error === null || (item.error_kind === 'no_quota_headers' && priced.has(item.model));
}

function nothingProbedText(free: number, unserved: number): string {
  if (free === 0) return i18n.t('reply.checkNothingServed', unserved, [unserved]);
  const skipped = unserved > 0 ? i18n.t('reply.checkUnserved', unserved, [unserved]) : '';
  return i18n.t('reply.checkNothingToProbe', free, [free]) + skipped;
}

/** "Checked 3 models: 3 ok, 0 failed; 5 more known from the balance, free; 1 not served, skipped; learned the price of 1 model". */
export function checkSummaryText({ checked, free, unserved, learned, priced }: CheckSummary): { ok: boolean; text: string } {
  if (checked.length === 0) return { ok: true, text: nothingProbedText(free.length, unserved.length) };
  const failed = checked.filter((item) => !answered(item, priced)).length;
  const parts = [i18n.t('reply.balanceSummary', checked.length, [checked.length, checked.length - failed, failed])];
  if (free.length > 0) parts.push(i18n.t('reply.checkAlsoFree', free.length, [free.length]));
  if (unserved.length > 0) parts.push(i18n.t('reply.checkUnserved', unserved.length, [unserved.length]));
  if (learned.length > 0) parts.push(i18n.t('reply.learnLearned', learned.length, [learned.length]));
  return { ok: failed === 0, text: parts.join('') };
}
