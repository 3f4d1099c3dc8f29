import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../../shared/api';
import { sqliteWorkspaceError } from '../../../electron/store/db';
import type { Bridge } from '../../../electron/web/server';
import { startTestBridge } from '../../helpers/bridge';
import { tempWorkspace } from '../../helpers/tempWorkspace';

/** An API call as the page makes it: through HTTP, with the token header. */
async function call<T>(bridge: Bridge, method: string, payload: unknown): Promise<T> {
  const r = await fetch(`${bridge.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-caio-token': bridge.token },
    body: JSON.stringify(payload),
  });
  const body = (await r.json()) as { ok: true; result: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(body.error.message);
  return body.result;
}

/** Uploads a CSV and commits it through the bridge's API, as the import screen does; the job's last status. */
async function importThroughBridge(bridge: Bridge, csv: string): Promise<ImportJobStatus> {
  const up = await fetch(`${bridge.url}upload?name=spend.csv`, {
    method: 'POST',
    headers: { 'x-caio-token': bridge.token, 'content-type': 'application/octet-stream' },
    body: csv,
  });
  const { result: file } = (await up.json()) as { result: { id: string } };
  const { jobId } = await call<{ jobId: string }>(bridge, 'import.start', { fileId: file.id, as: 'spend' });
  for (;;) {
    const status = await call<ImportJobStatus>(bridge, 'import.status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('an import through the bridge while another connection holds the write lock', () => {
  it("is refused in the CLI's words (busy … nothing was changed), writes nothing, and succeeds afterwards", async () => {
    const ws = tempWorkspace();
    const local = await startTestBridge(ws);
    const csv = 'Date,Amount,Vendor\n2026-01-05,12.50,OpenAI\n2026-02-05,7.25,OpenAI\n';
    // Another writer (e.g. a CLI import) in the middle of its transaction.
    const other = new Database(ws.file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const refused = await importThroughBridge(local.bridge, csv);
      expect(refused.state).toBe('failed');
      // The same sentence the CLI prints for SQLite's busy error, from the same function.
      const cliWords = sqliteWorkspaceError(
        Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
        ws.file,
      );
      expect(refused.error?.message).toBe(cliWords!.message);
      expect(refused.error?.message).toMatch(
        /is busy: another import, undo or the app is writing to it\. Nothing was changed/,
      );
      expect(refused.error?.message).not.toMatch(/database is locked/);
      other.exec('ROLLBACK');
      expect(await call<unknown[]>(local.bridge, 'batches.list', {})).toEqual([]);
      expect(ws.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);

      const again = await importThroughBridge(local.bridge, csv);
      expect(again.state, again.error?.message).toBe('done');
      expect(again.result).toMatchObject({ rows: 2 });
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await local.stop();
      ws.close();
    }
  }, 60_000);
});
