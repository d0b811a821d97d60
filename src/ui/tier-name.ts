import { i18n } from '#i18n';

/** The tiers of both sites in the UI language (lite is 轻量 on the website, standard 主流, ultra 旗舰); any other tier keeps ModelScope's own word. */
const KNOWN_TIER_NAMES: Readonly<Record<string, () => string>> = {
  lite: () => i18n.t('ui.tier.lite'),
  standard: () => i18n.t('ui.tier.standard'),
  ultra: () => i18n.t('ui.tier.ultra'),
  discount: () => i18n.t('ui.tier.discount'),
};

/** "lite" / "轻量" for a known tier id, otherwise the tier as ModelScope wrote it; null when neither is known. */
export function tierName(tier: string | null, rawTier: string | null): string | null {
  const known = tier !== null && Object.hasOwn(KNOWN_TIER_NAMES, tier) ? KNOWN_TIER_NAMES[tier] : undefined;
  return known ? known() : rawTier;
}
