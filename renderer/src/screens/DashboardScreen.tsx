import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Skeleton } from '../components/Skeleton';
import { formatMoney, formatNumber } from '../format';
import { useAsync } from '../useAsync';
import { useWorkspace } from '../WorkspaceContext';

export function DashboardScreen() {
  const { period, info } = useWorkspace();
  const summary = useAsync(() => api.call('spend.summary', { period }), [period, info]);
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">Dashboard · {period}</h1>
      {summary.status === 'error' && <ErrorNotice title="Spend could not be loaded" error={summary.error} />}
      {!summary.data ? (
        <Skeleton lines={4} />
      ) : summary.data.lines === 0 ? (
        <div className="empty-state">
          <p>
            No spend in {period} yet. Import a cloud billing (FOCUS), AI vendor or GL export on the Import
            screen.
          </p>
        </div>
      ) : (
        <>
          <div className="tiles">
            <div className="tile">
              <div className="tile-label">AI spend in {period}</div>
              <div className="tile-value" data-testid="period-spend">
                {formatMoney(summary.data.totalMicro, summary.data.currency)}
              </div>
              <div className="tile-sub">{formatNumber(summary.data.lines)} spend lines</div>
            </div>
          </div>
          <table className="table" aria-label={`Spend by category, ${period}`}>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col" className="num">
                  Spend
                </th>
                <th scope="col" className="num">
                  Lines
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.data.byCategory.map((c) => (
                <tr key={c.category}>
                  <td>{c.category.replace('_', ' ')}</td>
                  <td className="num">{formatMoney(c.totalMicro, summary.data!.currency)}</td>
                  <td className="num">{formatNumber(c.lines)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
