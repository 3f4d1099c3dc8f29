import {
  boardSignedMoney,
  KIND_LABEL,
  longDate,
  moveValue,
  points,
  signedPct,
  utcTime,
} from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { Section } from '../components/Section';
import { StatusBadge } from '../../kit/StatusBadge';
import { PackTable } from '../components/PackTable';
import { TargetChangesTable } from './TargetChangesTable';

function basisText(data: PackData): string {
  const ch = data.changes;
  if (ch.basis === 'snapshot')
    return `Compared with the last pack exported, for ${ch.againstPeriod} on ${longDate(ch.againstCreatedAt ?? '')} (snapshot ${ch.againstSnapshotId}), as its figures stood then.`;
  if (ch.basis === 'previous_quarter')
    return `No earlier pack was exported from this workspace: compared with ${ch.againstPeriod} as computed from the same data.`;
  return 'No earlier pack or quarter to compare with.';
}

export function ChangesSection({ data }: { data: PackData }) {
  const ch = data.changes;
  const c = data.report.currency;
  // A status that changed only because its target did is a target change, not performance.
  const performance = ch.statusChanges.filter((s) => s.cause !== 'target');
  return (
    <Section id="changes" title="Changes since the last pack">
      <p className="note">{basisText(data)}</p>
      <h2>KPIs whose status changed</h2>
      {performance.length === 0 ? (
        <p className="muted">No KPI changed status on its performance.</p>
      ) : (
        <PackTable
          rows={performance.length}
          title="KPIs whose status changed"
          columns={3}
          head={
            <tr>
              <th>KPI</th>
              <th>Was</th>
              <th>Now</th>
            </tr>
          }
        >
          <tbody>
            {performance.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>
                  <StatusBadge status={s.from} />
                </td>
                <td>
                  <StatusBadge status={s.to} />
                </td>
              </tr>
            ))}
          </tbody>
        </PackTable>
      )}
      <h2>Target changes</h2>
      <TargetChangesTable data={data} />
      <h2>Figures that moved most</h2>
      {ch.movers.length === 0 ? (
        <p className="muted">No figure moved.</p>
      ) : (
        <PackTable
          rows={ch.movers.length}
          title="Figures that moved most"
          columns={4}
          head={
            <tr>
              <th>Figure</th>
              <th className="num">Was</th>
              <th className="num">Now</th>
              <th className="num">Change</th>
            </tr>
          }
        >
          <tbody>
            {ch.movers.map((m) => (
              <tr key={m.key}>
                <td>{m.label}</td>
                <td className="num">{moveValue(m, m.from, c, 'units')}</td>
                <td className="num">{moveValue(m, m.to, c, 'units')}</td>
                <td className="num">
                  {m.unit === 'money'
                    ? `${boardSignedMoney(m.change, c)}${m.changePct === null ? '' : ` (${signedPct(m.changePct)})`}`
                    : points(m.change)}
                </td>
              </tr>
            ))}
          </tbody>
        </PackTable>
      )}
      <h2>Data imported since</h2>
      {ch.importedSince.length === 0 ? (
        <p className="muted">No data was imported since.</p>
      ) : (
        <PackTable
          rows={ch.importedSince.length}
          title="Data imported since"
          columns={4}
          colgroup={
            <colgroup>
              <col style={{ width: '50%' }} />
              <col style={{ width: '17%' }} />
              <col style={{ width: '10%' }} />
              <col style={{ width: '23%' }} />
            </colgroup>
          }
          head={
            <tr>
              <th>File</th>
              <th>Kind</th>
              <th className="num">Rows</th>
              <th>Imported</th>
            </tr>
          }
        >
          <tbody>
            {ch.importedSince.map((b) => (
              <tr key={b.id}>
                <td className="break">{b.fileName}</td>
                <td>{KIND_LABEL[b.kind] ?? b.kind}</td>
                <td className="num">{b.rows}</td>
                <td>{utcTime(b.importedAt)}</td>
              </tr>
            ))}
          </tbody>
        </PackTable>
      )}
    </Section>
  );
}
