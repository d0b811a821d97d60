import type { BalanceItem } from '@src/contract';
import type { MagicubeRecord } from './types';
import { lowestQuota, type LowestQuota } from './lowest-quota';
import { quotaLevel } from './quota-level';
import { lastReset } from './reset-time';

/** What the toolbar badge says, before it is put into text, colour and a tooltip. */
export type BadgeState =
  | { kind: 'no-key' }
  /** `stale`: there are numbers, but all from before the last (estimated) reset, so they no longer hold. */
  | { kind: 'no-data'; stale: boolean }
  | { kind: 'refused'; checkedAt: string }
  | { kind: 'quota'; lowest: LowestQuota }
  /** ModelScope reports no call quota, so the badge shows Magicube credits instead, in a colour of their own. */
  | { kind: 'magicube'; available: number; checkedAt: string };

export interface BadgeInputs {
  hasKey: boolean;
  /** The active favourites. */
  models: readonly string[];
  /** The latest result of each model for the active key. */
  results: Readonly<Record<string, BalanceItem>>;
  magicube: MagicubeRecord | null;
  now: number;
}

/** Whether the newest thing heard about the key, from any model or from Magicube, is that ModelScope refused it. */
function newestRefusal(results: readonly BalanceItem[], magicube: MagicubeRecord | null): string | null {
  const evidence = [
    ...results.map((item) => ({ at: item.checked_at, refused: item.error_kind === 'auth' })),
    ...(magicube ? [{ at: magicube.checked_at, refused: magicube.status === 'refused' }] : []),
  ];
  const newest = evidence.reduce<(typeof evidence)[number] | null>(
    (latest, next) => (latest && Date.parse(latest.at) >= Date.parse(next.at) ? latest : next),
    null,
  );
  return newest?.refused ? newest.at : null;
}

export function badgeState({ hasKey, models, results, magicube, now }: BadgeInputs): BadgeState {
  if (!hasKey) return { kind: 'no-key' };
  const refusedAt = newestRefusal(Object.values(results), magicube);
  if (refusedAt) return { kind: 'refused', checkedAt: refusedAt };
  const lowest = lowestQuota(models, results, lastReset(now));
  if (lowest) return { kind: 'quota', lowest };
  const favourites = models.flatMap((model) => results[model] ?? []);
  if (magicube?.status === 'ok' && favourites.some((item) => item.error_kind === 'no_quota_headers')) {
    return { kind: 'magicube', available: magicube.balance.available_balance, checkedAt: magicube.checked_at };
  }
  return { kind: 'no-data', stale: lowestQuota(models, results, Number.NEGATIVE_INFINITY) !== null };
}

const SCALES: Array<[suffix: string, size: number]> = [
  ['k', 1e3],
  ['M', 1e6],
  ['B', 1e9],
];

/** A count in at most 4 characters, never rounded up: 0–999, then 1.2k, 12k, 999k, 1.2M… */
export function compactCount(value: number): string {
  const whole = Math.max(0, Math.floor(value));
  if (whole < 1000) return String(whole);
  for (const [suffix, size] of SCALES) {
    const tenths = Math.floor((whole * 10) / size);
    if (tenths < 100) return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}${suffix}`;
    if (tenths < 10_000) return `${Math.floor(tenths / 10)}${suffix}`;
  }
  return '1T+';
}

export function badgeText(state: BadgeState): string {
  switch (state.kind) {
    case 'no-key':
    case 'no-data':
      return '?';
    case 'refused':
      return '!';
    case 'quota':
      return compactCount(state.lowest.remaining);
    case 'magicube':
      return compactCount(state.available);
  }
}

export interface BadgeColours {
  background: string;
  text: string;
}

/** Green, amber and red as the quota bars use them; grey for no data; violet for Magicube credits, never a level. */
export const BADGE_COLOURS = {
  ok: { background: '#1a7f37', text: '#ffffff' },
  low: { background: '#d4a72c', text: '#1f2328' },
  critical: { background: '#cf222e', text: '#ffffff' },
  unknown: { background: '#6e7781', text: '#ffffff' },
  magicube: { background: '#8250df', text: '#ffffff' },
} as const satisfies Record<string, BadgeColours>;

export function badgeColours(state: BadgeState): BadgeColours {
  switch (state.kind) {
    case 'no-key':
    case 'no-data':
      return BADGE_COLOURS.unknown;
    case 'refused':
      return BADGE_COLOURS.critical;
    case 'quota':
      return BADGE_COLOURS[quotaLevel(state.lowest.remaining, state.lowest.limit)];
    case 'magicube':
      return BADGE_COLOURS.magicube;
  }
}
