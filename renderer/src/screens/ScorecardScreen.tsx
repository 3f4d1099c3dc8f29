import { api } from '../api/client';
import { Skeleton } from '../components/Skeleton';
import { useAsync } from '../useAsync';

export function ScorecardScreen() {
  const kpis = useAsync(() => api.call('kpis.list', {}), []);
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">Scorecard</h1>
      {!kpis.data ? (
        <Skeleton lines={8} />
      ) : (
        <table className="table" aria-label="KPI catalog">
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">Category</th>
              <th scope="col">Direction</th>
              <th scope="col" className="num">
                Target
              </th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {kpis.data
              .filter((k) => !k.input)
              .map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td>{k.category}</td>
                  <td>{k.direction}</td>
                  <td className="num">{k.target}</td>
                  <td>{k.derived ? 'Derived' : 'Imported'}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
