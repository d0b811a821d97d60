import { i18n } from '#i18n';
import type { ExpiryView } from '@src/account/credits-view';
import { clockText, creditsText } from './format';

/**
 * "200 credits expire at 07:41 tomorrow": exact where the grant gave its `expire_at` and nothing was spent since;
 * "up to" where spending may have used some; "(estimate)" where the time is the 24 h rule's.
 */
export function expiryText({ at, credits, exact, upTo }: ExpiryView, now: number): string {
  const amount = creditsText(credits);
  const when = clockText(at, now);
  const key = upTo ? (exact ? 'ui.credits.expiryUpTo' : 'ui.credits.expiryUpToEstimate') : exact ? 'ui.credits.expiryExact' : 'ui.credits.expiryEstimate';
  return i18n.t(key, [amount, when]);
}
