import { describeReconciliation } from '../../../shared/import/controlRows';
import type { ImportSummary } from '../../../shared/api';
import { FocusHeading } from '../components/FocusHeading';
import { formatMajor, formatNumber } from '../format';
import { KIND_LABEL } from '../labels';

/** Scrolls the batches list to a batch row and highlights it (the hash is the app's route, so no anchor). */
function showBatch(id: number | null) {
  const row = id === null ? null : document.getElementById(`batch-${id}`);
  if (!row) return;
  row.scrollIntoView({ block: 'center' });
  row.classList.add('row-flash');
  window.setTimeout(() => row.classList.remove('row-flash'), 1600);
}

/** What was stored, with a link to the batch (where it can be undone) and to the dashboard. */
export function ImportResult({ result, onAnother }: { result: ImportSummary; onAnother(): void }) {
  // An older service's summary may lack it.
  const reconciliation = result.reconciliation ? describeReconciliation(result.reconciliation) : null;
  return (
    <div className="notice notice-ok import-result" role="status" data-testid="import-result">
      <FocusHeading className="result-heading">
        Imported {formatNumber(result.rows)} {KIND_LABEL[result.kind]?.toLowerCase() ?? result.kind} records
        from {result.sourceRows !== result.rows && `${formatNumber(result.sourceRows)} rows of `}“
        {result.fileName}”
      </FocusHeading>
      <p>
        Batch{' '}
        <button
          type="button"
          className="link-button"
          data-testid="result-batch-link"
          onClick={() => showBatch(result.batch)}
          aria-label={`Show batch ${result.batch} in the list`}
        >
          #{result.batch}
        </button>
        {result.total !== null && result.currency && (
          <> · total {formatMajor(result.total, result.currency)}</>
        )}
        {result.excluded > 0 && ` · ${formatNumber(result.excluded)} rows left out (listed in the batch)`}
        {result.filtered.rows > 0 &&
          ` · ${formatNumber(result.filtered.rows)} ${result.filtered.rows === 1 ? 'row' : 'rows'} not kept by the row filter`}
        {result.createdInitiatives.length > 0 &&
          ` · new initiatives: ${result.createdInitiatives.join(', ')}`}
        {result.replacedBatches?.length
          ? ` · replaced batches ${result.replacedBatches.map((b) => `#${b}`).join(', ')}`
          : ''}
        {result.savedMapping && ` · mapping saved as “${result.savedMapping.name}” for next time`}
      </p>
      {reconciliation && <p data-testid="result-reconciliation">{reconciliation}</p>}
      <div className="form-actions">
        <a className="button primary" href="#/dashboard">
          Open the dashboard
        </a>
        <button type="button" onClick={onAnother}>
          Import another file
        </button>
      </div>
    </div>
  );
}
