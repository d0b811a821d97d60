import { i18n } from '#i18n';
import type { CheckedResult } from '@src/engine/check-models';

/** What a check did: the results it probed (or reused), the models it spared, the prices it learned. */
export interface CheckSummary {
  checked: readonly CheckedResult[];
  free: readonly string[];
  learned: readonly string[];
  /** Whether a result tells how many calls are left: ModelScope's numbers, or "no quota reported" at a known price. */
  answered: (item: CheckedResult) => boolean;
}

/** "Checked 3 models: 3 ok, 0 failed; 5 more known from the balance, free; learned the price of 1 model". */
export function checkSummaryText({ checked, free, learned, answered }: CheckSummary): { ok: boolean; text: string } {
  if (checked.length === 0) return { ok: true, text: i18n.t('reply.checkNothingToProbe', free.length, [free.length]) };
  const failed = checked.filter((item) => !answered(item)).length;
  const parts = [i18n.t('reply.balanceSummary', checked.length, [checked.length, checked.length - failed, failed])];
  if (free.length > 0) parts.push(i18n.t('reply.checkAlsoFree', free.length, [free.length]));
  if (learned.length > 0) parts.push(i18n.t('reply.learnLearned', learned.length, [learned.length]));
  return { ok: failed === 0, text: parts.join('') };
}
