import { i18n } from '#i18n';
import { useState, type InputHTMLAttributes } from 'react';

/** A masked key field with a Show/Hide button, so a pasted key can be checked by eye. */
export function SecretInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const [revealed, setRevealed] = useState(false);
  return (
    <span className="secret-input">
      <input {...props} type={revealed ? 'text' : 'password'} autoComplete="off" spellCheck={false} />
      <button type="button" className="small" onClick={() => setRevealed(!revealed)} aria-pressed={revealed}>
        {revealed ? i18n.t('ui.hide') : i18n.t('ui.reveal')}
      </button>
    </span>
  );
}
