/**
 * Column headers matching `KpiScoreCells`: value, target, status, trend and the 6-quarter sparkline. Below
 * 1280px the trend column hides and the trend shows under the sparkline instead (styles.css, `.col-trend`).
 */
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
      <th scope="col" className="col-trend">
        Trend
      </th>
      <th scope="col">6 quarters</th>
    </>
  );
}
