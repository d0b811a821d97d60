import { i18n } from '#i18n';

/** "12 of 500", "12" without a limit, or "not reported": an unknown count is never shown as 0. */
export function callsText(remaining: number | null, limit: number | null): string {
  if (remaining === null) return i18n.t('badge.notReported');
  return limit === null ? String(remaining) : i18n.t('badge.ofLimit', [remaining, limit]);
}
