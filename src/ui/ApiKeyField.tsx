import { i18n } from '#i18n';
import { useEffect, useId, useState } from 'react';
import { ApiKeySchema } from '../contract';
import { ACCESS_TOKEN_PAGE_URL } from '../modelscope/endpoints';

interface Props {
  value: string;
  onSave: (key: string) => Promise<void>;
}

/** The masked key field: saves a valid key (or an empty field) as the user leaves it, refuses anything else. */
export function ApiKeyField({ value, onSave }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(value), [value]);

  const save = async () => {
    const trimmed = draft.trim();
    if (trimmed === value) return;
    const parsed = trimmed === '' ? { success: true as const, data: '' } : ApiKeySchema.safeParse(trimmed);
    if (!parsed.success) {
      setProblem(i18n.t('ui.apiKeyInvalid', [parsed.error.issues[0]?.message ?? '']));
      return;
    }
    setProblem(null);
    await onSave(parsed.data);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{i18n.t('ui.apiKey')}</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder="ms-…"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void save()}
        aria-describedby={`${id}-hint`}
        aria-invalid={problem !== null}
      />
      <p id={`${id}-hint`} className="hint">
        {i18n.t('ui.apiKeyHint')}{' '}
        <a href={ACCESS_TOKEN_PAGE_URL} target="_blank" rel="noreferrer">
          {i18n.t('ui.getToken')}
        </a>
      </p>
      {problem && <p role="alert" className="problem">{problem}</p>}
    </div>
  );
}
