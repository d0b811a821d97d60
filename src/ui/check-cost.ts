import { i18n } from '#i18n';
import { planRows, type RowView } from '@src/account/rows';
import { checkCost } from '@src/quota/check-plan';
import { creditsText, formatCount } from './format';

export interface CheckCostInputs {
  rows: readonly RowView[];
  probeEveryModel: boolean;
  /** Models with a result fresh enough that the check reuses it instead of spending a call. */
  fresh: ReadonlySet<string>;
}

/** What pressing Check will cost, from the same plan the background follows. */
export interface CheckCostSummary {
  calls: number;
  /** Credits of the calls whose price is known. */
  knownCredits: number;
  /** Calls whose price is not known yet (the check learns it). */
  unpriced: number;
  /** Models not probed: their calls left come from the balance. */
  free: number;
  /** Models that would be probed, but whose fresh result is shown again for free. */
  reused: number;
  /** Models not probed: the provider list says a ModelScope token cannot call them. */
  unserved: number;
}

export function checkCostSummary({ rows, probeEveryModel, fresh }: CheckCostInputs): CheckCostSummary {
  const plan = planRows(rows, { probeEveryModel });
  const spends = (model: string) => !fresh.has(model);
  const spending = { ...plan, learn: plan.learn.filter(spends), probe: plan.probe.filter(spends) };
  const prices = new Map(rows.map((row) => [row.model, row.price?.price ?? null]));
  const cost = checkCost(spending, (model) => prices.get(model) ?? null);
  return { ...cost, free: plan.free.length, reused: plan.learn.length + plan.probe.length - cost.calls, unserved: plan.unserved.length };
}

/** "Check: 3 calls (≈ 1.5 credits, 1 price still to learn) · 5 models free from the balance · 1 fresh result reused". */
export function checkCostText({ calls, knownCredits, unpriced, free, reused, unserved }: CheckCostSummary): string {
  const callsPart = i18n.t('ui.checkCost.calls', calls, [formatCount(calls)]);
  const details: string[] = [];
  if (knownCredits > 0) details.push(i18n.t('ui.checkCost.credits', [creditsText(knownCredits)]));
  if (unpriced > 0) details.push(i18n.t('ui.checkCost.toLearn', unpriced, [formatCount(unpriced)]));
  const parts = [details.length > 0 ? i18n.t('ui.checkCost.details', [callsPart, details.join(i18n.t('ui.checkCost.separator'))]) : callsPart];
  if (free > 0) parts.push(i18n.t('ui.checkCost.free', free, [formatCount(free)]));
  if (reused > 0) parts.push(i18n.t('ui.checkCost.reused', reused, [formatCount(reused)]));
  if (unserved > 0) parts.push(i18n.t('ui.checkCost.unserved', unserved, [formatCount(unserved)]));
  return i18n.t('ui.checkCost.lead', [parts.join(' · ')]);
}
