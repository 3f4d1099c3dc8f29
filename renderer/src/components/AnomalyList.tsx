import type { Anomaly, ReportModel } from '../../../shared/report';
import { monthLabel } from '../kit/charts/axis';
import { Figure } from '../explain/Figure';
import { formatMoney, formatSignedMoney, formatSignedPct } from '../format';

const DIMENSION: Record<Anomaly['dimension'], string> = {
  vendor: 'Vendor',
  category: 'Category',
  initiative: 'Initiative',
};

/** Anomalies with their size against the trailing baseline and the biggest contributors (the cause). */
export function AnomalyList({ report, limit }: { report: ReportModel; limit?: number }) {
  const c = report.currency;
  if (report.anomalies.length === 0)
    return (
      <p className="muted">
        No unusual monthly spend: every vendor, category and initiative stayed within{' '}
        {report.assumptions.anomalies.madFactor}× its usual variation over the trailing{' '}
        {report.assumptions.anomalies.baselineMonths} months.
      </p>
    );
  const shown = limit === undefined ? report.anomalies : report.anomalies.slice(0, limit);
  const more = report.anomalies.length - shown.length;
  return (
    <>
      <ul className="anomaly-list" aria-label="Spend anomalies">
        {shown.map((a) => (
          <li key={a.explain} className={`anomaly anomaly-${a.direction}`}>
            <div className="anomaly-head">
              <span className={`pill pill-${a.direction}`}>
                {a.direction === 'drop' ? '▼ Drop' : a.baselineMedian === 0 ? '▲ New' : '▲ Spike'}
              </span>
              <strong>
                {DIMENSION[a.dimension]}: {a.label}
              </strong>
              <span className="muted">{monthLabel(a.month)}</span>
            </div>
            <div className="anomaly-figures">
              <Figure explain={a.explain} label={`${a.label} ${a.month} anomaly`}>
                {formatMoney(a.amount, c)}
              </Figure>{' '}
              {a.baselineMedian === 0 ? (
                // A median of 0: most of the baseline months had none, so there is no "usual" to compare with.
                <>where most of the previous {report.assumptions.anomalies.baselineMonths} months had none</>
              ) : (
                <>
                  vs usual {formatMoney(a.baselineMedian, c)} ({formatSignedMoney(a.deviation, c)},{' '}
                  {formatSignedPct(a.deviationPct, 0)})
                </>
              )}
            </div>
            {a.contributors.length > 0 && (
              <div className="anomaly-cause">
                Driven by{' '}
                {a.contributors.map((k, i) => (
                  <span key={`${k.dimension}-${k.key}`}>
                    {i > 0 && ', '}
                    {k.label} ({formatSignedMoney(k.change, c)})
                  </span>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p className="muted small">
          and {more} more on the <a href="#/budget">Budget</a> screen
        </p>
      )}
    </>
  );
}
