import { useEffect, useState } from 'react';
import type { ReportModel } from '../../../shared/report';
import { useWorkspace } from '../WorkspaceContext';
import { reportCache } from './reportCache';

/** The report models of the `count` quarters ending with the chosen one (oldest first), from the cache when possible. */
export function useReportSeries(count: number): { reports: ReportModel[] | null; error: Error | null } {
  const { info, period } = useWorkspace();
  const [state, setState] = useState<{ reports: ReportModel[] | null; error: Error | null }>({
    reports: null,
    error: null,
  });
  useEffect(() => {
    const idx = info.periods.indexOf(period);
    if (idx < 0) return;
    const periods = info.periods.slice(Math.max(0, idx - count + 1), idx + 1);
    let live = true;
    Promise.all(periods.map((p) => reportCache.load(info, p))).then(
      (reports) => live && setState({ reports, error: null }),
      (error: unknown) => live && setState({ reports: null, error: error as Error }),
    );
    return () => {
      live = false;
    };
  }, [info, period, count]);
  return state;
}
