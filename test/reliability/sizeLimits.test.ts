import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ImportRejected } from '../../shared/import/errors';
import { commitImport } from '../../electron/import/run';
import { checkFileSize } from '../../electron/safety/fileLimits';
import { tempDir, tempWorkspace } from '../helpers/tempWorkspace';
import { runCliProcess } from './kill';

/**
 * Files too big to import are refused up front — before parsing, in milliseconds — with the limit in
 * the message, and nothing is written. Big files are sparse (no disk space, no time to write them).
 */
const dir = tempDir('caio-limits-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const GB = 1024 * 1024 * 1024;

function sparse(name: string, bytes: number, head = Buffer.alloc(0)): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, head);
  fs.truncateSync(file, bytes);
  return file;
}

let ws: ReturnType<typeof tempWorkspace> | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
  delete process.env.CAIO_IMPORT_MAX_MB;
});

async function refused(file: string, pattern: RegExp): Promise<number> {
  ws = tempWorkspace();
  const t0 = Date.now();
  const err = await commitImport(ws.db, { path: file, name: path.basename(file) }).catch((e: unknown) => e);
  const ms = Date.now() - t0;
  expect(err).toBeInstanceOf(ImportRejected);
  expect((err as Error).message).toMatch(pattern);
  expect(ws.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
  return ms;
}

describe('import size limits', () => {
  it('a 3 GB CSV is refused before it is read, naming the 2.0 GB limit', async () => {
    const file = sparse('huge.csv', 3 * GB, Buffer.from('Date,Amount,Vendor\n'));
    const ms = await refused(file, /the file is 3\.0 GB, beyond the import limit of 2\.0 GB for a CSV file/);
    expect(ms).toBeLessThan(1000);
  });

  it('a 300 MB workbook is refused before it is unzipped, naming the 256 MB limit and the CSV way out', async () => {
    const file = sparse('huge.xlsx', 300 * 1024 * 1024, Buffer.from('PK\x03\x04', 'latin1'));
    const ms = await refused(
      file,
      /300 MB, beyond the import limit of 256 MB for an Excel workbook; save the sheet as CSV/,
    );
    expect(ms).toBeLessThan(1000);
  });

  it('the cap is configurable (CAIO_IMPORT_MAX_MB), and the CLI reports it in one line', async () => {
    const file = path.join(dir, 'two-mb.csv');
    fs.writeFileSync(file, `Date,Amount,Vendor\n${'2026-01-15,1.00,OpenAI\n'.repeat(100_000)}`);
    expect(() =>
      checkFileSize(file, 'two-mb.csv', { csvBytes: 1024 * 1024, xlsxBytes: 1024 * 1024 }),
    ).toThrow(/the file is 2 MB, beyond the import limit of 1 MB/);
    process.env.CAIO_IMPORT_MAX_MB = '1';
    await refused(file, /beyond the import limit of 1 MB/);
    const db = path.join(dir, 'cli.sqlite');
    expect((await runCliProcess(['init', '--db', db])).code).toBe(0);
    const run = await runCliProcess(['import', file, '--db', db]); // CAIO_IMPORT_MAX_MB=1 is inherited
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: two-mb\.csv: the file is 2 MB, beyond the import limit of 1 MB/);
  });

  it('a CSV row wider than the column limit is refused with the limit and the row', async () => {
    const file = path.join(dir, 'wide.csv');
    const header = Array.from({ length: 16_385 }, (_, i) => `c${i}`).join(',');
    fs.writeFileSync(file, `${header}\n${'1,'.repeat(16_384)}1\n`);
    await refused(file, /row 1 has 16385 columns, beyond the import limit of 2000/);
  });
});
