import { useEffect, useState } from 'react';
import { SPEND_CATEGORIES } from '../../../shared/domain';
import { KIND_FIELDS, missingRequiredFields } from '../../../shared/import/fields';
import { headerWords } from '../../../shared/import/vocabulary';
import type { ImportMapping, ImportPreview } from '../../../shared/api';
import { TimeZoneSelect } from '../components/TimeZoneSelect';
import { CATEGORY_LABEL } from '../labels';
import { Evidence } from './DetectedPanel';
import { RowFilterEditor } from './RowFilterEditor';

const NONE = '';
/** Kinds whose rows carry amounts (a sign flip applies to them). */
const MONEY_KINDS = new Set<ImportMapping['kind']>(['spend', 'budget', 'benefits']);
/** Kinds whose rows carry dates that may be timestamps. */
const DATED_KINDS = new Set<ImportMapping['kind']>(['spend', 'benefits', 'kpis']);

/** Field → column mapping (required fields marked), plus constants for what the file does not say. */
export function MappingEditor({
  preview,
  busy,
  onApply,
  onChoose,
}: {
  preview: ImportPreview;
  busy: boolean;
  onApply(mapping: ImportMapping): void;
  /** The user's pick between close candidates for a field (the preview's columnChoices). */
  onChoose(field: string, column: string): void;
}) {
  const [draft, setDraft] = useState<ImportMapping | null>(preview.mapping);
  useEffect(() => setDraft(preview.mapping), [preview.mapping]);
  if (!draft || !preview.kind) return <p className="muted">Choose the data kind above to map the columns.</p>;
  const fields = KIND_FIELDS[draft.kind].filter((f) => f.name !== 'tags' || draft.tagKey !== null);
  const changed = JSON.stringify(draft) !== JSON.stringify(preview.mapping);
  // The import's own rule: only a field it needs and cannot read is flagged.
  const unmapped = new Set(missingRequiredFields(draft).map((s) => s.name));
  const setColumn = (field: string, column: string) => {
    const columns = { ...draft.columns };
    if (column === NONE) delete columns[field];
    else columns[field] = column;
    // One way to form the amount: a column (signed by an indicator), or debit − credit.
    if (column !== NONE && (field === 'debit' || field === 'credit')) {
      delete columns.amount;
      delete columns.sign;
    } else if (column !== NONE && field === 'amount') {
      delete columns.debit;
      delete columns.credit;
    }
    // A currency read from the amount's header ("Betrag (EUR)") follows the amount column.
    const before = draft.columns.amount ? headerWords(draft.columns.amount).currency : null;
    const follows = field === 'amount' && !columns.currency && before !== null && draft.currency === before;
    const currency = follows ? (column === NONE ? null : headerWords(column).currency) : draft.currency;
    setDraft({ ...draft, columns, currency });
  };
  return (
    <div className="mapping" data-testid="mapping">
      <table className="table table-compact" aria-label="Column mapping">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Read from column</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => {
            const choice = preview.columnChoices.find((c) => c.field === f.name);
            const missing = unmapped.has(f.name);
            return (
              <tr key={f.name} className={missing ? 'row-problem' : undefined}>
                <th scope="row">
                  <label htmlFor={`map-${f.name}`}>
                    {f.label}
                    {f.required && <span className="required"> (required)</span>}
                  </label>
                </th>
                <td>
                  <select
                    id={`map-${f.name}`}
                    value={draft.columns[f.name] ?? NONE}
                    onChange={(e) => setColumn(f.name, e.target.value)}
                    aria-invalid={missing ? true : undefined}
                  >
                    <option value={NONE}>— not in this file —</option>
                    {preview.headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                  {missing && !choice && <span className="field-error"> Map this column to import.</span>}
                  {choice ? (
                    <fieldset className="choice" data-testid={`choice-${f.name}`}>
                      <legend>Which column is the {f.label.toLowerCase()}?</legend>
                      <p className="small">
                        {choice.candidates.length === 2 ? 'Two' : choice.candidates.length} columns fit about
                        equally well; nothing is read as the {f.label.toLowerCase()} until you choose.
                      </p>
                      {choice.candidates.map((c) => (
                        <label className="choice-option" key={c.column}>
                          <input
                            type="radio"
                            name={`choice-${f.name}`}
                            checked={false}
                            disabled={busy}
                            onChange={() => onChoose(f.name, c.column)}
                          />
                          <span>
                            <strong>{c.column}</strong>
                            <Evidence lines={c.evidence} />
                          </span>
                        </label>
                      ))}
                    </fieldset>
                  ) : (
                    draft.columns[f.name] !== undefined &&
                    draft.columns[f.name] === preview.mapping?.columns[f.name] && (
                      <Evidence lines={preview.evidence[f.name] ?? []} testId={`evidence-${f.name}`} />
                    )
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {draft.kind === 'spend' && (
        <div className="form-grid mapping-constants">
          <label className="field">
            Category when the file has none
            <select
              value={draft.categoryRule === 'constant' ? (draft.category ?? '') : ''}
              onChange={(e) =>
                setDraft(
                  e.target.value
                    ? {
                        ...draft,
                        categoryRule: 'constant',
                        category: e.target.value as ImportMapping['category'],
                      }
                    : { ...draft, categoryRule: 'column', category: null },
                )
              }
            >
              <option value="">From the category column</option>
              {SPEND_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  All rows: {CATEGORY_LABEL[c]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Vendor when the file has none
            <input
              value={draft.vendor ?? ''}
              onChange={(e) => setDraft({ ...draft, vendor: e.target.value || null })}
              placeholder="e.g. Anthropic"
            />
          </label>
        </div>
      )}
      {!draft.columns.currency && preview.evidence.currency && (
        <Evidence lines={preview.evidence.currency} testId="evidence-currency-constant" />
      )}
      {draft.kind !== 'initiatives' && (
        <div className="form-grid mapping-constants">
          <label className="field">
            Currency when the file has none
            <input
              value={draft.currency ?? ''}
              maxLength={3}
              onChange={(e) => setDraft({ ...draft, currency: e.target.value.toUpperCase() || null })}
              placeholder="Reporting currency"
            />
          </label>
          {DATED_KINDS.has(draft.kind) && (
            <div className="field">
              <label htmlFor="map-timeZone">Time zone for timestamps</label>
              <TimeZoneSelect
                id="map-timeZone"
                value={draft.timeZone}
                inheritLabel={`Workspace setting${preview.mapping?.timeZone === null ? ` (${preview.timeZone})` : ''}`}
                onChange={(timeZone) => setDraft({ ...draft, timeZone })}
              />
            </div>
          )}
        </div>
      )}
      {MONEY_KINDS.has(draft.kind) && (
        <div className="field mapping-negate">
          <label className="check">
            <input
              type="checkbox"
              checked={draft.negate}
              onChange={(e) => setDraft({ ...draft, negate: e.target.checked })}
            />
            Costs are written negative in this file (flip every amount’s sign)
          </label>
          {draft.negate === preview.mapping?.negate && (
            <Evidence lines={preview.evidence.negate ?? []} testId="evidence-negate" />
          )}
        </div>
      )}
      <RowFilterEditor
        headers={preview.headers}
        filters={draft.filters}
        onChange={(filters) => setDraft({ ...draft, filters })}
      />
      {preview.unmappedColumns.length > 0 && (
        <details className="unmapped muted small">
          <summary>
            {preview.unmappedColumns.length} {preview.unmappedColumns.length === 1 ? 'column' : 'columns'} of
            the file not imported
          </summary>
          <p>{preview.unmappedColumns.join(' · ')}</p>
        </details>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => onApply(draft)} disabled={!changed || busy}>
          {busy ? 'Checking…' : 'Apply mapping and re-check'}
        </button>
        {changed && (
          <span className="muted small">The preview below uses the previous mapping until you apply.</span>
        )}
      </div>
    </div>
  );
}
