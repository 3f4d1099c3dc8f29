import { useState, type FormEvent } from 'react';
import {
  KPI_AGGREGATIONS,
  KPI_CATEGORIES,
  KPI_DIRECTIONS,
  KPI_UNITS,
  type KpiAggregation,
  type KpiCategory,
  type KpiDefinition,
  type KpiDirection,
  type KpiUnit,
} from '../../../shared/domain';
import { Field, controlProps } from '../components/Field';
import { fromEditValue, toEditValue, unitSuffix } from '../kpiFormat';
import { EffectiveFromField } from './EffectiveFromField';
import { KpiCommentaryInput } from './KpiCommentaryInput';

export interface KpiFormValues {
  id: string;
  name: string;
  description: string;
  category: KpiCategory;
  unit: KpiUnit;
  direction: KpiDirection;
  target: number;
  amber: number;
  tolerance: number | null;
  aggregation: KpiAggregation;
  frequency: 'weekly' | 'monthly' | 'quarterly';
  owner: string | null;
}

const DIRECTION_LABEL: Record<KpiDirection, string> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
  band: 'Close to target (band)',
};
const AGG_LABEL: Record<KpiAggregation, string> = {
  last: 'Last value of the quarter',
  mean: 'Mean of the quarter',
  sum: 'Sum over the quarter',
};

/** "Internal NPS for AI tools" → "internal_nps_for_ai_tools": lower case, words joined by underscores. */
function identifierFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(?=[0-9])/, 'kpi_') // an identifier starts with a letter
    .slice(0, 60);
}

/** The KPI's commentary for the quarter shown, edited beside its definition (scorecard's Edit dialog). */
export interface KpiFormCommentary {
  period: string;
  initial: string;
  /** Off track: an empty commentary is flagged, as on the Narrative screen. */
  offTrack: boolean;
}

/**
 * Edits a KPI definition; `isNew` adds id, name, category and unit fields; `commentary` adds the quarter's
 * commentary, handed to `onSubmit` with the definition.
 */
export function KpiForm({
  initial,
  isNew,
  currency,
  submitLabel,
  onSubmit,
  onCancel,
  effectiveFrom,
  commentary,
}: {
  initial: KpiFormValues | KpiDefinition;
  isNew: boolean;
  currency: string;
  submitLabel: string;
  /** The quarter a target change takes effect from (an edit of an existing KPI asks). */
  onSubmit(values: KpiFormValues, effectiveFrom?: string, commentary?: string): Promise<void>;
  onCancel(): void;
  /** Editing: the quarters to choose the change's first quarter from, and the default (the quarter shown). */
  effectiveFrom?: { quarters: string[]; initial: string };
  commentary?: KpiFormCommentary;
}) {
  const [from, setFrom] = useState(effectiveFrom?.initial ?? '');
  const [note, setNote] = useState(commentary?.initial ?? '');
  const [v, setV] = useState({
    ...initial,
    targetText: toEditValue(initial.unit, initial.target),
    amberText: toEditValue(initial.unit, initial.amber),
    toleranceText: toEditValue(initial.unit, initial.tolerance ?? 0),
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The identifier follows the name until the user edits it.
  const [idEdited, setIdEdited] = useState(false);
  const suffix = unitSuffix(v.unit, currency);
  const target = fromEditValue(v.unit, v.targetText);
  const amber = fromEditValue(v.unit, v.amberText);
  const tolerance = fromEditValue(v.unit, v.toleranceText);
  const band = v.direction === 'band';
  const problems: Record<string, string> = {};
  if (target === null) problems.target = 'Enter a number.';
  if (amber === null) problems.amber = 'Enter a number.';
  if (band && (tolerance === null || tolerance < 0)) problems.tolerance = 'Enter a number ≥ 0.';
  if (!band && target !== null && amber !== null) {
    if (v.direction === 'higher' && amber > target)
      problems.amber = 'For higher-is-better, the amber threshold must not be above the target.';
    if (v.direction === 'lower' && amber < target)
      problems.amber = 'For lower-is-better, the amber threshold must not be below the target.';
  }
  if (band && tolerance !== null && amber !== null && amber < tolerance)
    problems.amber = 'The amber distance must be at least the green tolerance.';
  if (isNew && !/^[a-z][a-z0-9_]{1,63}$/.test(v.id))
    problems.id = 'Use lowercase letters, digits and _ (e.g. nps_internal).';
  if (!v.name.trim()) problems.name = 'Give the KPI a name.';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(problems).length > 0) {
      setError('Fix the highlighted fields first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(
        {
          id: v.id,
          name: v.name.trim(),
          description: v.description,
          category: v.category,
          unit: v.unit,
          direction: v.direction,
          target: target!,
          amber: amber!,
          tolerance: band ? tolerance! : null,
          aggregation: v.aggregation,
          frequency: v.frequency,
          owner: v.owner && v.owner.trim() ? v.owner.trim() : null,
        },
        effectiveFrom ? from : undefined,
        commentary ? note : undefined,
      );
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  const numberField = (
    key: 'targetText' | 'amberText' | 'toleranceText',
    label: string,
    problem?: string,
    hint?: string,
  ) => (
    <Field id={`kpi-${key}`} label={label} suffix={suffix || undefined} hint={hint} error={problem}>
      <input
        {...controlProps(`kpi-${key}`, problem, hint)}
        inputMode="decimal"
        value={v[key]}
        onChange={(e) => setV({ ...v, [key]: e.target.value })}
      />
    </Field>
  );

  return (
    <form onSubmit={(e) => void submit(e)} className="form" noValidate>
      {isNew && (
        <Field id="kpi-name" label="Name" error={problems.name}>
          <input
            {...controlProps('kpi-name', problems.name)}
            value={v.name}
            onChange={(e) =>
              setV({
                ...v,
                name: e.target.value,
                ...(idEdited ? {} : { id: identifierFrom(e.target.value) }),
              })
            }
          />
        </Field>
      )}
      {isNew && (
        <div className="form-grid">
          <Field
            id="kpi-id"
            label="Identifier"
            error={problems.id}
            hint="Made from the name; imported KPI rows may name the KPI by it"
          >
            <input
              {...controlProps(
                'kpi-id',
                problems.id,
                'Made from the name; imported KPI rows may name the KPI by it',
              )}
              value={v.id}
              onChange={(e) => {
                setIdEdited(true);
                setV({ ...v, id: e.target.value });
              }}
            />
          </Field>
          <label className="field">
            Category
            <select
              value={v.category}
              onChange={(e) => setV({ ...v, category: e.target.value as KpiCategory })}
            >
              {KPI_CATEGORIES.filter((c) => c !== 'Inputs').map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
          <label className="field">
            Unit
            <select
              value={v.unit}
              onChange={(e) => {
                const unit = e.target.value as KpiUnit;
                setV({ ...v, unit });
              }}
            >
              {KPI_UNITS.map((u) => (
                <option key={u} value={u}>
                  {u === 'ratio' ? 'Percentage' : u[0]!.toUpperCase() + u.slice(1)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Frequency
            <select
              value={v.frequency}
              onChange={(e) => setV({ ...v, frequency: e.target.value as KpiFormValues['frequency'] })}
            >
              <option value="weekly">Weekly</option>
              <option value="monthly">Monthly</option>
              <option value="quarterly">Quarterly</option>
            </select>
          </label>
        </div>
      )}
      <div className="form-grid">
        <label className="field">
          Polarity
          <select
            value={v.direction}
            onChange={(e) => setV({ ...v, direction: e.target.value as KpiDirection })}
          >
            {KPI_DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {DIRECTION_LABEL[d]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Quarter value
          <select
            value={v.aggregation}
            onChange={(e) => setV({ ...v, aggregation: e.target.value as KpiAggregation })}
          >
            {KPI_AGGREGATIONS.map((a) => (
              <option key={a} value={a}>
                {AGG_LABEL[a]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="form-grid">
        {numberField('targetText', band ? 'Target (centre)' : 'Target (green from)', problems.target)}
        {numberField(
          'amberText',
          band ? 'Amber distance' : 'Amber threshold',
          problems.amber,
          band
            ? 'Within this distance of the centre: amber'
            : v.direction === 'higher'
              ? 'At or above: amber; below: red'
              : 'At or below: amber; above: red',
        )}
        {band &&
          numberField('toleranceText', 'Green tolerance', problems.tolerance, 'Within this distance: green')}
      </div>
      {effectiveFrom && (
        <EffectiveFromField value={from} quarters={effectiveFrom.quarters} onChange={setFrom} />
      )}
      <label className="field">
        Owner
        <input
          value={v.owner ?? ''}
          onChange={(e) => setV({ ...v, owner: e.target.value })}
          placeholder="Who reports this KPI"
        />
      </label>
      {commentary && (
        <KpiCommentaryInput
          period={commentary.period}
          value={note}
          flagged={commentary.offTrack && !note.trim()}
          onChange={setNote}
        />
      )}
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
