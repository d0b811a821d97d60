interface Props {
  id: string;
  label: string;
  /** The allowed range, which the hint should state. */
  range: { min: number; max: number };
  /** The field's text as typed, so an emptied field stays empty instead of turning into 0. */
  value: string;
  onChange: (text: string) => void;
  hint: string;
  disabled?: boolean;
}

/** A whole-number setting with its label and a hint that explains its range. */
export function NumberField({ id, label, range, value, onChange, hint, disabled }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={range.min}
        max={range.max}
        step={1}
        disabled={disabled}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="hint">{hint}</p>
    </div>
  );
}
