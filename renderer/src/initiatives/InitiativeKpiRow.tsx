import { Fragment } from 'react';
import type { InitiativeKpiReport } from '../../../shared/report';
import { KpiScoreCells } from '../scorecard/KpiScoreCells';

/** Lets names like "Hallucination/Incorrectness Rate" wrap after a slash in a narrow column. */
function wrapAfterSlashes(name: string) {
  return name.split('/').map((part, i) => (
    <Fragment key={i}>
      {i > 0 && (
        <>
          /<wbr />
        </>
      )}
      {part}
    </Fragment>
  ));
}

/** One KPI observed for an initiative: the scorecard's cells over the initiative's own observations. */
export function InitiativeKpiRow({
  kpi,
  initiative,
  currency,
}: {
  kpi: InitiativeKpiReport;
  initiative: string;
  currency: string;
}) {
  return (
    <tr data-kpi={kpi.id} data-status={kpi.status}>
      <th scope="row">
        <div className="kpi-name">{wrapAfterSlashes(kpi.name)}</div>
        <div className="kpi-desc">{kpi.category}</div>
      </th>
      <KpiScoreCells
        kpi={kpi}
        currency={currency}
        label={`${kpi.name}, ${initiative}`}
        testPrefix="initiative-kpi"
      />
    </tr>
  );
}
