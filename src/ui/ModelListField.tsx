import { i18n } from '#i18n';
import { useEffect, useId, useState } from 'react';
import { z } from 'zod';
import { MAX_MODELS_PER_REQUEST, ModelIdSchema } from '../contract';
import { formatModelList, parseModelList } from './model-list';

interface Props {
  value: readonly string[];
  onSave: (models: string[]) => Promise<void>;
}

const ModelListSchema = z
  .array(ModelIdSchema)
  .min(1, 'add at least one model id')
  .max(MAX_MODELS_PER_REQUEST, `at most ${MAX_MODELS_PER_REQUEST} models`);

/** The favourites box: comma- or newline-separated ids, saved as the user leaves it. */
export function ModelListField({ value, onSave }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(formatModelList(value));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(formatModelList(value)), [value]);

  const save = async () => {
    const parsed = ModelListSchema.safeParse(parseModelList(draft));
    if (!parsed.success) {
      setProblem(i18n.t('ui.modelsInvalid', [parsed.error.issues[0]?.message ?? '']));
      return;
    }
    setProblem(null);
    if (formatModelList(parsed.data) !== formatModelList(value)) await onSave(parsed.data);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{i18n.t('ui.models')}</label>
      <textarea
        id={id}
        rows={4}
        spellCheck={false}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void save()}
        aria-describedby={`${id}-hint`}
        aria-invalid={problem !== null}
      />
      <p id={`${id}-hint`} className="hint">{i18n.t('ui.modelsHint')}</p>
      {problem && <p role="alert" className="problem">{problem}</p>}
    </div>
  );
}
