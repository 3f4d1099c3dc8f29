import { boardMoney } from '../../../../shared/export/format';
import type { SensitivityDriver } from '../../../../shared/report';
import { PackTable } from '../components/PackTable';

/**
 * The tornado's figures as a table, every driver (the chart draws the largest): NPV with the assumption at
 * its low and at its high, to the cent, so the printed bars can be traced like every other figure.
 */
export function SwingTable({
  drivers,
  currency,
}: {
  drivers: readonly SensitivityDriver[];
  currency: string;
}) {
  return (
    <PackTable
      rows={drivers.length}
      title="NPV swing by assumption"
      columns={4}
      colgroup={
        <colgroup>
          <col style={{ width: '42%' }} />
          <col style={{ width: '26%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '16%' }} />
        </colgroup>
      }
      head={
        <tr>
          <th>Assumption</th>
          <th>Initiative</th>
          <th className="num">NPV at its low</th>
          <th className="num">NPV at its high</th>
        </tr>
      }
    >
      <tbody>
        {drivers.map((d) => (
          <tr key={`${d.assumption}|${d.initiatives.join('|')}`} data-driver={d.assumption}>
            <td>{d.assumption}</td>
            <td>{d.initiative ?? d.initiatives.join(', ')}</td>
            <td className="num">{boardMoney(d.npvLow.micro, currency)}</td>
            <td className="num">{boardMoney(d.npvHigh.micro, currency)}</td>
          </tr>
        ))}
      </tbody>
    </PackTable>
  );
}
