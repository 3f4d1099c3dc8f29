import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/demo/generate';
import { initWorkspace } from '../../electron/store/workspace';
import { tempDir } from '../helpers/tempWorkspace';
import { copyWorkspace, inspect, killMoments, runCliKilledWhen, runCliProcess } from './kill';

/**
 * SIGKILL the real `pack` CLI process (PDF through headless Chromium, and the Excel pack) at several
 * moments. After each kill: the workspace passes its integrity check and any file under a final name
 * is complete (the PDF ends with %%EOF, the workbook opens); at most stray hidden ".partial" files
 * are left. Then a full export into the same folder succeeds.
 */
const MOMENTS = Number(process.env.KILL_PACK_MOMENTS ?? 1);
const dir = tempDir('caio-kill-pack-');
const template = path.join(dir, 'demo.sqlite');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  const ws = initWorkspace(template, { name: 'Demo workspace' });
  generateDemo(ws.db);
  ws.close();
});

async function checkComplete(file: string): Promise<void> {
  const bytes = fs.readFileSync(file);
  if (file.endsWith('.pdf')) {
    expect(bytes.subarray(0, 5).toString('latin1'), file).toBe('%PDF-');
    expect(bytes.subarray(-1024).toString('latin1'), file).toMatch(/%%EOF\s*$/);
  } else if (file.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.length, file).toBeGreaterThan(3);
  } else {
    throw new Error(`unexpected file under a final name: ${file}`);
  }
}

describe('kill -9 during a pack export', () => {
  it(`never leaves a half-written file under the final name (${MOMENTS} timed kill moments and 2 during the write)`, async () => {
    const calib = path.join(dir, 'calibration.sqlite');
    copyWorkspace(template, calib);
    const args = (db: string, out: string) => ['pack', '--db', db, '--period', 'FY2026-Q3', '--out', out];
    const full = await runCliProcess(args(calib, path.join(dir, 'calibration-out')));
    expect(full.code, full.stderr).toBe(0);
    const startup = (await runCliProcess(['batches', '--db', calib])).ms;

    const outcomes = { complete: 0, partialLeft: 0, nothing: 0, duringWrite: 0 };
    for (const [i, at] of killMoments(MOMENTS, startup * 0.8, full.ms, 3).entries()) {
      const db = path.join(dir, `pack-${i}.sqlite`);
      const out = path.join(dir, `out-${i}`);
      copyWorkspace(template, db);
      const run = await runCliProcess(args(db, out), at);
      const where = `kill at ${at} ms (${run.signal ?? `exit ${run.code}`})`;
      expect(inspect(db).integrity, where).toBe('ok');
      const files = fs.existsSync(out) ? fs.readdirSync(out) : [];
      const partial = files.filter((f) => f.endsWith('.partial'));
      for (const f of files.filter((x) => !x.endsWith('.partial'))) await checkComplete(path.join(out, f));
      for (const f of partial) expect(f.startsWith('.'), `${where}: ${f} is hidden`).toBe(true);
      if (partial.length) outcomes.partialLeft++;
      if (files.length === partial.length) outcomes.nothing++;
      else outcomes.complete++;
      // Exporting again into the same folder works and yields both complete files.
      if (i === MOMENTS - 1) {
        const again = await runCliProcess(args(db, out));
        expect(again.code, again.stderr).toBe(0);
        const finals = fs.readdirSync(out).filter((f) => !f.endsWith('.partial'));
        expect(finals.sort()).toEqual([
          'AI Board Briefing FY2026-Q3.pdf',
          'AI Board Briefing FY2026-Q3.xlsx',
        ]);
        for (const f of finals) await checkComplete(path.join(out, f));
      }
    }
    // Timed kills mostly land before the files are written (rendering dominates); these land while
    // they are: when the first temporary file appears, and a few milliseconds after.
    for (const [j, delay] of [0, 3].entries()) {
      const db = path.join(dir, `pack-w${j}.sqlite`);
      const out = path.join(dir, `out-w${j}`);
      copyWorkspace(template, db);
      const seen = () => fs.existsSync(out) && fs.readdirSync(out).some((f) => f.endsWith('.partial'));
      const run = await runCliKilledWhen(args(db, out), seen, delay);
      const where = `kill ${delay} ms after a .partial appeared (${run.signal ?? `exit ${run.code}`}, triggered ${run.triggered})`;
      expect(inspect(db).integrity, where).toBe('ok');
      const files = fs.existsSync(out) ? fs.readdirSync(out) : [];
      for (const f of files.filter((x) => !x.endsWith('.partial'))) await checkComplete(path.join(out, f));
      if (files.some((f) => f.endsWith('.partial'))) outcomes.partialLeft++;
      if (files.some((f) => !f.endsWith('.partial'))) outcomes.complete++;
      else outcomes.nothing++;
      if (run.triggered) outcomes.duringWrite++;
    }
    console.log(`pack kills: ${JSON.stringify(outcomes)} over ${full.ms} ms`);
  }, 300_000);
});
