import { useEffect, useState } from 'react';
import type { FxRateInfo, ImportProblem } from '../../../shared/api';
import { describeProblem } from '../../../shared/import/problems';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Panel } from '../components/Panel';
import { Skeleton } from '../components/Skeleton';
import { useSubRoute } from '../route';
import { useAsync } from '../useAsync';
import { useWorkspace } from '../WorkspaceContext';
import { FxRateForm } from './FxRateForm';
import { FxRateRow } from './FxRateRow';
import { FxRatesFileButton } from './FxRatesFileButton';
import type { FxRateDraft } from './fxRateInput';

const key = (r: { currency: string; month: string }) => `${r.currency}|${r.month}`;

/**
 * Settings › Exchange rates: the monthly rates amounts in other currencies are converted with, where each
 * comes from, and the ways to add one (by hand, or a rates file through the import) — so an import refused
 * for a missing rate can be fixed without leaving the app. `#/settings/exchange-rates` scrolls here.
 */
export function ExchangeRatesPanel() {
  const { info, refresh } = useWorkspace();
  const reporting = info.settings.currency;
  const list = useAsync(() => api.call('fx.list', {}), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ title: string; error: Error; problems: ImportProblem[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const sub = useSubRoute();
  useEffect(() => {
    if (sub === 'exchange-rates') document.getElementById('exchange-rates')?.scrollIntoView();
  }, [sub]);

  /** Runs a change; true when it worked. The figures are recomputed with the rates as they are now. */
  const run = async (action: () => Promise<unknown>, message: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(message);
      setEditing(null);
      setConfirming(null);
      list.reload();
      refresh();
      return true;
    } catch (err) {
      setError({ title: 'The rate was not saved', error: err as Error, problems: [] });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = (d: FxRateDraft) =>
    run(() => api.call('fx.set', d), `Saved: 1 ${d.currency} = ${d.rate} ${reporting} in ${d.month}.`);
  const remove = (r: FxRateInfo) =>
    run(
      () => api.call('fx.delete', { currency: r.currency, month: r.month }),
      `Deleted the ${r.currency} rate for ${r.month}.`,
    );

  return (
    <Panel
      title="Exchange rates"
      id="exchange-rates"
      className="fx-panel"
      actions={
        <FxRatesFileButton
          busy={busy}
          onBusy={(b) => {
            setBusy(b);
            if (b) {
              setError(null);
              setDone('Importing the rates file…');
            }
          }}
          onDone={(ok, outcome) => {
            if (ok) {
              setDone(outcome.message);
              list.reload();
              refresh();
            } else {
              setDone(null);
              setError({
                title: 'The rates file was not imported; nothing was written',
                error: new Error(outcome.message),
                problems: outcome.problems,
              });
            }
          }}
        />
      }
    >
      <p className="muted small">
        Amounts in another currency are converted into {reporting} with the rate for their month: how many{' '}
        {reporting} one unit of that currency is worth. An import that needs a rate that is not here is
        refused and names it. A rates file has a month, a currency and a rate per row.
      </p>
      <FxRateForm reporting={reporting} busy={busy} onAdd={save} />
      {error && (
        <div className="notice notice-error" role="alert">
          <strong>{error.title}</strong>
          <p>{error.error.message.replace(/:$/, '')}</p>
          {error.problems.length > 0 && (
            <ul className="problem-list" data-testid="fx-file-problems">
              {error.problems
                .filter((p) => p.severity === 'error')
                .slice(0, 10)
                .map((p, i) => (
                  <li key={i}>{describeProblem(p)}</li>
                ))}
            </ul>
          )}
        </div>
      )}
      <p role="status" className="muted" data-testid="fx-status">
        {done ?? ''}
      </p>
      {list.status === 'error' && (
        <ErrorNotice title="The rates could not be listed" error={list.error} onRetry={list.reload} />
      )}
      {!list.data ? (
        <Skeleton lines={3} label="Loading exchange rates" />
      ) : list.data.length === 0 ? (
        <p className="muted">No exchange rates yet: every amount so far is in {reporting}.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-compact" aria-label="Exchange rates" data-testid="fx-rates">
            <thead>
              <tr>
                <th scope="col">Currency</th>
                <th scope="col">Month</th>
                <th scope="col" className="num">
                  Rate ({reporting} per 1 unit)
                </th>
                <th scope="col">Source</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((r) => (
                <FxRateRow
                  key={key(r)}
                  rate={r}
                  reporting={reporting}
                  busy={busy}
                  editing={editing === key(r)}
                  confirming={confirming === key(r)}
                  onEdit={() => {
                    setConfirming(null);
                    setEditing(key(r));
                  }}
                  onSave={(rate) => save({ currency: r.currency, month: r.month, rate })}
                  onCancel={() => {
                    setEditing(null);
                    setConfirming(null);
                  }}
                  onAskDelete={() => {
                    setEditing(null);
                    setConfirming(key(r));
                  }}
                  onDelete={() => void remove(r)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
