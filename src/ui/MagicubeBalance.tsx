import { i18n } from '#i18n';
import type { MagicubeReply } from '@src/contract';

/** The account's Magicube credits, always labelled with their unit so they are never read as calls. */
export function MagicubeBalance({ reply }: { reply: MagicubeReply | undefined }) {
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
