import type { WorkspaceInfo } from '../../../shared/api';
import type { ReportModel } from '../../../shared/report';
import { api } from '../api/client';

/** Report models by quarter for one state of the workspace (a new `info` object means the data changed). */
let owner: WorkspaceInfo | null = null;
const byPeriod = new Map<string, ReportModel>();
const inflight = new Map<string, Promise<ReportModel>>();

function own(info: WorkspaceInfo) {
  if (owner !== info) {
    owner = info;
    byPeriod.clear();
    inflight.clear();
  }
}

export const reportCache = {
  get(info: WorkspaceInfo, period: string): ReportModel | undefined {
    own(info);
    return byPeriod.get(period);
  },
  set(info: WorkspaceInfo, period: string, report: ReportModel): void {
    own(info);
    byPeriod.set(period, report);
  },
  /** The cached report, or one request shared by everyone asking for the same quarter meanwhile. */
  load(info: WorkspaceInfo, period: string, force = false): Promise<ReportModel> {
    own(info);
    const hit = !force && byPeriod.get(period);
    if (hit) return Promise.resolve(hit);
    const pending = !force && inflight.get(period);
    if (pending) return pending;
    // Explanations stay on the service until a figure is opened (ExplainProvider fetches them), and each
    // initiative's KPI rows until its detail is shown (InitiativeKpis fetches them).
    const p = api.call('report.get', { period, explanations: false, initiativeKpis: false }).then(
      (r) => {
        if (owner === info) byPeriod.set(period, r);
        inflight.delete(period);
        return r;
      },
      (err: unknown) => {
        inflight.delete(period);
        throw err;
      },
    );
    inflight.set(period, p);
    return p;
  },
  /** Loads the quarters next to `period` when the browser is idle, so stepping back or forward is instant. */
  prefetchNeighbours(info: WorkspaceInfo, period: string): () => void {
    const i = info.periods.indexOf(period);
    const targets = [info.periods[i - 1], info.periods[i + 1]].filter(
      (p): p is string => p !== undefined && !byPeriod.has(p) && !inflight.has(p),
    );
    if (i < 0 || targets.length === 0) return () => undefined;
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => {
      for (const p of targets) void reportCache.load(info, p).catch(() => undefined);
    });
    return () => cancel(handle);
  },
};
