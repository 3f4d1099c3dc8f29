import { useMemo } from 'react';
import { boardMoney, pct } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { TORNADO_MAX } from '../../../../shared/export/tornado';
import type { AssumptionRegisterEntry } from '../../../../shared/report';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from '../../kit/ChartCanvas';
import { PRINT_LOOK, tornadoChart, tornadoHeight } from '../../kit/charts';
import { PackTable } from '../components/PackTable';
import { Section } from '../components/Section';
import { Tile } from '../../kit/Tile';
import { SwingTable } from './SwingTable';

function age(days: number | null): string {
  if (days === null) return '—';
  if (days < 0) return 'after period end';
  return days < 62 ? `${days} days` : `${Math.round(days / 30.44)} months`;
}

function confidence(e: AssumptionRegisterEntry): string {
  return e.confidence === null ? '—' : e.confidence === 'several' ? 'mixed' : e.confidence;
}

/** The assumptions the benefits rest on, and how far the headline NPV and ROI move with them. */
export function AssumptionsSensitivity({ data }: { data: PackData }) {
  const r = data.report;
  const s = r.sensitivity;
  const c = r.currency;
  const tornado = useMemo(() => tornadoChart(r, PRINT_LOOK) as ChartConfiguration, [r]);
  if (r.assumptionRegister.length === 0 && s.rangedLines === 0) return null;
  return (
    <Section id="assumptions-sensitivity" title="Assumptions and sensitivity">
      <p>
        Benefit figures rest on assumptions. Each realized benefit line with a stated range is taken as
        triangular between its low and high, most likely at its stated amount; lines naming the same
        assumption move together. {s.draws.toLocaleString('en-US')} seeded draws (seed {s.seed}) give the
        10th–90th percentile bands below; the point figures are those stated elsewhere in this pack.
      </p>
      <div className="tiles tiles-4">
        <Tile
          label="NPV to date, as stated"
          value={boardMoney(r.portfolio.npv.micro, c)}
          detail="Point figure"
        />
        <Tile
          label="NPV, 10th–90th percentile"
          value={`${boardMoney(s.npv.p10.micro, c)} – ${boardMoney(s.npv.p90.micro, c)}`}
          detail={`Median ${boardMoney(s.npv.p50.micro, c)}`}
        />
        <Tile
          label="Cumulative ROI, as stated"
          value={pct(r.portfolio.cumulativeRoi.value)}
          detail="Realized benefits only"
        />
        <Tile
          label="Cumulative ROI, 10th–90th percentile"
          value={`${pct(s.cumulativeRoi.p10.value)} – ${pct(s.cumulativeRoi.p90.value)}`}
          detail={`Median ${pct(s.cumulativeRoi.p50.value)}`}
        />
      </div>
      {s.rangedLines === 0 ? (
        <p className="muted">
          No realized benefit line to {r.period.end} states a range: the bands equal the point figures.
        </p>
      ) : (
        <figure className="figure keep">
          <figcaption>
            What moves NPV most
            <span className="figure-sub">
              NPV with one assumption at its low, then its high, the others as stated
              {s.drivers.length > TORNADO_MAX ? ` (the ${TORNADO_MAX} largest of ${s.drivers.length})` : ''}
            </span>
          </figcaption>
          <ChartCanvas
            config={tornado}
            width={640}
            height={tornadoHeight(Math.min(TORNADO_MAX, s.drivers.length), 'print')}
            chartId="tornado"
            label="NPV swing by assumption"
          />
        </figure>
      )}
      {s.rangedLines === 0 ? null : <SwingTable drivers={s.drivers} currency={c} />}
      {s.projectedRangedLines > 0 ? (
        <p className="footnote">
          {s.projectedRangedLines} projected benefit line{s.projectedRangedLines === 1 ? '' : 's'} state a
          range; projected benefits are in neither NPV nor ROI, so they are in the register only.
        </p>
      ) : null}
      <h2>Assumption register</h2>
      <PackTable
        rows={r.assumptionRegister.length}
        title="Assumption register"
        columns={8}
        className="register"
        colgroup={
          <colgroup>
            <col style={{ width: '19%' }} />
            <col style={{ width: '11%' }} />
            <col style={{ width: '11.5%' }} />
            <col style={{ width: '11.5%' }} />
            <col style={{ width: '11.5%' }} />
            <col style={{ width: '8%' }} />
            <col style={{ width: '16.5%' }} />
            <col style={{ width: '11%' }} />
          </colgroup>
        }
        head={
          <tr>
            <th>Assumption</th>
            <th>Initiative</th>
            <th className="num">Low</th>
            <th className="num">Stated</th>
            <th className="num">High</th>
            <th>Confidence</th>
            <th>Owner · source</th>
            <th>Evidence</th>
          </tr>
        }
      >
        <tbody>
          {r.assumptionRegister.map((e) => (
            <tr key={e.lineIds[0]}>
              <td>
                {e.assumption ?? 'No assumption named'}
                <div className="muted">
                  {e.realized ? 'Realized' : 'Projected'}, {e.lines} line{e.lines === 1 ? '' : 's'}
                  {e.editedAt ? `, edited ${e.editedAt.slice(0, 10)}` : ''}
                </div>
              </td>
              <td>{e.initiative}</td>
              <td className="num">{boardMoney(e.low.micro, c)}</td>
              <td className="num">{boardMoney(e.base.micro, c)}</td>
              <td className="num">{boardMoney(e.high.micro, c)}</td>
              <td>{confidence(e)}</td>
              <td>{[e.owner, e.source].filter((x) => x !== null).join(' · ') || '—'}</td>
              <td>
                {e.evidenceDate ?? '—'}
                <div className="muted">{age(e.evidenceAgeDays)} old</div>
              </td>
            </tr>
          ))}
        </tbody>
      </PackTable>
      <h2>Break-even by initiative</h2>
      <PackTable
        rows={r.initiatives.length}
        title="Break-even by initiative"
        columns={4}
        className="narrow"
        head={
          <tr>
            <th>Initiative</th>
            <th className="num">Cumulative ROI</th>
            <th className="num">Benefit could fall by</th>
            <th className="num">Share of realized benefit</th>
          </tr>
        }
      >
        <tbody>
          {r.initiatives
            .filter((i) => i.cumulativeCost.micro !== 0)
            .map((i) => (
              <tr key={i.id}>
                <td>{i.name}</td>
                <td className="num">{pct(i.cumulativeRoi.value)}</td>
                <td className="num">
                  {i.breakEven.margin.micro >= 0
                    ? boardMoney(i.breakEven.margin.micro, c)
                    : `short by ${boardMoney(-i.breakEven.margin.micro, c)}`}
                </td>
                <td className="num">{i.breakEven.margin.micro >= 0 ? pct(i.breakEven.share.value) : '—'}</td>
              </tr>
            ))}
        </tbody>
      </PackTable>
    </Section>
  );
}
