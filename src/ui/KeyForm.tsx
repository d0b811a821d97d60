import { i18n } from '#i18n';
import { useId, useState, type FormEvent } from 'react';
import { ApiKeySchema, DEFAULT_SITE, SITES, type Site } from '@src/contract';
import { accessTokenPageUrl, websiteHost } from '@src/modelscope/endpoints';
import { MAX_KEY_LABEL_LENGTH, type NewKey } from '@src/storage/keyring';
import type { WriteResult } from '@src/storage/write-result';
import { contractProblemCode, contractProblemText } from './contract-problem-text';
import { writeProblemText } from './problem-text';
import { SecretInput } from './SecretInput';
import { askForSiteAccess, asksForAccess } from './site-access';
import { siteName } from './site-name';
import { useDraft } from './use-draft';

interface Props {
  defaultLabel: string;
  submitLabel: string;
  onSubmit: (key: NewKey) => Promise<WriteResult<unknown>>;
}

/**
 * Site, masked key, label and "remember", checked before anything is stored. A key of a site whose hosts are optional
 * is saved only once the browser has granted them (its own prompt, asked in the submit's handler).
 */
export function KeyForm({ defaultLabel, submitLabel, onSubmit }: Props) {
  const id = useId();
  // After a key is added the suggested label moves on ("Key 2" to "Key 3"); so does the field.
  const [label, setLabel] = useDraft(defaultLabel);
  const [secret, setSecret] = useState('');
  const [remember, setRemember] = useState(true);
  const [site, setSite] = useState<Site>(DEFAULT_SITE);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = ApiKeySchema.safeParse(secret);
    if (!parsed.success) {
      const code = contractProblemCode(parsed.error.issues[0]?.message ?? '');
      setProblem(code ? i18n.t('ui.apiKeyInvalid', [contractProblemText(code)]) : i18n.t('ui.apiKeyCannotSave'));
      return;
    }
    // Asked before the first await: the browser shows its prompt only while handling the user's click.
    if (!(await askForSiteAccess(site))) return setProblem(i18n.t('ui.site.accessRefused', [websiteHost(site)]));
    const saved = await onSubmit({ label: label.trim() || defaultLabel, secret: parsed.data, remember, site });
    if (!saved.ok) return setProblem(writeProblemText(saved.problem));
    setSecret('');
    setProblem(null);
  };

  return (
    <form className="key-form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="site-choice">
        <legend>{i18n.t('ui.site.choose')}</legend>
        {SITES.map((choice) => (
          <label key={choice} className="check">
            <input type="radio" name={`${id}-site`} value={choice} checked={site === choice} onChange={() => setSite(choice)} />
            {siteName(choice)}
          </label>
        ))}
        <p className="hint">
          {i18n.t('ui.site.tokenFrom')}{' '}
          <a href={accessTokenPageUrl(site)} target="_blank" rel="noreferrer">
            {accessTokenPageUrl(site).replace(/^https:\/\//, '')}
          </a>
          {asksForAccess(site) && <> {i18n.t('ui.site.accessAsked', [websiteHost(site)])}</>}
        </p>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-secret`}>{i18n.t('ui.apiKey')}</label>
        <SecretInput
          id={`${id}-secret`}
          placeholder="ms-…"
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
          aria-invalid={problem !== null}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-label`}>{i18n.t('ui.firstRun.label')}</label>
        <input id={`${id}-label`} value={label} maxLength={MAX_KEY_LABEL_LENGTH} onChange={(event) => setLabel(event.target.value)} />
      </div>
      <label className="check">
        <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
        {i18n.t('ui.firstRun.remember')}
      </label>
      <p className="hint">{i18n.t('ui.apiKeyHint')}</p>
      {problem && <p role="alert" className="problem">{problem}</p>}
      <button type="submit" className="primary">{submitLabel}</button>
    </form>
  );
}
