import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportRejected } from '../../shared/import/errors';
import { commitImport } from '../../electron/import/run';
import { tempDir, tempWorkspace } from '../helpers/tempWorkspace';
import { runFuzz } from './fuzz';
import { SHEET_HEAD, spendSheetData, workbook } from './zip';

/** Bugs the fuzzer found in the importer, each pinned by a test. */
const dir = tempDir('caio-importer-bugs-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('importer bugs found by fuzzing', () => {
  // Found by the bench fuzz (seeds 7007549, 7017239 and 3 more): a workbook cut inside its zip end
  // record used to escape as a RangeError from checkZip; it is now a clear rejection.
  it('a workbook cut inside its zip end record is refused with a clear message', async () => {
    const good = workbook(`${SHEET_HEAD}<sheetData>${spendSheetData(5)}</sheetData></worksheet>`);
    const file = path.join(dir, 'cut-in-eocd.xlsx');
    fs.writeFileSync(file, good.subarray(0, good.length - 10));
    const ws = tempWorkspace();
    try {
      const err = await commitImport(ws.db, { path: file, name: 'cut-in-eocd.xlsx' }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ImportRejected);
    } finally {
      ws.close();
    }
  });

  it('the fuzz seed that found it (7007549) ends in a clear rejection', async () => {
    const report = await runFuzz({ seed: 0, budgetMs: 0, dir, only: [7007549] });
    expect(report.failures).toEqual([]);
  });
});
