import { i18n } from '#i18n';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiKeySchema } from '@src/contract';
import { MAX_KEY_LABEL_LENGTH, type NewKey } from '@src/storage/keyring';
import type { WriteResult } from '@src/storage/write-result';
import { contractProblemCode, contractProblemText } from './contract-problem-text';
import { writeProblemText } from './problem-text';
import { SecretInput } from './SecretInput';

interface Props {
  defaultLabel: string;
  submitLabel: string;
  onSubmit: (key: NewKey) => Promise<WriteResult<unknown>>;
}

/** Label, masked key and "remember", checked before anything is stored. */
export function KeyForm({ defaultLabel, submitLabel, onSubmit }: Props) {
  const id = useId();
  const [label, setLabel] = useState(defaultLabel);
  const [secret, setSecret] = useState('');
  const [remember, setRemember] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  // After a key is added the suggested label moves on ("Key 2" to "Key 3"); so does the field.
  useEffect(() => setLabel(defaultLabel), [defaultLabel]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = ApiKeySchema.safeParse(secret);
    if (!parsed.success) {
      const code = contractProblemCode(parsed.error.issues[0]?.message ?? '');
      setProblem(code ? i18n.t('ui.apiKeyInvalid', [contractProblemText(code)]) : i18n.t('ui.apiKeyCannotSave'));
      return;
    }
    const saved = await onSubmit({ label: label.trim() || defaultLabel, secret: parsed.data, remember });
    if (!saved.ok) return setProblem(writeProblemText(saved.problem));
    setSecret('');
    setProblem(null);
  };

  return (
    <form className="key-form" onSubmit={(event) => void submit(event)} noValidate>
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
