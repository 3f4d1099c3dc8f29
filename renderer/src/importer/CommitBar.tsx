import { useState } from 'react';
import { describeOverlap, replaceRemovesMore } from '../../../shared/import/overlap';
import type { ImportPreview } from '../../../shared/api';
import { formatDateTime, formatNumber } from '../format';

/** Warnings that need a decision (duplicate file, overlapping data, invalid rows) and the import button. */
export function CommitBar({
  preview,
  undecidedMatches,
  skipInvalid,
  busy,
  onSkipInvalid,
  onCommit,
  onCancel,
}: {
  preview: ImportPreview;
  /** Proposed initiative matches not yet confirmed or declined: the import waits for them. */
  undecidedMatches: number;
  skipInvalid: boolean;
  busy: boolean;
  onSkipInvalid(v: boolean): void;
  onCommit(opts: { overlap: 'append' | 'replace'; allowDuplicate: boolean }): void;
  onCancel(): void;
}) {
  const [overlap, setOverlap] = useState<'append' | 'replace'>('append');
  const [allowDuplicate, setAllowDuplicate] = useState(false);
  const blocked =
    !preview.canCommit || (preview.duplicateOf !== null && !allowDuplicate) || undecidedMatches > 0;
  return (
    <div className="commit-bar">
      {preview.blockers.length > 0 && (
        <div className="notice notice-error" role="alert">
          <strong>This file cannot be imported as it is</strong>
          <ul>
            {preview.blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
          {preview.problems.some((p) => p.code === 'missing-fx-rate') && (
            <p>
              <a href="#/settings/exchange-rates">Add the rates in Settings › Exchange rates</a>, then choose
              the file again.
            </p>
          )}
        </div>
      )}
      {preview.counts.invalid > 0 && (
        <label className="check">
          <input
            type="checkbox"
            checked={skipInvalid}
            onChange={(e) => onSkipInvalid(e.target.checked)}
            disabled={busy}
          />
          Leave out the {formatNumber(preview.counts.invalid)} rows with errors (they are recorded in the
          batch)
        </label>
      )}
      {preview.duplicateOf && (
        <div className="notice notice-warn">
          This exact file (same SHA-256) was already imported as batch #{preview.duplicateOf.batch} on{' '}
          {formatDateTime(preview.duplicateOf.importedAt)}.
          <label className="check">
            <input
              type="checkbox"
              checked={allowDuplicate}
              onChange={(e) => setAllowDuplicate(e.target.checked)}
            />
            Import it again anyway
          </label>
        </div>
      )}
      {preview.overlaps.length > 0 && (
        <fieldset className="notice notice-warn overlap">
          <legend>Data for these months already exists</legend>
          <ul className="overlap-list">
            {preview.overlaps.map((o) => (
              <li key={o.batch}>{describeOverlap(o)}.</li>
            ))}
          </ul>
          <label className="check">
            <input
              type="radio"
              name="overlap"
              checked={overlap === 'append'}
              onChange={() => setOverlap('append')}
            />
            Add to it (both are kept)
          </label>
          <label className="check">
            <input
              type="radio"
              name="overlap"
              checked={overlap === 'replace'}
              onChange={() => setOverlap('replace')}
            />
            Replace it: undo {preview.overlaps.length === 1 ? 'that batch' : 'those batches'} entirely
          </label>
          {overlap === 'replace' && replaceRemovesMore(preview.overlaps) && (
            <p className="flag" role="alert">
              Replacing removes every row of {preview.overlaps.length === 1 ? 'that batch' : 'those batches'},
              including the rows dated outside this file’s months. A backup of the workspace is taken first
              (Settings › Backups restores it).
            </p>
          )}
        </fieldset>
      )}
      {undecidedMatches > 0 && (
        <p className="flag" role="status">
          Choose for {undecidedMatches === 1 ? 'the initiative' : `the ${undecidedMatches} initiatives`} with
          a similar name above: use the existing one, or create it as new.
        </p>
      )}
      {preview.newInitiatives.length > 0 && (
        <p className="muted">
          New initiatives will be created: {preview.newInitiatives.map((n) => n.name).join(', ')}.
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={blocked || busy}
          // Replace only what this preview says overlaps (a choice made on an earlier preview does not
          // carry over to one with nothing to replace, nor take a backup for nothing).
          onClick={() =>
            onCommit({ overlap: preview.overlaps.length > 0 ? overlap : 'append', allowDuplicate })
          }
        >
          Import {formatNumber(preview.counts.records)} {preview.counts.records === 1 ? 'record' : 'records'}
        </button>
        <button type="button" onClick={onCancel}>
          Choose another file
        </button>
      </div>
    </div>
  );
}
