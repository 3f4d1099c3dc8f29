import type { ReportModel } from '../../../shared/report';
import { StatusBadge } from '../kit/StatusBadge';
import { CommitmentsTile } from './CommitmentsTile';
import { BudgetStatusBadge } from '../kit/BudgetStatusBadge';
import { Tile } from '../kit/Tile';
import { Figure } from '../explain/Figure';
import { ForecastRangeLine } from '../budget/ForecastRangeLine';
import { formatIrr, formatMoney, formatPct, formatSignedMoney, formatSignedPct } from '../format';
import { monthLabel } from '../kit/charts/axis';
import { exhaustionText } from '../../../shared/format/exhaustion';
import type { RagStatus } from '../../../shared/domain';
import { STATUS_LABEL } from '../../../shared/labels';

/** The dashboard's headline tiles; every number opens its explanation. */
export function HeadlineTiles({ report }: { report: ReportModel }) {
  const { portfolio: p, budget: b, currency: c } = report;
  const counts: Record<RagStatus, number> = { green: 0, amber: 0, red: 0, no_data: 0 };
  for (const k of report.kpis) counts[k.status] += 1;
  const spikes = report.anomalies.filter((a) => a.direction === 'spike').length;
  const anomalyMonths = [...new Set(report.anomalies.map((a) => a.month))].sort();
  return (
    <div className="tiles" role="list" aria-label="Headline figures">
      <div role="listitem">
        <Tile
          label="Portfolio ROI, quarter"
          value={
            <Figure explain={p.roi.explain} label="Portfolio ROI" testId="tile-roi">
              {formatPct(p.roi.value)}
            </Figure>
          }
          detail={
            <>
              Cumulative{' '}
              <Figure explain={p.cumulativeRoi.explain} label="Cumulative ROI" testId="tile-cumulative-roi">
                {formatPct(p.cumulativeRoi.value)}
              </Figure>
              <br />
              NPV{' '}
              <Figure explain={p.npv.explain} label="Portfolio NPV" testId="tile-npv">
                {formatMoney(p.npv.micro, c)}
              </Figure>{' '}
              · IRR{' '}
              <Figure explain={p.irr.explain} label="Portfolio IRR">
                {formatIrr(p.irr.value)}
              </Figure>
            </>
          }
        />
      </div>
      <div role="listitem">
        <Tile
          label="AI spend vs budget"
          badge={<BudgetStatusBadge status={b.status} variance={b.variance.micro} />}
          value={
            <Figure explain={p.cost.explain} label="AI spend in the quarter" testId="period-spend">
              {formatMoney(p.cost.micro, c)}
            </Figure>
          }
          detail={
            <>
              Budget{' '}
              <Figure explain={b.budget.explain} label="Budget for the quarter" testId="tile-budget">
                {formatMoney(b.budget.micro, c)}
              </Figure>{' '}
              ·{' '}
              <span className="nowrap">
                <Figure explain={b.variance.explain} label="Budget variance" testId="tile-variance">
                  {formatSignedMoney(b.variance.micro, c)}
                </Figure>{' '}
                (
                <Figure explain={b.variancePct.explain} label="Budget variance %">
                  {formatSignedPct(b.variancePct.value)}
                </Figure>
                )
              </span>
            </>
          }
        />
      </div>
      <div role="listitem">
        <Tile
          label="Year-end forecast"
          badge={<BudgetStatusBadge status={b.forecastStatus} variance={b.forecastVariance.micro} />}
          value={
            <Figure explain={b.forecastYearEnd.explain} label="Year-end forecast" testId="tile-forecast">
              {formatMoney(b.forecastYearEnd.micro, c)}
            </Figure>
          }
          detail={
            <>
              vs annual budget{' '}
              <Figure explain={b.annualBudget.explain} label="Annual budget">
                {formatMoney(b.annualBudget.micro, c, { compact: true })}
              </Figure>
              <br />
              <ForecastRangeLine report={report} compact />
              <br />
              <Figure explain={report.runRate.portfolio.explain} label="Budget exhaustion">
                {exhaustionText(report.runRate.portfolio, monthLabel)}
              </Figure>
            </>
          }
        />
      </div>
      <div role="listitem">
        <Tile
          label="Realized benefit, quarter"
          value={
            <Figure explain={p.benefit.explain} label="Realized benefit" testId="tile-benefit">
              {formatMoney(p.benefit.micro, c)}
            </Figure>
          }
          detail={
            <>
              Projected, not in ROI:{' '}
              <Figure explain={p.projectedBenefit.explain} label="Projected benefit">
                {formatMoney(p.projectedBenefit.micro, c, { compact: true })}
              </Figure>
            </>
          }
        />
      </div>
      <div role="listitem">
        <Tile
          label="KPIs on track"
          value={
            <span data-testid="tile-kpis-on-track">
              {counts.green} <span className="tile-of">of {report.kpis.length}</span>
            </span>
          }
          detail={
            <span className="status-counts">
              <StatusBadge status="amber" label={`${counts.amber} ${STATUS_LABEL.amber.toLowerCase()}`} />
              <StatusBadge status="red" label={`${counts.red} ${STATUS_LABEL.red.toLowerCase()}`} />
              <StatusBadge
                status="no_data"
                label={`${counts.no_data} ${STATUS_LABEL.no_data.toLowerCase()}`}
              />
            </span>
          }
        />
      </div>
      <div role="listitem">
        <Tile
          label="Spend anomalies"
          value={<span data-testid="tile-anomalies">{report.anomalies.length}</span>}
          detail={
            report.anomalies.length === 0
              ? 'Nothing unusual in the trailing 6 months'
              : `${spikes} ${spikes === 1 ? 'spike' : 'spikes'}${report.anomalies.length > spikes ? `, ${report.anomalies.length - spikes} drops` : ''} · ${anomalyMonths.map((m) => monthLabel(m)).join(', ')}`
          }
        />
      </div>
      {report.commitments.length > 0 ? (
        <div role="listitem">
          <CommitmentsTile report={report} />
        </div>
      ) : null}
    </div>
  );
}
