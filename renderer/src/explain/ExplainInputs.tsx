import type { Explanation, ReportModel } from '../../../shared/report';
import { KIND_LABEL } from '../../../shared/labels';
import { formatNumber } from '../format';
import { formatInput } from './formatExplained';

const SOURCE_LABEL: Record<string, string> = {
  spend: 'Spend lines',
  budget: 'Budget lines',
  benefits: 'Benefit lines',
  kpi_observations: KIND_LABEL.kpis,
  initiatives: 'Initiatives',
  fx_rates: 'FX rates',
  commitments: 'Commitments',
  settings: 'Setting',
  figure: 'Figure',
};

/** The inputs of a figure: value, source, how many stored lines, which batches; figures can be followed. */
export function ExplainInputs({
  report,
  explanation,
  onFollow,
}: {
  report: ReportModel;
  explanation: Explanation;
  onFollow(key: string): void;
}) {
  if (explanation.inputs.length === 0) return null;
  return (
    <section aria-labelledby="explain-inputs">
      <h3 id="explain-inputs">Inputs</h3>
      <table className="table table-compact" aria-labelledby="explain-inputs">
        <thead>
          <tr>
            <th scope="col">Input</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col" className="num">
              Lines
            </th>
            <th scope="col">Batches</th>
          </tr>
        </thead>
        <tbody>
          {explanation.inputs.map((input, i) => (
            <tr key={`${input.label}-${i}`}>
              <td>
                {input.ref && input.ref in report.explanations ? (
                  <button type="button" className="link-button" onClick={() => onFollow(input.ref!)}>
                    {input.label}
                  </button>
                ) : (
                  input.label
                )}
                <div className="muted small">{SOURCE_LABEL[input.source] ?? input.source}</div>
              </td>
              <td className="num">{formatInput(input, report.currency)}</td>
              <td className="num">
                {input.source === 'figure' || input.source === 'settings'
                  ? '—'
                  : formatNumber(input.lineCount)}
                {input.unbatchedLineCount ? (
                  <div className="muted small">{formatNumber(input.unbatchedLineCount)} without a batch</div>
                ) : null}
              </td>
              <td>{input.batchIds.length === 0 ? '—' : input.batchIds.map((b) => `#${b}`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
