import type { AssumptionRegisterEntry, ReportModel } from '../../../shared/report';
import { Figure } from '../explain/Figure';
import { formatMoney } from '../format';

/** "14 months" / "3 days" old at the period's end; "after the period end" for later evidence. */
export function evidenceAge(days: number | null): string {
  if (days === null) return '—';
  if (days < 0) return 'after the period end';
  if (days < 62) return `${days} day${days === 1 ? '' : 's'}`;
  return `${Math.round(days / 30.44)} months`;
}

/** Evidence older than about 9 months at the period end is flagged: a board will ask when it was last checked. */
const stale = (e: AssumptionRegisterEntry) => e.evidenceAgeDays !== null && e.evidenceAgeDays > 270;

function confidenceText(e: AssumptionRegisterEntry): string {
  return e.confidence === null ? '—' : e.confidence === 'several' ? 'mixed' : e.confidence;
}

/** The assumption register: what each benefit rests on, its stated range and how old its evidence is. */
export function AssumptionRegisterTable({ report, limit }: { report: ReportModel; limit?: number }) {
  const c = report.currency;
  const rows = limit === undefined ? report.assumptionRegister : report.assumptionRegister.slice(0, limit);
  const hidden = report.assumptionRegister.length - rows.length;
  return (
    <>
      <h3 className="panel-subhead">Assumption register, to {report.period.end}</h3>
      <table
        className="table table-compact"
        aria-label="Assumption register"
        data-testid="assumption-register"
      >
        <thead>
          <tr>
            <th scope="col">Assumption</th>
            <th scope="col">Initiative</th>
            <th scope="col" className="num">
              Low
            </th>
            <th scope="col" className="num">
              Stated
            </th>
            <th scope="col" className="num">
              High
            </th>
            <th scope="col">Confidence</th>
            <th scope="col">Owner · source</th>
            <th scope="col">Evidence age</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.lineIds[0]}>
              <th scope="row">
                {e.assumption ?? <span className="muted">No assumption named</span>}
                <div className="muted small">
                  {e.realized ? 'Realized' : 'Projected'} · {e.lines} line{e.lines === 1 ? '' : 's'}
                  {e.editedAt ? ` · edited ${e.editedAt.slice(0, 10)}` : ''}
                </div>
              </th>
              <td>
                <a href={`#/initiatives/${e.initiativeId}`}>{e.initiative}</a>
              </td>
              <td className="num">
                <Figure explain={e.low.explain} label={`${e.assumption ?? 'Benefit'} low case`}>
                  {formatMoney(e.low.micro, c, { compact: true })}
                </Figure>
              </td>
              <td className="num">
                <Figure explain={e.base.explain} label={`${e.assumption ?? 'Benefit'} as stated`}>
                  {formatMoney(e.base.micro, c, { compact: true })}
                </Figure>
              </td>
              <td className="num">
                <Figure explain={e.high.explain} label={`${e.assumption ?? 'Benefit'} high case`}>
                  {formatMoney(e.high.micro, c, { compact: true })}
                </Figure>
              </td>
              <td>
                <span className={`confidence confidence-${e.confidence ?? 'none'}`}>{confidenceText(e)}</span>
              </td>
              <td className="small">{[e.owner, e.source].filter((x) => x !== null).join(' · ') || '—'}</td>
              <td
                className={stale(e) ? 'stale-evidence' : undefined}
                title={stale(e) ? 'Evidence older than 9 months at the period end' : undefined}
              >
                {evidenceAge(e.evidenceAgeDays)}
                {e.evidenceDate ? <div className="muted small">{e.evidenceDate}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 ? (
        <p className="muted small">
          {rows.length} of {report.assumptionRegister.length} entries; the pack and the workbook list them
          all.
        </p>
      ) : null}
    </>
  );
}
