import { isFiscalQuarterLabel } from '../../../shared/fiscal';
import { getSettings } from '../../store/settings';
import { buildReport } from '../../report/buildReport';
import { MissingFxRateError } from '../../report/fx';
import { plausiblePeriodFlag } from '../periodFlag';
import { toReportJson } from '../../report/json';
import { formatReportText } from '../../report/text';
import { openWorkspace } from '../../store/workspace';
import { requireFlag, UsageError } from '../args';
import type { Command } from '../command';

export const reportCommand: Command = {
  name: 'report',
  summary: 'Print the quarterly scorecard (ROI, budget, forecast, KPIs, anomalies)',
  usage: 'report --db FILE --period FY2026-Q3 [--json]',
  flags: { values: ['db', 'period'], switches: ['json'] },
  run(args, io) {
    const period = requireFlag(args, 'period').toUpperCase();
    if (!isFiscalQuarterLabel(period))
      throw new UsageError(`--period must be a fiscal quarter such as FY2026-Q3, got "${period}"`);
    const ws = openWorkspace(requireFlag(args, 'db'), { readonly: true });
    try {
      plausiblePeriodFlag(period, getSettings(ws.db));
      const model = buildReport(ws.db, period);
      io.out(args.flags.has('json') ? JSON.stringify(toReportJson(model), null, 2) : formatReportText(model));
      return 0;
    } catch (err) {
      if (err instanceof MissingFxRateError) {
        io.err(`Error: ${err.message}`);
        return 1;
      }
      throw err;
    } finally {
      ws.close();
    }
  },
};
