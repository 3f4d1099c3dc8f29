import { longDate, num, pct, utcTime, KIND_LABEL } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { Section } from '../components/Section';
import { PackTable } from '../components/PackTable';

export function AppendixSources({ data, packDate }: { data: PackData; packDate: string }) {
  const r = data.report;
  const a = r.assumptions;
  return (
    <Section id="appendix-sources" title="Appendix A — Data sources">
      <p className="note">
        Every figure in this pack traces to the import batches below (file, SHA-256 of the file as imported,
        rows stored, time). Pack of {longDate(packDate)}; inputs fingerprint (SHA-256):{' '}
        <span className="mono">{data.inputsSha256}</span>.
      </p>
      <PackTable
        rows={data.batches.length * 2}
        title="Data sources"
        columns={5}
        className="sources"
        colgroup={
          <colgroup>
            <col style={{ width: '6%' }} />
            <col style={{ width: '46%' }} />
            <col style={{ width: '16%' }} />
            <col style={{ width: '12%' }} />
            <col style={{ width: '20%' }} />
          </colgroup>
        }
        head={
          <tr>
            <th>#</th>
            <th>File · SHA-256 of the file as imported</th>
            <th>Kind</th>
            <th className="num">Rows</th>
            <th>Imported</th>
          </tr>
        }
      >
        {data.batches.map((b) => (
          <tbody key={b.id} className="keep">
            <tr className="pair-top">
              <td>{b.id}</td>
              <td className="break">
                {b.fileName}
                <span className="muted">
                  {' '}
                  · {b.format}
                  {b.sheet ? ` · sheet ${b.sheet}` : ''}
                </span>
              </td>
              <td>{KIND_LABEL[b.kind] ?? b.kind}</td>
              <td className="num">
                {num(b.rows)}
                {b.excluded ? <span className="muted"> (+{b.excluded} left out)</span> : null}
              </td>
              <td>{utcTime(b.importedAt)}</td>
            </tr>
            <tr>
              <td />
              <td colSpan={4} className="mono hash">
                {b.fileSha256}
              </td>
            </tr>
          </tbody>
        ))}
      </PackTable>
      <h2>Assumptions</h2>
      <ul className="text-list">
        <li>
          Fiscal year starts in month {a.fiscalStartMonth}; {r.period.label} runs {r.period.start} to{' '}
          {r.period.end}, and data dated later is ignored.
        </li>
        <li>
          Budget status: on budget within ±{pct(a.varianceGreen)}, slightly over or under within ±
          {pct(a.varianceAmber)}, else over or under budget.
        </li>
        <li>NPV discount rate {pct(a.discountRateAnnual)} a year.</li>
        {r.notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </Section>
  );
}
