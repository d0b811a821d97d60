import { i18n } from '#i18n';
import { nextReset, untilNextReset } from '@src/quota/reset-time';

/** Time left until the daily quota resets, labelled as the estimate it is (midnight China Standard Time). */
export function ResetCountdown({ now }: { now: number }) {
  const { hours, minutes } = untilNextReset(now);
  return (
    <p className="hint reset-countdown">
      <time dateTime={new Date(nextReset(now)).toISOString()}>{i18n.t('history.resetIn', [hours, minutes])}</time>
    </p>
  );
}
