import { i18n } from '#i18n';
import type { NewKey } from '@src/storage/keyring';
import { addKeyWithSiteList } from './add-key';
import { KeyForm } from './KeyForm';

/** The pasted key becomes the active one even when others are saved (a session-only key forgotten since). */
const saveActiveKey = (key: NewKey) => addKeyWithSiteList(key, { activate: true });

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
