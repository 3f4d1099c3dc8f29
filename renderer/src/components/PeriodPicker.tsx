import { useWorkspace } from '../WorkspaceContext';

export function PeriodPicker() {
  const { info, period, setPeriod } = useWorkspace();
  if (info.periods.length === 0) return <span className="muted">No data yet</span>;
  return (
    <label className="period-picker">
      <span>Fiscal quarter</span>
      <select value={period} onChange={(e) => setPeriod(e.target.value)} aria-label="Fiscal quarter">
        {[...info.periods].reverse().map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </label>
  );
}
