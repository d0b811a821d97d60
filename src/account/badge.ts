import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { clockTime } from '@src/lib/clock-time';
import { coalesced } from '@src/lib/coalesced';
import { badgeColours, badgeText, type BadgeState } from '@src/quota/badge-state';
import { favouriteListsItem } from '@src/storage/favourite-lists';
import { keyringItem, sessionSecretsItem } from '@src/storage/keyring';
import { modelPricesItem } from '@src/storage/model-prices';
import { activeAccount } from './active';
import { callsText } from './calls-text';
import { viewOf } from './view-of';

/**
 * The stored values the badge is drawn from that our pages write (switching the active key or list, adding or removing
 * a key, setting a model's tier by hand): a change to any of them redraws it. What the worker writes itself (results,
 * the account's record, history) is followed by follow.ts, which redraws the badge as it goes.
 */
export const PAGE_WRITTEN_BADGE_INPUTS = [keyringItem, sessionSecretsItem, favouriteListsItem, modelPricesItem] as const;

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
  const active = await activeAccount();
  const state: BadgeState = active ? (await viewOf(active)).badge : { kind: 'no-key' };
  const colours = badgeColours(state);
  await Promise.all([
    browser.action.setBadgeText({ text: badgeText(state) }),
    browser.action.setBadgeBackgroundColor({ color: colours.background }),
    browser.action.setBadgeTextColor({ color: colours.text }),
    browser.action.setTitle({ title: [i18n.t('extName'), ...tooltipLines(state, active?.key.label ?? '', now)].join('\n') }),
  ]);
}

/** Redraws the badge from what is stored. It never probes: it only reads what earlier checks and reads left behind. */
export const redrawBadge = coalesced(drawBadge);
