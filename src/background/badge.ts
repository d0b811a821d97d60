import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { DEFAULT_SITE } from '@src/contract';
import { badgeColours, badgeState, badgeText, type BadgeState } from '@src/quota/badge-state';
import { clockTime } from '@src/lib/clock-time';
import { activeKeyWithId } from '@src/storage/active-key-id';
import { activeFavourites, favouriteListsItem } from '@src/storage/favourite-lists';
import { keyringItem, sessionSecretsItem } from '@src/storage/keyring';
import { latestResultsFor } from '@src/storage/latest-results';
import { magicubeRecordFor } from '@src/storage/magicube-balance';
import { modelPricesItem, pricesFor } from '@src/storage/model-prices';
import { callsText } from './calls-text';
import { coalesced } from '@src/lib/coalesced';

/**
 * The stored values the badge is drawn from that our pages write (switching the active key or list, adding or removing
 * a key, setting a model's tier by hand): a change to any of them redraws it. Results, Magicube reads and the account
 * picture are written by the worker itself, which redraws the badge as it writes them.
 */
export const PAGE_WRITTEN_BADGE_INPUTS = [keyringItem, sessionSecretsItem, favouriteListsItem, modelPricesItem] as const;

async function readBadgeState(now: number): Promise<{ state: BadgeState; keyLabel: string }> {
  const active = await activeKeyWithId();
  const [models, results, magicube, prices] = await Promise.all([
    activeFavourites(),
    active ? latestResultsFor(active.keyId) : {},
    active ? magicubeRecordFor(active.keyId) : null,
    pricesFor(active?.key.site ?? DEFAULT_SITE),
  ]);
  const state = badgeState({ hasKey: active !== null, models, results, magicube, prices: prices.models, now });
  return { state, keyLabel: active?.key.label ?? '' };
}

/** Credits to two decimals at most, as ModelScope counts them. */
const credits = (amount: number) => Number(amount.toFixed(2));

/** The tooltip: which model, its numbers, where the figure came from and when. Never the key itself. */
function tooltipLines(state: BadgeState, keyLabel: string, now: number): string[] {
  const clock = (iso: string) => clockTime(Date.parse(iso), now, { locale: browser.i18n.getUILanguage() });
  switch (state.kind) {
    case 'no-key':
      return [i18n.t('badge.noKey')];
    case 'no-data':
      return [i18n.t(state.stale ? 'badge.stale' : 'badge.noData')];
    case 'refused':
      return [i18n.t('badge.refused', [keyLabel, clock(state.checkedAt)])];
    case 'magicube':
      return [i18n.t('badge.magicube', [state.available, clock(state.checkedAt)]), i18n.t('badge.pricesUnknown')];
    case 'derived': {
      const { model, calls, price, available, checkedAt } = state.lowest;
      return [
        i18n.t('badge.lowest', [model]),
        i18n.t('badge.derivedCalls', calls, [calls]),
        i18n.t('badge.derivedFrom', [credits(available), credits(price)]),
        i18n.t('badge.balanceRead', [clock(checkedAt)]),
        ...(state.unpriced > 0 ? [i18n.t('badge.unpriced', state.unpriced)] : []),
      ];
    }
    case 'monthly': {
      const { model, item } = state.lowest;
      return [
        i18n.t('badge.lowest', [model]),
        i18n.t('badge.monthCalls', [callsText(item.model_month_request_remaining, item.model_month_request_limit)]),
        i18n.t('badge.fromMonth', [clock(item.checked_at)]),
      ];
    }
    case 'quota': {
      const { model, source, item } = state.lowest;
      return [
        i18n.t('badge.lowest', [model]),
        i18n.t('badge.modelCalls', [callsText(item.model_request_remaining, item.model_request_limit)]),
        i18n.t('badge.accountCalls', [callsText(item.request_remaining, item.request_limit)]),
        i18n.t(source === 'model' ? 'badge.fromModel' : 'badge.fromAccount', [clock(item.checked_at)]),
      ];
    }
  }
}

async function drawBadge(): Promise<void> {
  const now = Date.now();
  const { state, keyLabel } = await readBadgeState(now);
  const colours = badgeColours(state);
  await Promise.all([
    browser.action.setBadgeText({ text: badgeText(state) }),
    browser.action.setBadgeBackgroundColor({ color: colours.background }),
    browser.action.setBadgeTextColor({ color: colours.text }),
    browser.action.setTitle({ title: [i18n.t('extName'), ...tooltipLines(state, keyLabel, now)].join('\n') }),
  ]);
}

/** Redraws the badge from what is stored. It never probes: it only reads what earlier checks left behind. */
export const refreshBadge = coalesced(drawBadge);
