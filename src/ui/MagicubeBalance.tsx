import { i18n } from '#i18n';
import { useMagicube } from './use-magicube';

/** The active key's Magicube credits, always labelled with their unit so they are never read as calls. */
export function MagicubeBalance({ secret }: { secret: string }) {
  const reply = useMagicube(secret);
  if (!reply) return null;
  const { data } = reply;
  return (
    <section className="magicube" aria-label={i18n.t('ui.magicube.title')}>
      <strong>{i18n.t('ui.magicube.title')}</strong>{' '}
      {data ? (
        <>
          <span className="magicube-value">
            {i18n.t('ui.magicube.value', [data.available_balance, data.frozen_amount, data.total_balance])}
          </span>{' '}
          <span className="hint">{i18n.t('ui.magicube.unit')}</span>
        </>
      ) : (
        <span className="hint">{reply.message}</span>
      )}
    </section>
  );
}
