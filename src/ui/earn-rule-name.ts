import { i18n } from '#i18n';

/** The short-term earn rules seen in the real capture (2026-09), in the UI language; others keep ModelScope's title. */
const KNOWN_RULE_NAMES: Readonly<Record<string, () => string>> = {
  interaction_like: () => i18n.t('ui.earnRule.interaction_like'),
  interaction_comment: () => i18n.t('ui.earnRule.interaction_comment'),
  opensource_aigcworks_publish: () => i18n.t('ui.earnRule.opensource_aigcworks_publish'),
  opensource_model_publish_aigc: () => i18n.t('ui.earnRule.opensource_model_publish_aigc'),
  badge_magicube_shortterm: () => i18n.t('ui.earnRule.badge_magicube_shortterm'),
};

/** "likes and favourites" / "收藏/喜欢" for a known rule, otherwise ModelScope's own title (or its key). */
export function earnRuleName(ruleKey: string, title: string | null): string {
  const known = Object.hasOwn(KNOWN_RULE_NAMES, ruleKey) ? KNOWN_RULE_NAMES[ruleKey] : undefined;
  return known ? known() : (title ?? ruleKey);
}
