import { i18n } from '#i18n';
import { creditsView } from '@src/account/credits-view';
import { offerEntriesNow } from '@src/account/offers';
import { newestRead } from '@src/account/record';
import { readAccount, refreshAccount } from '@src/account/refresh';
import { viewOf } from '@src/account/view-of';
import { DEFAULT_SITE, type CreditsPicture, type CreditsReply, type CreditsRequest, type CreditsSource, type Site } from '@src/contract';
import { activeFavourites } from '@src/storage/favourite-lists';
import { hasSiteAccess } from '../../site-access';
import { callerAccount, type Caller } from '../caller';
import { creditsPicture, modelOffers, offersOnlyPicture } from '../credits-picture';
import { accountRefusal, siteAccessRefusal } from '../replies';

/** Credits to two decimals at most, as ModelScope counts them. */
const creditsText = (credits: number) => i18n.t('reply.creditsAmount', credits, [Number(credits.toFixed(2))]);

/** Why a part is not known. A source that answered, but before today began or without the part, did not return it. */
function unknownBecause(status: CreditsSource['status']): string {
  return i18n.t(`reply.creditsStatus.${status === 'ok' ? 'not_returned' : status}`);
}

function balancePart({ balance, sources }: CreditsPicture): string {
  if (balance !== null) return i18n.t('reply.creditsAvailable', [creditsText(balance.available_balance)]);
  return i18n.t('reply.creditsBalanceUnknown', [unknownBecause(sources.balance.status)]);
}

/** Today's spend, said to be every app's that uses the token; unknown is said as such, never as 0. */
function spendPart({ today, sources }: CreditsPicture): string {
  if (today === null) return i18n.t('reply.creditsSpendUnknown', [unknownBecause(sources.ledger.status)]);
  const credits = creditsText(today.total_credits);
  if (today.total_calls === null) return i18n.t('reply.creditsSpentTodayNoCount', [credits]);
  return i18n.t('reply.creditsSpentToday', [i18n.t('reply.callsCount', today.total_calls), credits]);
}

/** The reply: a success when every source answered its last read; the figures' age when they came from storage. */
function creditsReply(picture: CreditsPicture, ageSeconds: number | null): CreditsReply {
  const sentence = i18n.t('reply.credits', [balancePart(picture), spendPart(picture)]);
  const message = ageSeconds === null ? sentence : i18n.t('reply.creditsFromStorage', [sentence, ageSeconds]);
  const refused = picture.sources.balance.status === 'refused';
  return {
    success: Object.values(picture.sources).every((source) => source.status === 'ok'),
    data: picture,
    message,
    ...(refused ? { error: { code: 'auth' as const } } : {}),
  };
}

/**
 * The account in credits, from the free Magicube endpoints, and the offers of the models asked about, from the
 * provider list: never a probe. Our own pages asking with the saved key get its record (read again when older than a
 * minute) with the active list's known prices; a key sent in the request is read now, nothing of it is kept, and it
 * gets no model of ours. Another extension asking about models with no key at all gets their offers alone.
 */
export async function handleCredits(request: CreditsRequest, caller: Caller): Promise<CreditsReply> {
  if (caller.external && request.api_key === undefined && request.models !== undefined) return offersAlone(request.models, request.site ?? DEFAULT_SITE);
  const resolved = await callerAccount(request, caller);
  if (!resolved.ok) return accountRefusal('credits', resolved, caller);
  const { account, saved } = resolved;
  const asked = Date.now();
  if (saved === null) {
    const models = request.models ?? [];
    const record = await readAccount(account, models);
    return creditsReply(creditsPicture(creditsView(record, Date.now()), [], modelOffers(models, record.offers)), null);
  }
  const models = request.models ?? (await activeFavourites());
  const record = await refreshAccount(saved, { models });
  const view = await viewOf(saved);
  const readAt = newestRead(record);
  const ageSeconds = readAt < asked ? Math.max(0, Math.round((Date.now() - readAt) / 1000)) : null;
  // What was read, even when keeping it failed.
  const credits = view.credits ?? creditsView(record, Date.now());
  return creditsReply(creditsPicture(credits, view.rows, modelOffers(models, record.offers)), ageSeconds);
}

/** The offers of models asked about with no key: keyless and free; nothing is kept. */
async function offersAlone(models: string[], site: Site): Promise<CreditsReply> {
  if (!(await hasSiteAccess(site))) return siteAccessRefusal('credits', site);
  const offers = modelOffers(models, await offerEntriesNow(site, models));
  const read = offers.filter((offer) => offer.status === 'ok').length;
  // The plural follows the models asked about: "1 of 3 models".
  return { success: read === offers.length, data: offersOnlyPicture(offers), message: i18n.t('reply.offersOnly', offers.length, [read, offers.length]) };
}
