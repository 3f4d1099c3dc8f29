import { Field, controlProps } from '../components/Field';

const HINT = 'Quarters before it keep the target they had.';

/**
 * From which quarter a target change takes effect: earlier quarters keep the target they had, so a past
 * quarter's status (and a pack already sent) is not re-scored by raising a target today.
 */
export function EffectiveFromField({
  value,
  quarters,
  onChange,
}: {
  value: string;
  /** The quarters to choose from, oldest first. */
  quarters: string[];
  onChange(quarter: string): void;
}) {
  return (
    <Field id="kpi-effective-from" label="Target takes effect from" hint={HINT}>
      <select
        {...controlProps('kpi-effective-from', undefined, HINT)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="kpi-effective-from"
      >
        {quarters.map((q) => (
          <option key={q} value={q}>
            {q}
          </option>
        ))}
      </select>
    </Field>
  );
}
