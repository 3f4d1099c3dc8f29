import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportRejected } from '../../shared/import/errors';
import { commitImport } from '../../electron/import/run';
import { zipLayout } from '../../electron/safety/zipLayout';
import { ZIP_LIMITS } from '../../electron/safety/zipLimits';
import { PartReader, readSmallPart } from '../../electron/safety/zipVerify';
import type { WritableWorkspace } from '../../electron/store/workspace';
import { tempDir, tempWorkspace } from '../helpers/tempWorkspace';
import { deflateRepeated, SHEET_HEAD, spendSheetData, unzip, workbook, zip } from './zip';
import { writeFile } from '../electron/import/helpers';

/**
 * Hostile workbooks: zip bombs (honest and lying sizes), XML entity expansion, huge shared strings,
 * absurd dimensions. Each is refused with a clear message, within a time limit and without the
 * process's peak memory (maxRSS) growing past a limit — or, for entity references, imported without
 * ever expanding them.
 */
const TIME_LIMIT_MS = 5_000;
const MEMORY_LIMIT_MB = 256;

const dir = tempDir('caio-bombs-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let ws: WritableWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.close());

const write = (name: string, bytes: Uint8Array): string => writeFile(dir, name, bytes);

function lines(): number {
  return ws.db.prepare('SELECT count(*) FROM spend').pluck().get() as number;
}

/** Imports `file` and returns how it ended, with time and peak-memory growth. */
async function attempt(
  file: string,
): Promise<{ error: Error | null; rows: number; ms: number; peakGrowthMb: number }> {
  const peakBefore = process.resourceUsage().maxRSS / 1024;
  const t0 = Date.now();
  try {
    const s = await commitImport(ws.db, { path: file, name: path.basename(file) });
    return {
      error: null,
      rows: s.rows,
      ms: Date.now() - t0,
      peakGrowthMb: process.resourceUsage().maxRSS / 1024 - peakBefore,
    };
  } catch (err) {
    return {
      error: err as Error,
      rows: 0,
      ms: Date.now() - t0,
      peakGrowthMb: process.resourceUsage().maxRSS / 1024 - peakBefore,
    };
  }
}

function expectRefused(r: Awaited<ReturnType<typeof attempt>>, message: RegExp): void {
  expect(r.error).toBeInstanceOf(ImportRejected);
  expect(r.error!.message).toMatch(message);
  expect(r.ms).toBeLessThan(TIME_LIMIT_MS);
  expect(r.peakGrowthMb).toBeLessThan(MEMORY_LIMIT_MB);
  expect(lines()).toBe(0);
}

const SPACE_MB = Buffer.alloc(1024 * 1024, 0x20);
const SHEET_OPEN = `${SHEET_HEAD}<sheetData>${spendSheetData(2)}`;
const SHEET_CLOSE = '</sheetData></worksheet>';

describe('zip bombs', () => {
  it('a sheet that unpacks to 300 MB (sizes declared honestly) is refused from the zip directory alone', async () => {
    const bomb = await deflateRepeated(SPACE_MB, 300, SHEET_OPEN, SHEET_CLOSE);
    const file = write(
      'honest-bomb.xlsx',
      workbook({
        name: '',
        data: Buffer.alloc(0),
        compressed: bomb.compressed,
        declaredSize: bomb.size,
        crc: bomb.crc,
      }),
    );
    expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
    expectRefused(
      await attempt(file),
      /sheet1\.xml unpacks 1028× \(300 MB\), beyond the import limit of 1000×/,
    );
  });

  it('the same bomb with its directory lying (declares 2 KB) is stopped after 2 KB of inflating', async () => {
    const bomb = await deflateRepeated(SPACE_MB, 300, SHEET_OPEN, SHEET_CLOSE);
    const file = write(
      'lying-bomb.xlsx',
      workbook({
        name: '',
        data: Buffer.alloc(0),
        compressed: bomb.compressed,
        declaredSize: 2048,
        crc: 0x12345678,
      }),
    );
    expectRefused(await attempt(file), /unpacks to more than the 2048 bytes its zip directory declares/);
  });

  it('a lying bomb in the shared strings (one 300 MB string) is stopped the same way', async () => {
    const bomb = await deflateRepeated(
      Buffer.alloc(1024 * 1024, 0x41),
      300,
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
      '</t></si></sst>',
    );
    const sheet = `${SHEET_HEAD}<sheetData>${spendSheetData(2)}<row r="9"><c r="A9" t="s"><v>0</v></c></row></sheetData></worksheet>`;
    const file = write(
      'shared-strings-bomb.xlsx',
      workbook(sheet, {
        name: '',
        data: Buffer.alloc(0),
        compressed: bomb.compressed,
        declaredSize: 4096,
        crc: 1,
      }),
    );
    expectRefused(await attempt(file), /xl\/sharedStrings\.xml unpacks to more than the 4096 bytes/);
  });

  it('the zip checks on their own: the directory, every part inflated and checked, the sheet list; a good workbook and every sample pass', async () => {
    /** Every chunk the part reader hands on, counted (every part, in file order). */
    const drain = async (file: string, limits = ZIP_LIMITS): Promise<number> => {
      let bytes = 0;
      const layout = zipLayout(file, path.basename(file));
      const reader = new PartReader(file, path.basename(file), layout, { limits });
      try {
        for (const part of layout.parts) for await (const c of reader.read(part)) bytes += c.length;
      } finally {
        await reader.close();
      }
      return bytes;
    };
    const good = write(
      'good.xlsx',
      workbook(`${SHEET_HEAD}<sheetData>${spendSheetData(50)}</sheetData></worksheet>`),
    );
    const layout = zipLayout(good, 'good.xlsx');
    expect(layout.parts.map((p) => p.name)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
    ]);
    // Each part whole, inflated.
    expect(await drain(good)).toBe(layout.parts.reduce((n, p) => n + p.size, 0));
    const wb = layout.parts.find((p) => p.name === 'xl/workbook.xml')!;
    expect(readSmallPart(good, 'good.xlsx', wb).toString('utf8')).toContain('<sheet name="Spend"');
    const omb = path.resolve(
      __dirname,
      '../../../shared/samples/scorecards/omb_2025_federal_ai_use_case_inventory_individual.xlsx',
    );
    expect(await drain(omb)).toBeGreaterThan(0);
    // One byte changed inside a deflated part: the CRC (or the inflater) notices.
    const bytes = fs.readFileSync(good);
    const at = bytes.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 40;
    bytes[at]! ^= 0x10;
    const bad = write('bad.xlsx', bytes);
    await expect(drain(bad)).rejects.toThrow(/corrupt/);
    // A tighter limit on one part: from the sizes the directory declares, and from the real inflated bytes.
    const tight = { ...ZIP_LIMITS, entryBytes: 1000 };
    expect(() => zipLayout(good, 'good.xlsx', tight)).toThrow(
      /sheet1\.xml unpacks to 0 MB, beyond the import limit of 0 MB/,
    );
    await expect(drain(good, tight)).rejects.toThrow(/unpacks to more than 0 MB, beyond the import limit/);
    // Each part under the per-part ratio, the whole archive far over its file size: refused from the directory.
    const big = workbook(`${SHEET_HEAD}<sheetData>${spendSheetData(3000)}</sheetData></worksheet>`);
    const parts = unzip(big).map(({ name, data }) => ({ name, data }));
    const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    const declared = zlib.deflateRawSync(sheet.data).length * 500;
    const inflated = zip(parts.map((p) => (p === sheet ? { ...p, declaredSize: declared } : p)));
    expect(() => zipLayout(write('inflated.xlsx', inflated), 'inflated.xlsx')).toThrow(
      /the workbook unpacks to \d+ MB, \d{3}× its file size, beyond the import limit of 200×/,
    );
  });
});

describe('XML bombs and absurd dimensions', () => {
  it('entity expansion ("billion laughs") in a sheet is never expanded: refused or read literally, fast and small', async () => {
    const entities = ['<!ENTITY lol0 "lollollollollollollollollollol">'];
    for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const sheet =
      `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [${entities.join('')}]>` +
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${spendSheetData(2)}` +
      `<row r="5"><c r="A5" t="inlineStr"><is><t>&lol9;</t></is></c><c r="B5"><v>1</v></c><c r="C5" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`;
    const r = await attempt(write('billion-laughs.xlsx', workbook(sheet)));
    expect(r.ms).toBeLessThan(TIME_LIMIT_MS);
    expect(r.peakGrowthMb).toBeLessThan(MEMORY_LIMIT_MB);
    if (r.error) {
      expect(r.error).toBeInstanceOf(ImportRejected);
      expect(lines()).toBe(0);
    } else {
      const longest = ws.db
        .prepare("SELECT max(length(coalesce(description, '')) + length(coalesce(vendor, ''))) FROM spend")
        .pluck()
        .get() as number;
      expect(longest).toBeLessThan(1000);
    }
  });

  it('an external entity (XXE) pointing at a local file is never read into the workspace', async () => {
    const secret = write('secret.txt', Buffer.from('TOP-SECRET-CONTENT'));
    const sheet =
      `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file://${secret}">]>` +
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${spendSheetData(2)}` +
      `<row r="5"><c r="A5" t="inlineStr"><is><t>2026-01-15</t></is></c><c r="B5"><v>1</v></c><c r="C5" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`;
    const r = await attempt(write('xxe.xlsx', workbook(sheet)));
    expect(r.ms).toBeLessThan(TIME_LIMIT_MS);
    const found = ws.db
      .prepare(
        "SELECT count(*) FROM spend WHERE vendor LIKE '%TOP-SECRET%' OR description LIKE '%TOP-SECRET%'",
      )
      .pluck()
      .get();
    expect(found).toBe(0);
    if (r.error) expect(r.error).toBeInstanceOf(ImportRejected);
  });

  it('a cell in column XFD (16,384 columns) is refused with the column limit in the message', async () => {
    const sheet = `${SHEET_HEAD}<dimension ref="A1:XFD1048576"/><sheetData>${spendSheetData(2)}<row r="4"><c r="XFD4"><v>1</v></c></row></sheetData></worksheet>`;
    expectRefused(
      await attempt(write('wide.xlsx', workbook(sheet))),
      /16384 columns, beyond the import limit of 2000/,
    );
  });

  it('a row numbered 999,999,999 is refused with the row limit in the message', async () => {
    const sheet = `${SHEET_HEAD}<sheetData>${spendSheetData(2)}<row r="999999999"><c r="A999999999"><v>1</v></c></row></sheetData></worksheet>`;
    expectRefused(
      await attempt(write('tall.xlsx', workbook(sheet))),
      /row 999,999,999 is beyond Excel's sheet limit of 1,048,576 rows/,
    );
  });

  it("a row just past Excel's last row (1,048,577) is refused, naming Excel's limit", async () => {
    const sheet = `${SHEET_HEAD}<sheetData>${spendSheetData(2)}<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData></worksheet>`;
    expectRefused(
      await attempt(write('just-past.xlsx', workbook(sheet))),
      /row 1,048,577 is beyond Excel's sheet limit of 1,048,576 rows/,
    );
  });

  it('a dimension claiming the whole grid but holding three rows imports the three rows, no more', async () => {
    const sheet = `${SHEET_HEAD}<dimension ref="A1:XFD1048576"/><sheetData>${spendSheetData(3)}</sheetData></worksheet>`;
    const r = await attempt(write('claims-all.xlsx', workbook(sheet)));
    expect(r.error).toBeNull();
    expect(r.rows).toBe(3);
    expect(r.ms).toBeLessThan(TIME_LIMIT_MS);
  });
});
