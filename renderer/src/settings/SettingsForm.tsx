import { useState, type FormEvent } from 'react';
import type { WorkspaceSettings } from '../../../shared/domain';
import { YEAR_LIMITS } from '../../../shared/fiscal';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field, controlProps } from '../components/Field';
import { TimeZoneSelect } from '../components/TimeZoneSelect';
import { LogoField } from './LogoField';

const MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2020, i, 1)),
  ),
);

type Form = Omit<
  WorkspaceSettings,
  | 'varianceGreen'
  | 'varianceAmber'
  | 'discountRate'
  | 'anomalyMinPct'
  | 'anomalyMinAmount'
  | 'anomalyMadFactor'
  | 'earliestYear'
  | 'latestYear'
> & {
  varianceGreen: string;
  varianceAmber: string;
  discountRate: string;
  anomalyMinPct: string;
  anomalyMinAmount: string;
  anomalyMadFactor: string;
  earliestYear: string;
  latestYear: string;
};

const pct = (f: number) => String(Math.round(f * 100 * 1e6) / 1e6);
const num = (t: string) => (t.trim() === '' ? NaN : Number(t.replace(',', '.')));

/** Every workspace setting: the pack cover, the money and calendar, thresholds, import defaults, anomaly detection. */
export function SettingsForm({
  initial,
  onSaved,
}: {
  initial: WorkspaceSettings;
  onSaved(s: WorkspaceSettings): void;
}) {
  const [f, setF] = useState<Form>({
    ...initial,
    varianceGreen: pct(initial.varianceGreen),
    varianceAmber: pct(initial.varianceAmber),
    discountRate: pct(initial.discountRate),
    anomalyMinPct: pct(initial.anomalyMinPct),
    anomalyMinAmount: String(initial.anomalyMinAmount),
    anomalyMadFactor: String(initial.anomalyMadFactor),
    earliestYear: String(initial.earliestYear),
    latestYear: String(initial.latestYear),
  });
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setF((s) => ({ ...s, [k]: v }));
    setSaved(false);
  };

  const problems: Partial<Record<keyof Form, string>> = {};
  if (!f.name.trim()) problems.name = 'Give the workspace a name.';
  if (!f.companyName.trim()) problems.companyName = 'The pack cover needs a company name.';
  if (!/^[A-Z]{3}$/.test(f.currency)) problems.currency = 'Use a three-letter ISO code such as USD or EUR.';
  const g = num(f.varianceGreen);
  const a = num(f.varianceAmber);
  if (!(g >= 0 && g <= 100)) problems.varianceGreen = 'Between 0 and 100 %.';
  if (!(a >= 0 && a <= 100)) problems.varianceAmber = 'Between 0 and 100 %.';
  else if (g > a) problems.varianceAmber = 'The amber threshold must be at least the green one.';
  const dr = num(f.discountRate);
  if (!(dr > -99 && dr <= 1000)) problems.discountRate = 'Enter an annual rate in %, e.g. 10.';
  if (!f.initiativeTagKey.trim()) problems.initiativeTagKey = 'Enter the tag key, e.g. initiative.';
  const mad = num(f.anomalyMadFactor);
  if (!(mad >= 0 && mad <= 100)) problems.anomalyMadFactor = 'Between 0 and 100.';
  const mp = num(f.anomalyMinPct);
  if (!(mp >= 0 && mp <= 10000)) problems.anomalyMinPct = 'A percentage ≥ 0.';
  const ma = num(f.anomalyMinAmount);
  if (!(ma >= 0)) problems.anomalyMinAmount = 'An amount ≥ 0.';
  const ey = num(f.earliestYear);
  const ly = num(f.latestYear);
  const yearHint = `A year from ${YEAR_LIMITS.earliestYear} to ${YEAR_LIMITS.latestYear}.`;
  const isYear = (y: number) =>
    Number.isInteger(y) && y >= YEAR_LIMITS.earliestYear && y <= YEAR_LIMITS.latestYear;
  if (!isYear(ey)) problems.earliestYear = yearHint;
  if (!isYear(ly)) problems.latestYear = yearHint;
  else if (isYear(ey) && ey > ly) problems.latestYear = 'Not before the earliest year.';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    if (Object.keys(problems).length > 0) {
      setError(new Error('Some fields need attention: see the messages next to them.'));
      return;
    }
    setBusy(true);
    try {
      const result = await api.call('settings.update', {
        patch: {
          name: f.name.trim(),
          companyName: f.companyName.trim(),
          // Sent only when changed: a change is checked against the stored amounts and rates.
          ...(f.currency !== initial.currency ? { currency: f.currency } : {}),
          fiscalStartMonth: f.fiscalStartMonth,
          varianceGreen: g / 100,
          varianceAmber: a / 100,
          discountRate: dr / 100,
          focusCostBasis: f.focusCostBasis,
          initiativeTagKey: f.initiativeTagKey.trim(),
          importTimeZone: f.importTimeZone,
          pageSize: f.pageSize,
          preparedBy: f.preparedBy,
          confidentiality: f.confidentiality,
          logoDataUrl: f.logoDataUrl,
          anomalyMadFactor: mad,
          anomalyMinPct: mp / 100,
          anomalyMinAmount: ma,
          earliestYear: ey,
          latestYear: ly,
        },
      });
      setSaved(true);
      onSaved(result);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const text = (
    k: keyof Form,
    label: string,
    opts: { hint?: string; suffix?: string; inputMode?: 'decimal' | 'text'; maxLength?: number } = {},
  ) => (
    <Field id={`setting-${k}`} label={label} suffix={opts.suffix} hint={opts.hint} error={problems[k]}>
      <input
        {...controlProps(`setting-${k}`, problems[k], opts.hint)}
        name={k}
        value={String(f[k] ?? '')}
        inputMode={opts.inputMode}
        maxLength={opts.maxLength}
        onChange={(e) => set(k, (k === 'currency' ? e.target.value.toUpperCase() : e.target.value) as never)}
      />
    </Field>
  );

  return (
    <form className="settings-form stack" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>Workspace and briefing pack</legend>
        <div className="form-grid">
          {text('name', 'Workspace name')}
          {text('companyName', 'Company name (pack cover)')}
          {text('preparedBy', 'Prepared by')}
          {text('confidentiality', 'Confidentiality line')}
          <label className="field">
            Page size
            <select value={f.pageSize} onChange={(e) => set('pageSize', e.target.value as Form['pageSize'])}>
              <option value="A4">A4</option>
              <option value="Letter">US Letter</option>
            </select>
          </label>
        </div>
        <LogoField value={f.logoDataUrl} onChange={(v) => set('logoDataUrl', v)} />
      </fieldset>
      <fieldset>
        <legend>Money and calendar</legend>
        <div className="form-grid">
          {text('currency', 'Reporting currency', {
            maxLength: 3,
            hint: 'ISO 4217 code; figures are shown in it',
          })}
          <label className="field">
            Fiscal year starts in
            <select
              value={f.fiscalStartMonth}
              onChange={(e) => set('fiscalStartMonth', Number(e.target.value))}
            >
              {MONTHS.map((m, i) => (
                <option key={m} value={i + 1}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          {text('discountRate', 'Discount rate for NPV', { suffix: '% a year', inputMode: 'decimal' })}
          {text('earliestYear', 'Plausible dates from', {
            inputMode: 'decimal',
            maxLength: 4,
            hint: 'Imported dates before this year are refused as row problems (a typo, not a quarter)',
          })}
          {text('latestYear', 'Plausible dates to', {
            inputMode: 'decimal',
            maxLength: 4,
            hint: 'Dates after this year are refused too; data already stored outside the range is left out of reports, which say so',
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend>Budget variance status</legend>
        <div className="form-grid">
          {text('varianceGreen', 'Green up to', {
            suffix: '% of budget',
            inputMode: 'decimal',
            hint: '|variance| at or below: green',
          })}
          {text('varianceAmber', 'Amber up to', {
            suffix: '% of budget',
            inputMode: 'decimal',
            hint: 'above this: red',
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend>Imports</legend>
        <div className="form-grid">
          <label className="field">
            FOCUS cost basis
            <select
              value={f.focusCostBasis}
              onChange={(e) => set('focusCostBasis', e.target.value as Form['focusCostBasis'])}
            >
              <option value="effective">Effective cost (after discounts and commitments)</option>
              <option value="billed">Billed cost (as invoiced)</option>
            </select>
          </label>
          {text('initiativeTagKey', 'Initiative tag key', {
            hint: 'Cloud resource tag that names the initiative',
          })}
          <Field
            id="setting-importTimeZone"
            label="Time zone for timestamps"
            hint="Timestamps with a zone or offset, and unix times, count on their date in this zone; a mapping can name its own"
          >
            <TimeZoneSelect
              id="setting-importTimeZone"
              describedBy="setting-importTimeZone-hint"
              value={f.importTimeZone}
              onChange={(z) => set('importTimeZone', z ?? 'UTC')}
            />
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>Anomaly detection</legend>
        <div className="form-grid">
          {text('anomalyMadFactor', 'Sensitivity', {
            suffix: '× the usual spread',
            hint: 'How far from its usual level a month must be: lower flags more months (median absolute deviation)',
            inputMode: 'decimal',
          })}
          {text('anomalyMinPct', 'Minimum change', { suffix: '% of the usual level', inputMode: 'decimal' })}
          {text('anomalyMinAmount', 'Minimum change', { suffix: f.currency, inputMode: 'decimal' })}
        </div>
      </fieldset>
      {error && <ErrorNotice title="Settings were not saved" error={error} />}
      <div className="form-actions sticky-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save settings'}
        </button>
        <span role="status" className="muted">
          {saved ? 'Saved. Figures now use these settings.' : ''}
        </span>
      </div>
    </form>
  );
}
