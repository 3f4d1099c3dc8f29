import type { WorkspaceInfo } from '../../../shared/api';
import type { ReportModel } from '../../../shared/report';

/** Report models by quarter for one state of the workspace (a new `info` object means the data changed). */
let owner: WorkspaceInfo | null = null;
const byPeriod = new Map<string, ReportModel>();

function own(info: WorkspaceInfo) {
  if (owner !== info) {
    owner = info;
    byPeriod.clear();
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
};
