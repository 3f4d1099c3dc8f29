import { boardMoney, pct, signedPct, wholeUnitsNote } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { draftSummary } from '../../../../shared/narrative/draftSummary';
import { commentaryFor } from '../commentary';
import { Paragraphs } from '../components/Paragraphs';
import { Section } from '../components/Section';
import { StatusBadge } from '../../kit/StatusBadge';
import { BudgetStatusBadge } from '../../kit/BudgetStatusBadge';
import { TextList } from '../components/TextList';
import { Tile } from '../../kit/Tile';
import { BOARD_SUMMARY_FORMAT } from '../../../../shared/export/summaryFormat';
import { KpiCounts } from './KpiCounts';

export function ExecutiveSummary({ data }: { data: PackData }) {
  const { report: r } = data;
  const c = r.currency;
  const p = r.portfolio;
  const b = r.budget;
  const incidents = r.kpis.find((k) => k.id === 'incident_count');
  const summary = commentaryFor(data.commentary, 'summary');
  return (
    <Section id="executive-summary" title="Executive summary">
      <div className="tiles">
        <Tile
          label="Portfolio ROI (quarter)"
          value={pct(p.roi.value)}
          detail={`Benefit ${boardMoney(p.benefit.micro, c)} on cost ${boardMoney(p.cost.micro, c)}`}
        />
        <Tile
          label="Cumulative ROI"
          value={pct(p.cumulativeRoi.value)}
          detail={`To ${r.period.end}: benefit ${boardMoney(p.cumulativeBenefit.micro, c)}, cost ${boardMoney(p.cumulativeCost.micro, c)}`}
        />
        <Tile
          label="Spend vs budget (quarter)"
          value={boardMoney(b.actual.micro, c)}
          detail={
            <>
              {b.variancePct.value === null
                ? 'No budget recorded for the quarter'
                : `Budget ${boardMoney(b.budget.micro, c)}; variance ${signedPct(b.variancePct.value)}`}{' '}
              <BudgetStatusBadge status={b.status} variance={b.variance.micro} />
            </>
          }
        />
        <Tile
          label={`Year-end forecast (FY${r.period.fiscalYear})`}
          value={boardMoney(b.forecastYearEnd.micro, c)}
          detail={
            <>
              {b.forecastVariancePct.value === null
                ? 'No annual budget recorded'
                : `Annual budget ${boardMoney(b.annualBudget.micro, c)}; ${signedPct(b.forecastVariancePct.value)}`}{' '}
              <BudgetStatusBadge status={b.forecastStatus} variance={b.forecastVariance.micro} />
            </>
          }
        />
        <Tile label="KPIs on / off track" value={<KpiCounts kpis={r.kpis} />} />
        <Tile
          label="AI incidents (quarter)"
          value={incidents?.value === null || !incidents ? '—' : String(incidents.value)}
          detail={
            incidents ? (
              <>
                Target max {incidents.target} <StatusBadge status={incidents.status} />
              </>
            ) : (
              'Not tracked'
            )
          }
        />
      </div>
      <h2>Summary</h2>
      {summary ? (
        <Paragraphs text={summary} />
      ) : (
        <>
          <p className="note">
            No summary was written for {r.period.label}: this is the draft the Narrative screen proposes
            (&ldquo;Draft from the figures&rdquo;), written from the figures alone.
          </p>
          <Paragraphs text={draftSummary(r, BOARD_SUMMARY_FORMAT)} />
        </>
      )}
      <h2>Decisions requested</h2>
      <TextList
        text={commentaryFor(data.commentary, 'decisions')}
        empty="No decisions are requested this quarter."
      />
      <p className="note">{wholeUnitsNote(c)}</p>
    </Section>
  );
}
