import { isIsoCurrency, microToCentsString, microToMajor } from '../../../shared/money';
import { generateDemo } from '../../demo/generate';
import { backupWorkspace } from '../../store/backup';
import { listBatches, undoBatch } from '../../store/batches';
import { initWorkspace, openWorkspace } from '../../store/workspace';
import { optionalFlag, requireFlag, UsageError } from '../args';
import type { Command } from '../command';

export const initCommand: Command = {
  name: 'init',
  summary: 'Create an empty workspace',
  usage: 'init --db FILE [--currency USD] [--fiscal-start 1..12] [--name NAME]',
  flags: { values: ['db', 'currency', 'fiscal-start', 'name'] },
  run(args, io) {
    const file = requireFlag(args, 'db');
    const currency = optionalFlag(args, 'currency')?.toUpperCase();
    if (currency !== undefined && !isIsoCurrency(currency)) {
      throw new UsageError(`--currency must be an ISO 4217 code such as USD, got "${currency}"`);
    }
    const fsRaw = optionalFlag(args, 'fiscal-start');
    const fiscalStartMonth = fsRaw === undefined ? undefined : Number(fsRaw);
    if (
      fiscalStartMonth !== undefined &&
      !(Number.isInteger(fiscalStartMonth) && fiscalStartMonth >= 1 && fiscalStartMonth <= 12)
    ) {
      throw new UsageError(`--fiscal-start must be a month number 1–12, got "${fsRaw}"`);
    }
    const name = optionalFlag(args, 'name');
    const ws = initWorkspace(file, {
      ...(name ? { name } : {}),
      ...(currency ? { currency } : {}),
      ...(fiscalStartMonth ? { fiscalStartMonth } : {}),
    });
    io.out(`Workspace ready: ${ws.file}`);
    ws.close();
    return 0;
  },
};

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Create a workspace filled with the demo data',
  usage: 'demo --db FILE',
  flags: { values: ['db'] },
  run(args, io) {
    const file = requireFlag(args, 'db');
    const ws = initWorkspace(file, { name: 'Demo workspace' });
    try {
      const summary = generateDemo(ws.db);
      io.out(
        `Demo workspace ready: ${ws.file}\n` +
          `  ${summary.initiatives} initiatives, ${summary.spendLines} spend lines, ${summary.budgetLines} budget lines, ` +
          `${summary.benefitLines} benefit lines, ${summary.observations} KPI values (${summary.firstMonth} to ${summary.lastMonth})`,
      );
    } finally {
      ws.close();
    }
    return 0;
  },
};

export const batchesCommand: Command = {
  name: 'batches',
  summary: 'List import batches',
  usage: 'batches --db FILE [--json]',
  flags: { values: ['db'], switches: ['json'] },
  run(args, io) {
    const ws = openWorkspace(requireFlag(args, 'db'), { readonly: true });
    try {
      const batches = listBatches(ws.db);
      if (args.flags.has('json')) {
        io.out(
          JSON.stringify(
            batches.map((b) => ({
              ...b,
              total: b.total === null ? null : microToMajor(b.total),
            })),
            null,
            2,
          ),
        );
        return 0;
      }
      if (batches.length === 0) {
        io.out('No import batches yet.');
        return 0;
      }
      for (const b of batches) {
        const total = b.total === null ? '' : ` total ${microToCentsString(b.total)} ${b.currency ?? ''}`;
        io.out(
          `#${b.id}  ${b.status.padEnd(9)} ${b.kind.padEnd(11)} ${b.format.padEnd(9)} ${b.rows} rows` +
            `${b.excluded ? ` (${b.excluded} excluded)` : ''}${total}  ${b.fileName}  ${b.importedAt}  sha256:${b.fileSha256.slice(0, 12)}`,
        );
      }
      return 0;
    } finally {
      ws.close();
    }
  },
};

export const undoCommand: Command = {
  name: 'undo',
  summary: 'Undo an import batch (removes its rows, keeps the record)',
  usage: 'undo BATCH --db FILE',
  flags: { values: ['db'] },
  async run(args, io) {
    const raw = args.positionals[0];
    const id = Number(raw);
    if (!raw || !Number.isInteger(id) || id <= 0)
      throw new UsageError('undo needs a batch number, e.g. undo 3 --db FILE');
    const ws = openWorkspace(requireFlag(args, 'db'), { lock: 'hold', holder: 'CAIO Scorecard CLI undo' });
    try {
      const backup = await backupWorkspace(ws.db, ws.file, 'before-undo');
      const b = undoBatch(ws.db, id);
      io.out(
        `Batch #${b.id} (${b.fileName}) undone: ${b.rows} rows removed.\nBackup taken before the undo: ${backup}`,
      );
      return 0;
    } finally {
      ws.close();
    }
  },
};
