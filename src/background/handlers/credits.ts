import { i18n } from '#i18n';
import type { CreditsPicture, CreditsReply, CreditsRequest, CreditsSource } from '@src/contract';
import { callerAccount, type Caller } from '../caller';
import { accountForOtherExtension, accountForOurPages, pictureWithoutModels, picturedForOurPages } from '../credits';
import { accountRefusal } from '../replies';

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
  const sources = Object.values(picture.sources);
  const refused = picture.sources.balance.status === 'refused';
  return {
    success: sources.every((source) => source.status === 'ok'),
    data: picture,
    message,
    ...(refused ? { error: { code: 'auth' as const } } : {}),
  };
}

/**
 * The account in credits, from the free Magicube endpoints: never a probe. Our own pages get it from storage when it
 * is younger than a minute, with the active list's learned prices; another extension reads with its own key, has
 * nothing stored, and gets no model of ours.
 */
export async function handleCredits(request: CreditsRequest, caller: Caller): Promise<CreditsReply> {
  const resolved = await callerAccount(request, caller);
  if (!resolved.ok) return accountRefusal('credits', resolved, caller);
  const { account } = resolved;
  if (caller.external) {
    const state = await accountForOtherExtension(account);
    return creditsReply(pictureWithoutModels(state, Date.now()), null);
  }
  const { state, readAt, fromStorage } = await accountForOurPages(account);
  const now = Date.now();
  const ageSeconds = fromStorage ? Math.max(0, Math.round((now - readAt) / 1000)) : null;
  return creditsReply(await picturedForOurPages(state, account.site, now), ageSeconds);
}
