import path from 'node:path';
import { backupWorkspace, listBackups, restoreWorkspace } from '../../store/backup';
import { WorkspaceError } from '../../store/db';
import { openWorkspace } from '../../store/workspace';
import { optionalFlag, requireFlag, UsageError } from '../args';
import type { Command } from '../command';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Back up a workspace (consistent online copy)',
  usage: 'backup --db FILE [--out FILE]',
  flags: { values: ['db', 'out'] },
  async run(args, io) {
    const ws = openWorkspace(requireFlag(args, 'db'), { readonly: true });
    const out = optionalFlag(args, 'out');
    try {
      const file = await backupWorkspace(ws.db, ws.file, 'manual', out ? path.resolve(out) : undefined);
      io.out(`Backup written: ${file}`);
      return 0;
    } catch (err) {
      if (err instanceof WorkspaceError && (err.code === 'READ_ONLY' || err.code === 'DISK_FULL') && !out)
        throw new WorkspaceError(
          `${err.message} (\`backup --out FILE\` writes it to another folder or disk.)`,
          err.code,
        );
      throw err;
    } finally {
      ws.close();
    }
  },
};

export const backupsCommand: Command = {
  name: 'backups',
  summary: 'List a workspace’s backups',
  usage: 'backups --db FILE [--json]',
  flags: { values: ['db'], switches: ['json'] },
  run(args, io) {
    const list = listBackups(path.resolve(requireFlag(args, 'db')));
    if (args.flags.has('json')) io.out(JSON.stringify(list, null, 2));
    else if (list.length === 0) io.out('No backups yet.');
    else
      for (const b of list)
        io.out(`${b.createdAt}  ${b.reason.padEnd(16)} ${String(b.size).padStart(10)} B  ${b.file}`);
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Replace a workspace with one of its backups (the current state is backed up first)',
  usage: 'restore BACKUP --db FILE',
  flags: { values: ['db'] },
  async run(args, io) {
    const backup = args.positionals[0];
    if (!backup)
      throw new UsageError(
        'restore needs the backup file, e.g. restore "W.backups/W.2026-….manual.sqlite" --db W.sqlite',
      );
    const target = path.resolve(requireFlag(args, 'db'));
    const { safetyCopy } = await restoreWorkspace(path.resolve(backup), target);
    io.out(
      `Restored ${target} from ${backup}.${safetyCopy ? `\nThe state before the restore was saved as ${safetyCopy}.` : ''}`,
    );
    return 0;
  },
};
