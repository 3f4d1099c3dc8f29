import { useState, type FormEvent } from 'react';
import { Field, controlProps } from '../components/Field';
import { fxRateProblems, rateText, type FxRateDraft } from './fxRateInput';

const EMPTY: FxRateDraft = { currency: '', month: '', rate: '' };

/** Adds a rate for a currency and month (or changes it, when that month already has one). */
export function FxRateForm({
  reporting,
  busy,
  onAdd,
}: {
  reporting: string;
  busy: boolean;
  onAdd(d: FxRateDraft): Promise<boolean>;
}) {
  const [d, setD] = useState<FxRateDraft>(EMPTY);
  const [tried, setTried] = useState(false);
  const problems = tried ? fxRateProblems(d, reporting) : {};
  const set = (k: keyof FxRateDraft, v: string) => setD((s) => ({ ...s, [k]: v }));
  const rateHint = /^[A-Z]{3}$/.test(d.currency) ? `1 ${d.currency} = ? ${reporting}` : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(fxRateProblems(d, reporting)).length > 0) return;
    if (await onAdd({ ...d, rate: rateText(d.rate) })) {
      setD(EMPTY);
      setTried(false);
    }
  };
  return (
    <form className="fx-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Add an exchange rate">
      <Field id="fx-currency" label="Currency" hint="ISO 4217 code" error={problems.currency}>
        <input
          {...controlProps('fx-currency', problems.currency, 'ISO 4217 code')}
          value={d.currency}
          maxLength={3}
          autoComplete="off"
          placeholder="EUR"
          onChange={(e) => set('currency', e.target.value.toUpperCase())}
        />
      </Field>
      <Field id="fx-month" label="Month" error={problems.month}>
        <input
          {...controlProps('fx-month', problems.month)}
          type="month"
          value={d.month}
          onChange={(e) => set('month', e.target.value)}
        />
      </Field>
      <Field
        id="fx-rate"
        label="Rate"
        suffix={`${reporting} per 1 unit`}
        hint={rateHint}
        error={problems.rate}
      >
        <input
          {...controlProps('fx-rate', problems.rate, rateHint)}
          value={d.rate}
          inputMode="decimal"
          autoComplete="off"
          placeholder="1.0853"
          onChange={(e) => set('rate', e.target.value)}
        />
      </Field>
      <div className="fx-form-action">
        <button type="submit" className="primary" disabled={busy}>
          Add rate
        </button>
      </div>
    </form>
  );
}
