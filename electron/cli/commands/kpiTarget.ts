import { isFiscalQuarterLabel } from '../../../shared/fiscal';
import { reportQuarter } from '../../report/periods';
import { getKpi, updateKpi, type KpiEditable } from '../../store/kpis';
import { getSettings } from '../../store/settings';
import { openWorkspace } from '../../store/workspace';
import { optionalFlag, requireFlag, UsageError } from '../args';
import type { Command } from '../command';

function numberFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new UsageError(`--${name} must be a number, got "${value}"`);
  return n;
}

/** Sets a KPI's target (and thresholds) from a quarter on; earlier quarters keep the target they had. */
export const kpiTargetCommand: Command = {
  name: 'kpi-target',
  summary: "Change a KPI's target from a quarter on (earlier quarters keep theirs)",
  usage:
    'kpi-target --db FILE --kpi ID --from FY2026-Q3 [--target N] [--amber N] [--tolerance N] [--note TEXT] [--json]',
  flags: { values: ['db', 'kpi', 'from', 'target', 'amber', 'tolerance', 'note'], switches: ['json'] },
  run(args, io) {
    const from = requireFlag(args, 'from').toUpperCase();
    if (!isFiscalQuarterLabel(from))
      throw new UsageError(`--from must be a fiscal quarter such as FY2026-Q3, got "${from}"`);
    const patch: Partial<KpiEditable> = {};
    const target = numberFlag(optionalFlag(args, 'target'), 'target');
    const amber = numberFlag(optionalFlag(args, 'amber'), 'amber');
    const tolerance = numberFlag(optionalFlag(args, 'tolerance'), 'tolerance');
    if (target !== undefined) patch.target = target;
    if (amber !== undefined) patch.amber = amber;
    if (tolerance !== undefined) patch.tolerance = tolerance;
    if (Object.keys(patch).length === 0)
      throw new UsageError('Give at least one of --target, --amber, --tolerance.');
    const ws = openWorkspace(requireFlag(args, 'db'));
    try {
      const id = requireFlag(args, 'kpi');
      if (!getKpi(ws.db, id)) {
        io.err(`Error: no KPI with id "${id}".`);
        return 1;
      }
      const quarter = reportQuarter(from, getSettings(ws.db)).label;
      const k = updateKpi(ws.db, id, patch, {
        effectiveFrom: quarter,
        note: optionalFlag(args, 'note') ?? null,
      });
      io.out(
        args.flags.has('json')
          ? JSON.stringify({
              id: k.id,
              effectiveFrom: quarter,
              target: patch.target ?? null,
              amber: patch.amber ?? null,
              tolerance: patch.tolerance ?? null,
            })
          : `${k.name}: target set from ${quarter}; quarters before it keep the target they had.`,
      );
      return 0;
    } finally {
      ws.close();
    }
  },
};
