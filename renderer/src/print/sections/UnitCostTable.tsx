import { boardMoney, kpiValue, num, shortMonth, signedPct } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import type { UnitCostPoint } from '../../../../shared/report';
import { PackTable } from '../components/PackTable';
import { TotalsNote } from '../components/TotalsNote';

/** Scaled like the Inference Cost per Key Action KPI: a unit cost to 4 decimals ("$0.0444"). */
const UNIT_COST = { unit: 'currency', direction: 'lower', target: 0, tolerance: null } as const;

/**
 * Inference cost per key action (model_api + compute spend ÷ key actions served): the quarter's months, the
 * quarter and the one before, with the change — the unit economics the scorecard's KPI row condenses.
 */
export function UnitCostTable({ data }: { data: PackData }) {
  const r = data.report;
  const u = r.unitEconomics;
  const c = r.currency;
  // The quarter before first, for comparison; then the quarter's months and their total.
  const rows: [string, UnitCostPoint, boolean][] = [
    [r.period.previous, u.previousQuarter, false],
    ...u.months.map((m): [string, UnitCostPoint, boolean] => [shortMonth(m.period), m, false]),
    [r.period.label, u.quarter, true],
  ];
  return (
    <>
      <p className="note">
        Inference cost = model API and compute spend. Key actions = the imported key-actions counts.{' '}
        {u.qoqChange === null
          ? 'No quarter-on-quarter change (a quarter without key actions).'
          : `Cost per key action ${signedPct(u.qoqChange)} on ${r.period.previous}.`}
      </p>
      <PackTable
        rows={rows.length}
        title="Inference cost per key action"
        columns={4}
        caption={<TotalsNote currency={c} />}
        head={
          <tr>
            <th>Period</th>
            <th className="num">Inference cost</th>
            <th className="num">Key actions</th>
            <th className="num">Cost per key action</th>
          </tr>
        }
      >
        <tbody>
          {rows.map(([label, p, total]) => (
            <tr key={label} className={total ? 'total' : undefined}>
              <td>{label}</td>
              <td className="num">{boardMoney(p.inferenceCost, c)}</td>
              <td className="num">{p.keyActions === null ? '—' : num(p.keyActions)}</td>
              <td className="num">{kpiValue(p.costPerAction, UNIT_COST, c)}</td>
            </tr>
          ))}
        </tbody>
      </PackTable>
    </>
  );
}
