import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { RowView } from '@src/account/rows';
import type { Site } from '@src/contract';
import { modelPageUrl, websiteHost } from '@src/modelscope/endpoints';
import type { HistoryPoint } from '@src/quota/types';
import { derivedText, unpricedText } from './CallsLeftCell';
import { ageText } from './format';
import { changeText, listFailureText, priceSourceText, priceText, unservedText } from './offer-text';
import { PaceLine } from './PaceLine';
import { QuotaChart } from './QuotaChart';

interface Props {
  row: RowView;
  site: Site;
  /** The model's checks from the key's history. */
  points: readonly HistoryPoint[];
  now: number;
}

const openModelPage = (site: Site, model: string) => void browser.tabs.create({ url: modelPageUrl(site, model) });

/** What the row's figures rest on, each with its source and age; why a figure is missing; then today's chart and pace. */
export function RowDetails({ row, site, points, now }: Props) {
  const { model, callsLeft, price, offer, change } = row;
  const lines: string[] = [];
  if (callsLeft.kind === 'unserved') lines.push(unservedText(callsLeft.offer));
  if (callsLeft.kind === 'derived') lines.push(derivedText(callsLeft, now));
  else if (price) lines.push(i18n.t('ui.rows.priceIs', [priceText(price), priceSourceText(price, now)]));
  if (callsLeft.kind === 'unpriced') lines.push(unpricedText(callsLeft));
  if (change) lines.push(changeText(change));
  // The latest read failed, and an older answer is what the row shows: said with that answer's age.
  if (offer && offer.last.outcome !== 'ok' && offer.read_at !== null) {
    lines.push(i18n.t('ui.rows.offerStale', [listFailureText(offer.last.outcome), ageText(offer.read_at, now)]));
  }
  return (
    <div className="row-details">
      {lines.map((line) => (
        <p key={line} className="hint">{line}</p>
      ))}
      {row.served !== null && (
        <p className="hint">
          <button type="button" className="link" onClick={() => openModelPage(site, model)}>
            {i18n.t('ui.rows.modelPage', [websiteHost(site)])}
          </button>
        </p>
      )}
      {/* Today's chart of ModelScope's counts: only where probes brought some. */}
      {points.length > 0 && (
        <>
          <QuotaChart model={model} points={points} now={now} />
          <PaceLine points={points} now={now} />
        </>
      )}
    </div>
  );
}
