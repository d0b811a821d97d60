import { i18n } from '#i18n';
import { useState } from 'react';
import { errorMessage } from './format';

/** Copies the results as text; says "Copied" for a moment, or why the browser would not let it copy. */
export function CopyResultsButton({ text }: { text: () => string }) {
  const [copied, setCopied] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
    } catch (error) {
      // The browser's own refusal (page not focused, permission denied): only its text says which.
      setProblem(i18n.t('ui.copyFailed', [errorMessage(error)]));
      return;
    }
    setProblem(null);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <>
      <button type="button" className="small" onClick={() => void copy()}>
        {copied ? i18n.t('ui.copied') : i18n.t('ui.copy')}
      </button>
      {problem && <span role="alert" className="problem">{problem}</span>}
    </>
  );
}
