import { useState } from 'react';
import type { BenefitAssumptionLine } from '../../../shared/api';
import { api } from '../api/client';
import { Panel } from '../components/Panel';
import { useAsync } from '../useAsync';
import { useWorkspace } from '../WorkspaceContext';
import { BenefitLineEditor } from './BenefitLineEditor';

const PAGE = 12;

/**
 * The initiative's benefit lines with their assumption register fields, editable: the range (low, high, in
 * the line's currency around its amount), what drives it, who owns it, the evidence and its date.
 */
export function BenefitAssumptionsPanel({ id, initiative }: { id: number; initiative: string }) {
  const { info, refresh } = useWorkspace();
  const lines = useAsync(() => api.call('benefits.lines', { initiativeId: id }), [info, id]);
  const [all, setAll] = useState(false);
  const list: BenefitAssumptionLine[] = lines.status === 'ready' ? [...lines.data].reverse() : [];
  const shown = all ? list : list.slice(0, PAGE);
  return (
    <Panel title={`Benefit assumptions, ${initiative}`} className="span-2" id="benefit-assumptions">
      <p className="muted small">
        A range makes a line uncertain in the sensitivity analysis: triangular between its low and high, most
        likely at its amount; lines naming the same assumption move together. The amount and its import row
        stay as imported; every save is logged with the values before and after.
      </p>
      {lines.status === 'error' ? (
        <p className="field-error">The benefit lines could not be loaded: {lines.error.message}</p>
      ) : list.length === 0 ? (
        <p className="muted">
          {lines.status === 'ready' ? 'No benefit lines for this initiative.' : 'Loading…'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact table-edit" aria-label="Benefit lines and their assumptions">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Low</th>
                <th scope="col">High</th>
                <th scope="col">Assumption</th>
                <th scope="col">Owner</th>
                <th scope="col">Source</th>
                <th scope="col">Confidence</th>
                <th scope="col">Evidence date</th>
                <th scope="col">
                  <span className="sr-only">Save</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((l) => (
                <BenefitLineEditor key={`${l.id}|${l.editedAt ?? ''}`} line={l} onSaved={() => refresh()} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.length > PAGE ? (
        <button type="button" className="link-button" onClick={() => setAll((a) => !a)}>
          {all ? `Show the latest ${PAGE}` : `Show all ${list.length} lines`}
        </button>
      ) : null}
    </Panel>
  );
}
