import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/demo/generate';
import { createService } from '../../electron/service/service';
import { UploadStore } from '../../electron/service/uploads';
import {
  backupDir,
  backupWorkspace,
  KEEP_AUTOMATIC,
  listBackups,
  restoreWorkspace,
} from '../../electron/store/backup';
import { openDatabase } from '../../electron/store/db';
import { MIGRATIONS, type Migration } from '../../electron/store/migrations';
import { initWorkspace, openWorkspace } from '../../electron/store/workspace';
import { tempDir } from '../helpers/tempWorkspace';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function demoFile(): string {
  const dir = tempDir('caio-backup-');
  dirs.push(dir);
  const file = path.join(dir, 'w.sqlite');
  const ws = initWorkspace(file);
  generateDemo(ws.db);
  ws.close();
  return file;
}

/**
 * Every row of every table, as text: "exactly the data". Read through a read-write connection, which
 * (unlike a read-only one) takes its -wal/-shm away when it closes, so the reading leaves nothing behind.
 */
function dump(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  const out = tables
    .map((t) => `${t}:${JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).raw().all())}`)
    .join('\n');
  db.close();
  return out;
}

describe('backups', () => {
  it('a restore gives back exactly the data of the backup, and keeps a copy of what it replaced', async () => {
    const file = demoFile();
    const before = dump(file);
    const ws = openWorkspace(file);
    const backup = await backupWorkspace(ws.db, file, 'manual');
    ws.db.prepare('DELETE FROM kpi_observations').run();
    ws.db.prepare("UPDATE settings SET value = '\"Changed\"' WHERE key = 'name'").run();
    ws.close();
    expect(dump(file)).not.toBe(before);

    const { safetyCopy } = await restoreWorkspace(backup, file);
    expect(dump(file)).toBe(before);
    expect(safetyCopy).not.toBeNull();
    expect(dump(safetyCopy!)).toContain('Changed');
    const check = openDatabase(file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });

  it('refuses to restore from a file that is not a good workspace, leaving the target untouched', async () => {
    const file = demoFile();
    const before = fs.readFileSync(file);
    const junk = path.join(path.dirname(file), 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all'.repeat(100));
    await expect(restoreWorkspace(junk, file)).rejects.toThrow(
      /not a CAIO Scorecard workspace|not a readable/,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('backs up automatically before an undo (service and CLI path) and before a migration', async () => {
    const file = demoFile();
    const ws = openWorkspace(file);
    const service = createService({ ws, uploads: new UploadStore() });
    const r = await service.call('batches.undo', { id: 2 });
    expect(r.ok).toBe(true);
    const backups = listBackups(file);
    expect(backups.map((b) => b.reason)).toContain('before-undo');
    // The pre-undo backup still has the spend batch the undo removed.
    const copy = openDatabase(backups.find((b) => b.reason === 'before-undo')!.file, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM spend').pluck().get()).toBeGreaterThan(0);
    copy.close();
    expect(ws.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);
    ws.close();

    const next: Migration[] = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'test', sql: 'CREATE TABLE t_extra (x INTEGER);' },
    ];
    const migrated = openWorkspace(file, { migrations: next });
    migrated.close();
    const pre = listBackups(file).find((b) => b.reason === 'before-migration');
    expect(pre).toBeDefined();
    const old = openDatabase(pre!.file, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    old.close();
  });

  it('rotates automatic backups and never deletes manual ones', async () => {
    const file = demoFile();
    const ws = openWorkspace(file);
    await backupWorkspace(ws.db, file, 'manual');
    for (let i = 0; i < KEEP_AUTOMATIC + 3; i++) {
      await backupWorkspace(ws.db, file, 'before-undo');
      await new Promise((r) => setTimeout(r, 2)); // distinct timestamps in the names
    }
    ws.close();
    const list = listBackups(file);
    expect(list.filter((b) => b.reason === 'before-undo')).toHaveLength(KEEP_AUTOMATIC);
    expect(list.filter((b) => b.reason === 'manual')).toHaveLength(1);
    expect(fs.readdirSync(backupDir(file)).some((f) => f.endsWith('.partial'))).toBe(false);
    // A backup whose name carries a reason this version does not know is listed as 'unknown', not as that word.
    const odd = path.join(backupDir(file), 'w.2026-01-02T03-04-05-006Z.from-the-future.sqlite');
    fs.copyFileSync(list[0]!.file, odd);
    expect(listBackups(file).find((b) => b.file === odd)?.reason).toBe('unknown');
  });

  // Issue #14 (3): the before-restore backup rotated out the oldest automatic backup — the one being
  // restored — so the restore failed with ENOENT, the restore point was gone and its -wal/-shm stayed.
  it('restoring the oldest of a full rotation restores it and keeps it; nothing is left beside the files', async () => {
    const file = demoFile();
    const ws = openWorkspace(file);
    for (let i = 0; i < KEEP_AUTOMATIC; i++) {
      if (i === 0) ws.db.prepare("UPDATE settings SET value = '\"The oldest\"' WHERE key = 'name'").run();
      await backupWorkspace(ws.db, file, 'before-undo');
      ws.db.prepare("UPDATE settings SET value = ? WHERE key = 'name'").run(JSON.stringify(`State ${i + 1}`));
      await new Promise((r) => setTimeout(r, 2)); // distinct timestamps in the names
    }
    ws.close();
    const full = listBackups(file);
    expect(full.filter((b) => b.reason !== 'manual')).toHaveLength(KEEP_AUTOMATIC);
    const oldest = full[full.length - 1]!;
    const wanted = dump(oldest.file);
    expect(wanted).toContain('The oldest');

    const { safetyCopy } = await restoreWorkspace(oldest.file, file);
    expect(dump(file)).toBe(wanted);
    expect(dump(safetyCopy!)).toContain(`State ${KEEP_AUTOMATIC}`);
    // The restore point is still there to go back to, kept beyond the count this once, besides the newest
    // ten automatic backups (the before-restore one among them).
    const after = listBackups(file);
    expect(after.map((b) => b.file)).toContain(oldest.file);
    expect(after.filter((b) => b.reason !== 'manual' && b.file !== oldest.file)).toHaveLength(KEEP_AUTOMATIC);
    expect(after.filter((b) => b.reason === 'before-restore')).toHaveLength(1);
    const debris = (d: string) =>
      fs.readdirSync(d).filter((f) => /-wal$|-shm$|-journal$|partial|restoring/.test(f));
    expect(debris(backupDir(file))).toEqual([]);
    expect(debris(path.dirname(file))).toEqual([]);
  });

  it('a restore that fails leaves the workspace and the folders as they were', async () => {
    const file = demoFile();
    const ws = openWorkspace(file);
    const good = await backupWorkspace(ws.db, file, 'manual');
    ws.close();
    const before = fs.readFileSync(file);
    const listed = fs.readdirSync(backupDir(file)).sort();
    const newer = path.join(path.dirname(file), 'newer.sqlite');
    fs.copyFileSync(good, newer);
    const n = new Database(newer);
    n.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    n.close();
    const besides = fs.readdirSync(path.dirname(file)).sort();
    await expect(restoreWorkspace(newer, file)).rejects.toThrow(
      /newer version.*newer\.sqlite|newer\.sqlite.*newer version/,
    );
    await expect(restoreWorkspace(path.join(path.dirname(file), 'gone.sqlite'), file)).rejects.toThrow(
      /gone\.sqlite/,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(backupDir(file)).sort()).toEqual(listed);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(besides);
  });

  // A WAL-mode file cannot change its page size in place: written as it was, such a backup was refused
  // with SQLite's SQLITE_READONLY ("… is read-only").
  it('restores a backup whose page size differs from the workspace’s', async () => {
    const file = demoFile();
    const ws = openWorkspace(file);
    const backup = await backupWorkspace(ws.db, file, 'manual');
    ws.db.prepare("UPDATE settings SET value = '\"Changed\"' WHERE key = 'name'").run();
    ws.close();
    const b = new Database(backup);
    b.pragma('journal_mode = DELETE');
    b.pragma('page_size = 8192');
    b.exec('VACUUM');
    b.pragma('journal_mode = WAL');
    b.close();
    const wanted = dump(backup);
    await restoreWorkspace(backup, file);
    expect(dump(file)).toBe(wanted);
    const check = new Database(file);
    expect(check.pragma('page_size', { simple: true })).toBe(4096);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });

  it('restores through the API from the workspace’s own backup list only', async () => {
    const file = demoFile();
    const ws = openWorkspace(file);
    const service = createService({ ws, uploads: new UploadStore() });
    const made = await service.call('workspace.backup', {});
    expect(made.ok).toBe(true);
    const outside = await service.call('workspace.restore', { file: '/etc/passwd' });
    expect(outside).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await service.call('batches.undo', { id: 4 });
    const restored = await service.call('workspace.restore', {
      file: (made as { ok: true; result: { file: string } }).result.file,
    });
    expect(restored).toMatchObject({ ok: true, result: { counts: { benefits: 126 } } });
    service.ctx.ws.close();
  });
});
