import type { ImportPreview } from '../../../shared/api';
import { formatMajor, formatNumber } from '../format';

/** Row counts, totals per currency (exact to the cent, from the service) and the dates the file covers. */
export function PreviewSummary({ preview }: { preview: ImportPreview }) {
  const c = preview.counts;
  return (
    <div className="preview-summary" data-testid="preview-summary">
      <div className="stat">
        <div className="stat-label">Data rows</div>
        <div className="stat-value">{formatNumber(c.dataRows)}</div>
      </div>
      <div className="stat">
        <div className="stat-label">Valid</div>
        <div className="stat-value" data-testid="preview-valid">
          {formatNumber(c.valid)}
        </div>
      </div>
      <div className={`stat${c.invalid > 0 ? ' stat-bad' : ''}`}>
        <div className="stat-label">With errors</div>
        <div className="stat-value">{formatNumber(c.invalid)}</div>
      </div>
      {c.filtered > 0 && (
        <div className="stat">
          <div className="stat-label">Filtered out</div>
          <div className="stat-value" data-testid="preview-filtered">
            {formatNumber(c.filtered)}
          </div>
        </div>
      )}
      <div className="stat">
        <div className="stat-label">Records to store</div>
        <div className="stat-value">{formatNumber(c.records)}</div>
      </div>
      {preview.totals.map((t) => (
        <div className="stat" key={t.currency}>
          <div className="stat-label">Total {t.currency}</div>
          <div className="stat-value" data-testid={`preview-total-${t.currency}`}>
            {formatMajor(Number(t.cents), t.currency)}
          </div>
        </div>
      ))}
      {preview.dateRange && (
        <div className="stat">
          <div className="stat-label">
            Dates{preview.timeZone === 'UTC' ? '' : ` (${preview.timeZone.replace(/_/g, ' ')})`}
          </div>
          <div className="stat-value stat-small">
            {preview.dateRange.from} → {preview.dateRange.to}
          </div>
        </div>
      )}
    </div>
  );
}
