import { useMemo } from 'react';
import type { Initiative } from '../../../shared/domain';
import type { ReportModel } from '../../../shared/report';
import { monthLabel } from '../kit/charts/axis';
import { GroupedBarChart } from '../charts/GroupedBarChart';
import { Panel } from '../components/Panel';
import { ScreenHeader } from '../components/ScreenHeader';
import { Tile } from '../kit/Tile';
import { Figure } from '../explain/Figure';
import { chartMajor, formatIrr, formatMoney, formatMonthSpan, formatPayback, formatPct } from '../format';
import { STAGE_LABEL } from '../labels';
import { BenefitAssumptionsPanel } from './BenefitAssumptionsPanel';
import { InitiativeFacts } from './InitiativeFacts';
import { InitiativeKpis } from './InitiativeKpis';

/** "−25.0% of realized benefit" style text for the break-even tile. */
function breakEvenText(share: number | null, cost: number): string {
  if (cost === 0) return '—';
  if (share === null) return 'No realized benefit';
  return share >= 0 ? `${formatPct(share)} fall` : 'Below break-even';
}

/** One initiative: its quarter and cumulative figures, cost vs benefit by month next to its KPIs, and governance facts. */
export function InitiativeDetail({
  id,
  report,
  initiative,
}: {
  id: number;
  report: ReportModel;
  initiative: Initiative;
}) {
  const r = report.initiatives.find((i) => i.id === id);
  const chart = useMemo(() => {
    const months = r?.monthly ?? [];
    return {
      periods: months.map((m) => m.month),
      series: [
        { label: 'Cost', data: months.map((m) => chartMajor(m.cost)), color: 'actual' },
        { label: 'Realized benefit', data: months.map((m) => chartMajor(m.benefit)), color: 'benefit' },
        {
          label: 'Projected benefit',
          data: months.map((m) => chartMajor(m.projectedBenefit)),
          color: 'projected',
        },
      ],
    };
  }, [r]);
  const c = report.currency;
  return (
    <>
      <p className="breadcrumb">
        <a href="#/initiatives">← All initiatives</a>
      </p>
      <ScreenHeader
        title={initiative.name}
        subtitle={
          <>
            {STAGE_LABEL[initiative.stage]} · {initiative.businessUnit ?? 'No business unit'} · owner{' '}
            {initiative.owner ?? 'not set'} · {report.period.label}
          </>
        }
      />
      {!r ? (
        <p className="muted">No figures for this initiative in {report.period.label}.</p>
      ) : (
        <div className="stack">
          <div className="tiles">
            <Tile
              label="Cost, quarter"
              value={
                <Figure explain={r.cost.explain} label="Cost" testId="initiative-cost">
                  {formatMoney(r.cost.micro, c)}
                </Figure>
              }
              detail={
                <>
                  Cumulative{' '}
                  <Figure explain={r.cumulativeCost.explain} label="Cumulative cost">
                    {formatMoney(r.cumulativeCost.micro, c)}
                  </Figure>
                </>
              }
            />
            <Tile
              label="Realized benefit, quarter"
              value={
                <Figure explain={r.benefit.explain} label="Benefit">
                  {formatMoney(r.benefit.micro, c)}
                </Figure>
              }
              detail={
                <>
                  Cumulative{' '}
                  <Figure explain={r.cumulativeBenefit.explain} label="Cumulative benefit">
                    {formatMoney(r.cumulativeBenefit.micro, c)}
                  </Figure>{' '}
                  · projected{' '}
                  <Figure explain={r.projectedBenefit.explain} label="Projected benefit">
                    {formatMoney(r.projectedBenefit.micro, c)}
                  </Figure>
                </>
              }
            />
            <Tile
              label="ROI, quarter"
              value={
                <Figure explain={r.roi.explain} label="ROI">
                  {formatPct(r.roi.value)}
                </Figure>
              }
              detail={
                <>
                  Cumulative{' '}
                  <Figure explain={r.cumulativeRoi.explain} label="Cumulative ROI">
                    {formatPct(r.cumulativeRoi.value)}
                  </Figure>
                </>
              }
            />
            <Tile
              label="Payback"
              value={
                <Figure explain={r.paybackMonths.explain} label="Payback months">
                  {formatPayback(r.paybackMonths.value, 'long', r.stage)}
                </Figure>
              }
              detail={r.firstSpendMonth ? `Counting from first spend, ${r.firstSpendMonth}` : 'No spend yet'}
            />
            <Tile
              label={`NPV at ${formatPct(report.assumptions.discountRateAnnual)} a year`}
              value={
                <Figure explain={r.npv.explain} label="NPV">
                  {formatMoney(r.npv.micro, c)}
                </Figure>
              }
              detail={
                <>
                  IRR{' '}
                  <Figure explain={r.irr.explain} label="IRR">
                    {formatIrr(r.irr.value)}
                  </Figure>
                </>
              }
            />
            <Tile
              label="Break-even"
              value={
                <Figure explain={r.breakEven.share.explain} label="Break-even fall">
                  {breakEvenText(r.breakEven.share.value, r.cumulativeCost.micro)}
                </Figure>
              }
              detail={
                r.cumulativeCost.micro === 0 ? (
                  'No cost yet: ROI not defined'
                ) : (
                  <>
                    {r.breakEven.margin.micro >= 0
                      ? 'Realized benefit could fall '
                      : 'Short of break-even by '}
                    <Figure explain={r.breakEven.margin.explain} label="Break-even margin">
                      {formatMoney(Math.abs(r.breakEven.margin.micro), c)}
                    </Figure>
                    {r.breakEven.margin.micro >= 0 ? ' before cumulative ROI is 0' : ''}
                  </>
                )
              }
            />
            <InitiativeFacts initiative={initiative} />
          </div>
          <div className="grid-2 initiative-panels">
            <Panel
              title={`Cost and benefit by month${chart.periods.length ? `, ${formatMonthSpan(chart.periods)}` : ''}`}
            >
              {r.firstSpendMonth !== null &&
                chart.periods.length > 0 &&
                r.firstSpendMonth < chart.periods[0]! && (
                  <p className="muted small">
                    The last {chart.periods.length} months; spend since {monthLabel(r.firstSpendMonth)} counts
                    in the cumulative figures and the payback.
                  </p>
                )}
              {chart.periods.length === 0 ? (
                <p className="muted">
                  No spend or benefit is recorded for this initiative up to {report.period.end}.
                </p>
              ) : (
                <GroupedBarChart
                  title={`${initiative.name}: cost vs benefit, ${c} per month`}
                  periods={chart.periods}
                  series={chart.series}
                  currency={c}
                  xLabel="Month"
                  testId="chart-initiative"
                />
              )}
            </Panel>
            <InitiativeKpis id={id} initiative={initiative.name} period={report.period.label} currency={c} />
          </div>
          <BenefitAssumptionsPanel id={id} initiative={initiative.name} />
        </div>
      )}
    </>
  );
}
