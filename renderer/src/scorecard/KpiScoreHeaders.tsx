/** Column headers matching `KpiScoreCells`: value, target, status, trend and the 6-quarter sparkline. */
export function KpiScoreHeaders() {
  return (
    <>
      <th scope="col" className="num">
        Value
      </th>
      <th scope="col" className="num">
        Target
      </th>
      <th scope="col">Status</th>
      <th scope="col">Trend</th>
      <th scope="col">6 quarters</th>
    </>
  );
}
