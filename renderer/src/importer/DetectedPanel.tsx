import { IMPORT_KINDS, type ImportKind } from '../../../shared/import/mapping';
import type { ImportPreview } from '../../../shared/api';
import { formatNumber } from '../format';
import { KIND_LABEL } from '../labels';
import type { ImportRequestState } from './useImportWizard';

const SOURCE: Record<NonNullable<ImportPreview['mappingSource']>, string> = {
  given: 'your mapping',
  saved: 'saved template',
  builtin: 'built-in for this format',
  proposed: 'proposed from the headers',
};

/** What was detected: format, sheet, data kind, delimiter/encoding, header row; kind and sheet can be changed. */
export function DetectedPanel({
  preview,
  request,
  busy,
  onChange,
  onForgetTemplate,
}: {
  preview: ImportPreview;
  request: ImportRequestState;
  busy: boolean;
  onChange(patch: Partial<ImportRequestState>): void;
  /** Deletes the saved mapping this file matched (the preview then falls back to the built-in or proposed one). */
  onForgetTemplate(id: number): void;
}) {
  return (
    <div className="detected" data-testid="detected">
      <dl className="kv">
        <dt>File</dt>
        <dd>
          {preview.fileName} <span className="muted small">({formatNumber(preview.fileSize)} bytes)</span>
        </dd>
        <dt>Format</dt>
        <dd data-testid="detected-format">{preview.formatLabel}</dd>
        <dt>Read as</dt>
        <dd>
          {preview.container.toUpperCase()}
          {preview.encoding && ` · ${preview.encoding}`}
          {preview.delimiter && ` · delimiter “${preview.delimiter === '\t' ? 'tab' : preview.delimiter}”`} ·
          headers on row {preview.headerRow}
        </dd>
        <dt>Mapping</dt>
        <dd>
          {preview.mappingSource ? SOURCE[preview.mappingSource] : 'none yet'}
          {preview.savedMapping && (
            <>
              {' '}
              · <span className="badge badge-accent">template “{preview.savedMapping.name}”</span>{' '}
              <button
                type="button"
                className="link-button small"
                disabled={busy}
                onClick={() => onForgetTemplate(preview.savedMapping!.id)}
              >
                Forget this template
              </button>
            </>
          )}
        </dd>
        <dt>SHA-256</dt>
        <dd className="sha">
          <code>{preview.sha256}</code>
        </dd>
      </dl>
      <div className="form-grid detected-controls">
        <label className="field">
          Data kind
          <select
            value={request.as === 'auto' ? (preview.kind ?? 'auto') : request.as}
            disabled={busy}
            onChange={(e) =>
              onChange({ as: e.target.value as ImportKind, mapping: undefined, columns: undefined })
            }
            data-testid="kind-select"
          >
            {!preview.kind && <option value="auto">Not detected: choose</option>}
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k] ?? k}
              </option>
            ))}
          </select>
        </label>
        {preview.sheets.length > 0 && (
          <label className="field">
            Sheet
            <select
              value={request.sheet ?? preview.sheet ?? ''}
              disabled={busy}
              onChange={(e) => onChange({ sheet: e.target.value, mapping: undefined, columns: undefined })}
            >
              {preview.sheets.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                  {s.hidden ? ' (hidden)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {preview.kindUndecided && (
        <fieldset className="notice notice-warn choice" data-testid="kind-choice">
          <legend>What does this file hold?</legend>
          <p className="small">
            Its headers fit these kinds about equally well, so nothing is read until you choose.
          </p>
          {preview.kindCandidates.map((c) => (
            <label className="choice-option" key={c.kind}>
              <input
                type="radio"
                name="kind-choice"
                checked={false}
                disabled={busy}
                onChange={() => onChange({ as: c.kind, mapping: undefined, columns: undefined })}
              />
              <span>
                <strong>{KIND_LABEL[c.kind] ?? c.kind}</strong>{' '}
                <span className="muted small">fit {c.score.toFixed(2)}</span>
                <Evidence lines={c.evidence} />
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {!preview.kindUndecided &&
        request.as === 'auto' &&
        preview.mappingSource === 'proposed' &&
        preview.kindCandidates[0] && (
          <p className="muted small evidence" data-testid="kind-evidence">
            Why {(KIND_LABEL[preview.kindCandidates[0].kind] ?? preview.kindCandidates[0].kind).toLowerCase()}
            : {preview.kindCandidates[0].evidence.join('; ')}
            {preview.kindCandidates[1] &&
              ` (next: ${(KIND_LABEL[preview.kindCandidates[1].kind] ?? preview.kindCandidates[1].kind).toLowerCase()}, fit ${preview.kindCandidates[1].score.toFixed(2)} against ${preview.kindCandidates[0].score.toFixed(2)})`}
          </p>
        )}
    </div>
  );
}

/** Evidence sentences (the header's words, what the first rows hold) as a compact list. */
export function Evidence({ lines, testId }: { lines: readonly string[]; testId?: string }) {
  if (lines.length === 0) return null;
  return (
    <ul className="evidence muted small" data-testid={testId}>
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}
