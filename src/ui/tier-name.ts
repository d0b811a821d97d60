import { i18n } from '#i18n';

/** The China site's three tiers in the UI language; another site's tiers keep ModelScope's own word. */
const KNOWN_TIER_NAMES: Readonly<Record<string, () => string>> = {
  lightweight: () => i18n.t('ui.tier.lightweight'),
  mainstream: () => i18n.t('ui.tier.mainstream'),
  flagship: () => i18n.t('ui.tier.flagship'),
};

/** "lightweight" / "轻量" for a known tier id, otherwise the tier as ModelScope wrote it. */
export function tierName(tier: string, rawTier: string): string {
  const known = Object.hasOwn(KNOWN_TIER_NAMES, tier) ? KNOWN_TIER_NAMES[tier] : undefined;
  return known ? known() : rawTier;
}
