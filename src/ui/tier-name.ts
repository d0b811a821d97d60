import { i18n } from '#i18n';

/** The tiers seen on both sites in the UI language; any other tier keeps ModelScope's own word. */
const KNOWN_TIER_NAMES: Readonly<Record<string, () => string>> = {
  lightweight: () => i18n.t('ui.tier.lightweight'),
  mainstream: () => i18n.t('ui.tier.mainstream'),
  flagship: () => i18n.t('ui.tier.flagship'),
  // The international site's, as seen in 2026-08.
  discount: () => i18n.t('ui.tier.discount'),
  lite: () => i18n.t('ui.tier.lite'),
  standard: () => i18n.t('ui.tier.standard'),
  ultra: () => i18n.t('ui.tier.ultra'),
};

/** "lightweight" / "轻量" for a known tier id, otherwise the tier as ModelScope wrote it. */
export function tierName(tier: string, rawTier: string): string {
  const known = Object.hasOwn(KNOWN_TIER_NAMES, tier) ? KNOWN_TIER_NAMES[tier] : undefined;
  return known ? known() : rawTier;
}
