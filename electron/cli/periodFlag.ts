import type { WorkspaceSettings } from '../../shared/domain';
import { PeriodError } from '../../shared/fiscal';
import { reportQuarter } from '../report/periods';
import { UsageError } from './args';

/** `--period` checked against the workspace's plausible range: outside it, a usage error saying so. */
export function plausiblePeriodFlag(
  period: string,
  settings: Pick<WorkspaceSettings, 'fiscalStartMonth' | 'earliestYear' | 'latestYear'>,
): void {
  try {
    reportQuarter(period, settings);
  } catch (err) {
    if (err instanceof PeriodError) throw new UsageError(`--period: ${err.message}`);
    throw err;
  }
}
