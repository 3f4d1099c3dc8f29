import type { Initiative } from '../../../shared/domain';
import type { ReportModel } from '../../../shared/report';
import { Figure } from '../explain/Figure';
import { formatDate, formatMoney, formatPayback, formatPct } from '../format';
import { STAGE_LABEL } from '../labels';
import { RiskTier } from './RiskTier';

/** The portfolio table: business unit and owner, stage, risk, approval and the quarter's money figures per initiative. */
export function InitiativesTable({
  report,
  initiatives,
}: {
  report: ReportModel;
  initiatives: Initiative[];
}) {
  const byId = new Map(initiatives.map((i) => [i.id, i]));
  const c = report.currency;
  const p = report.portfolio;
  return (
    <div className="table-wrap">
      <table
        className="table table-compact"
        aria-label={`Initiatives, ${report.period.label}`}
        data-testid="initiatives-table"
      >
        <thead>
          <tr>
            <th scope="col">Initiative</th>
            <th scope="col">Stage</th>
            <th scope="col">Risk · approval</th>
            <th scope="col" className="num">
              Cost
            </th>
            <th scope="col" className="num">
              Benefit
            </th>
            <th scope="col" className="num">
              ROI
            </th>
            <th scope="col" className="num">
              Cum. ROI
            </th>
            <th scope="col" className="num">
              Payback
            </th>
            <th scope="col" className="num">
              NPV
            </th>
          </tr>
        </thead>
        <tbody>
          {report.initiatives.map((r) => {
            const i = byId.get(r.id);
            const highRiskUnapproved = r.riskTier >= 3 && !i?.approvalDate;
            return (
              <tr key={r.id}>
                <th scope="row" className="initiative-cell">
                  <a href={`#/initiatives/${r.id}`}>{r.name}</a>
                  {(r.businessUnit || r.owner) && (
                    <div className="muted small">{[r.businessUnit, r.owner].filter(Boolean).join(' · ')}</div>
                  )}
                </th>
                <td>
                  <span className="badge">{STAGE_LABEL[r.stage]}</span>
                </td>
                <td>
                  <RiskTier tier={r.riskTier} />
                  <div className="small">
                    {i?.approvalDate ? (
                      <span className="muted">Approved {formatDate(i.approvalDate)}</span>
                    ) : (
                      <span className={highRiskUnapproved ? 'flag' : 'muted'}>
                        {highRiskUnapproved ? '■ Not approved' : 'Not approved'}
                      </span>
                    )}
                  </div>
                </td>
                <td className="num">
                  <Figure explain={r.cost.explain} label={`${r.name} cost`}>
                    {formatMoney(r.cost.micro, c)}
                  </Figure>
                </td>
                <td className="num">
                  <Figure explain={r.benefit.explain} label={`${r.name} benefit`}>
                    {formatMoney(r.benefit.micro, c)}
                  </Figure>
                </td>
                <td className="num">
                  <Figure explain={r.roi.explain} label={`${r.name} ROI`}>
                    {formatPct(r.roi.value)}
                  </Figure>
                </td>
                <td className="num">
                  <Figure explain={r.cumulativeRoi.explain} label={`${r.name} cumulative ROI`}>
                    {formatPct(r.cumulativeRoi.value)}
                  </Figure>
                </td>
                <td className="num">
                  <Figure explain={r.paybackMonths.explain} label={`${r.name} payback`}>
                    {formatPayback(r.paybackMonths.value, 'short', r.stage)}
                  </Figure>
                </td>
                <td className="num">
                  <Figure explain={r.npv.explain} label={`${r.name} NPV`}>
                    {formatMoney(r.npv.micro, c)}
                  </Figure>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Shared platform <span className="muted small">(spend with no initiative)</span>
            </th>
            <td className="num">
              <Figure explain={p.sharedPlatformCost.explain} label="Shared platform cost">
                {formatMoney(p.sharedPlatformCost.micro, c)}
              </Figure>
            </td>
            <td colSpan={4} />
            <td className="num">
              <Figure explain={p.sharedPlatformNpv.explain} label="Shared platform NPV">
                {formatMoney(p.sharedPlatformNpv.micro, c)}
              </Figure>
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={3}>
              Portfolio
            </th>
            <td className="num">
              <Figure explain={p.cost.explain} label="Portfolio cost" testId="initiatives-total-cost">
                {formatMoney(p.cost.micro, c)}
              </Figure>
            </td>
            <td className="num">
              <Figure explain={p.benefit.explain} label="Portfolio benefit">
                {formatMoney(p.benefit.micro, c)}
              </Figure>
            </td>
            <td className="num">
              <Figure explain={p.roi.explain} label="Portfolio ROI">
                {formatPct(p.roi.value)}
              </Figure>
            </td>
            <td className="num">
              <Figure explain={p.cumulativeRoi.explain} label="Portfolio cumulative ROI">
                {formatPct(p.cumulativeRoi.value)}
              </Figure>
            </td>
            <td />
            <td className="num">
              <Figure explain={p.npv.explain} label="Portfolio NPV">
                {formatMoney(p.npv.micro, c)}
              </Figure>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
