import { api } from '../api/client';
import { Skeleton } from '../components/Skeleton';
import { useAsync } from '../useAsync';

export function InitiativesScreen() {
  const list = useAsync(() => api.call('initiatives.list', {}), []);
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">Initiatives</h1>
      {!list.data ? (
        <Skeleton lines={6} />
      ) : list.data.length === 0 ? (
        <div className="empty-state">
          <p>No initiatives yet. Import an initiative register (CSV or Excel) on the Import screen.</p>
        </div>
      ) : (
        <table className="table" aria-label="Initiatives">
          <thead>
            <tr>
              <th scope="col">Initiative</th>
              <th scope="col">Owner</th>
              <th scope="col">Stage</th>
              <th scope="col" className="num">
                Risk tier
              </th>
              <th scope="col">Approved</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((i) => (
              <tr key={i.id}>
                <td>{i.name}</td>
                <td>{i.owner ?? '—'}</td>
                <td>{i.stage}</td>
                <td className="num">{i.riskTier}</td>
                <td>{i.approvalDate ?? 'Not approved'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
