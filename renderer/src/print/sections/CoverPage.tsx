import { longDate } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';

export function CoverPage({ data, packDate }: { data: PackData; packDate: string }) {
  const { settings, report } = data;
  return (
    <section className="cover" aria-label="Cover">
      <div className="cover-brand">
        {settings.logoDataUrl ? (
          <img className="cover-logo" src={settings.logoDataUrl} alt={`${settings.companyName} logo`} />
        ) : null}
        <div className="cover-company">{settings.companyName}</div>
      </div>
      <div className="cover-main">
        <h1 className="cover-title">AI Board Briefing — {report.period.label}</h1>
        <p className="cover-sub">
          Fiscal quarter {longDate(report.period.start)} to {longDate(report.period.end)}
        </p>
      </div>
      <dl className="cover-meta">
        <div>
          <dt>Prepared by</dt>
          <dd>{settings.preparedBy || '—'}</dd>
        </div>
        <div>
          <dt>Date</dt>
          <dd>{longDate(packDate)}</dd>
        </div>
        <div>
          <dt>Reporting currency</dt>
          <dd>{report.currency}</dd>
        </div>
        <div>
          <dt>Data through</dt>
          <dd>{report.dataThrough ?? 'no spend data'}</dd>
        </div>
      </dl>
      <p className="cover-confidential">{settings.confidentiality || 'Confidential'}</p>
    </section>
  );
}
