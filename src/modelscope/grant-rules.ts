import { z } from 'zod/mini';
import { magicubeEarnRulesUrl } from './endpoints';
import type { SiteRequestOptions } from './http';
import { readMagicubeData, type MagicubeFailure } from './magicube-read';
import type { GrantRule } from './magicube-shapes';
import { parseAmount, parseLabel, parseWholeCount } from './magicube-values';

export type GrantRulesOutcome = { ok: true; rules: GrantRule[]; dropped: number } | MagicubeFailure;

/** One earn rule, or null without a `rule_key`; every other field may be missing or unusable and is then null. */
export function parseGrantRule(raw: unknown): GrantRule | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const ruleKey = parseLabel(record.rule_key);
  if (ruleKey === null) return null;
  return {
    ruleKey,
    title: parseLabel(record.title),
    scene: parseLabel(record.scene),
    credits: parseAmount(record.amount),
    dailyCap: parseWholeCount(record.daily_cap),
    todayUsed: parseWholeCount(record.today_used ?? record.today_count),
    todayRemain: parseWholeCount(record.today_remain),
    todayEarned: parseAmount(record.today_earned_amount),
  };
}

/**
 * The ways to earn credits and today's progress on each. Free, though reading it may itself count as the day's
 * activity. Never throws.
 */
export async function readGrantRules(apiKey: string, options: SiteRequestOptions): Promise<GrantRulesOutcome> {
  const answer = await readMagicubeData(magicubeEarnRulesUrl(options.site), apiKey, options);
  if (!answer.ok) return answer;
  const parsed = z.array(z.unknown()).safeParse(answer.data);
  if (!parsed.success) return { ok: false, reason: 'unreadable', status: answer.status, detail: null };
  const rules: GrantRule[] = [];
  let dropped = 0;
  for (const record of parsed.data) {
    const rule = parseGrantRule(record);
    if (rule === null) dropped += 1;
    else rules.push(rule);
  }
  return { ok: true, rules, dropped };
}
