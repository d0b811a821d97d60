import { i18n } from '#i18n';
import { addKey, setActiveKey, type NewKey } from '@src/storage/keyring';
import type { WriteResult } from '@src/storage/write-result';
import { KeyForm } from './KeyForm';

/** The pasted key becomes the active one even when others are saved (a session-only key forgotten since). */
async function saveActiveKey(key: NewKey): Promise<WriteResult<unknown>> {
  const saved = await addKey(key);
  return saved.ok ? setActiveKey(saved.value.id) : saved;
}

/** Shown while no key is usable: how to get a token, and where to paste it. */
export function FirstRunGuide() {
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{i18n.t('ui.firstRun.title')}</h2>
      <ol>
        <li>{i18n.t('ui.firstRun.step1')}</li>
        <li>{i18n.t('ui.firstRun.step2')}</li>
        <li>{i18n.t('ui.firstRun.step3')}</li>
      </ol>
      <KeyForm defaultLabel={i18n.t('ui.firstRun.defaultLabel')} submitLabel={i18n.t('ui.firstRun.save')} onSubmit={saveActiveKey} />
    </section>
  );
}
