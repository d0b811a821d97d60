import { i18n } from '#i18n';
import type { CreditsView } from '@src/account/credits-view';
import type { Site } from '@src/contract';
import { websiteHost } from '@src/modelscope/endpoints';
import { missingText, sourceLine } from './credits-source';
import { earnRuleName } from './earn-rule-name';
import { creditsText, formatCount } from './format';
import { LoginGrantButton } from './GrantStatus';

/** What the earn rules still offer today on the website (likes, comments, AIGC works…), each rule's credits × times left. */
export function EarnableToday({ credits, site, now }: { credits: CreditsView; site: Site; now: number }) {
  const { earnable, sources } = credits;
  if (earnable === null) return <p className="credits-missing">{missingText('rules', sources.rules.status)}</p>;
  if (earnable.rules.length === 0) return null;
  return (
    <div className="credits-earnable">
      <h3>{i18n.t('ui.credits.earnableTitle', [creditsText(earnable.credits), websiteHost(site)])}</h3>
      <p className="hint">
        {earnable.rules
          .map((rule) => i18n.t('ui.credits.earnableRule', [earnRuleName(rule.ruleKey, rule.title), creditsText(rule.credits), formatCount(rule.timesLeft)]))
          .join(i18n.t('ui.offer.separator'))}
      </p>
      <p className="hint source">
        {sourceLine('rules', sources.rules, now)} <LoginGrantButton site={site} />
      </p>
    </div>
  );
}
