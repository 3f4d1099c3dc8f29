import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../electron/import/run';
import { zipLayout } from '../../electron/safety/zipLayout';
import { PartReader } from '../../electron/safety/zipVerify';
import type { WritableWorkspace } from '../../electron/store/workspace';
import { tempDir, tempWorkspace } from '../helpers/tempWorkspace';
import { deflateRepeated, SHEET_HEAD, spendSheetData, unzip, workbook, zip, type ZipPart } from './zip';
import { rejected, writeFile } from '../electron/import/helpers';

/**
 * The .xlsx parts are verified as they go to exceljs, not in a pass before it: a chunk reaches exceljs
 * only once our inflater inflated it within the limits, a part's last chunk only once its CRC and size
 * checked out. These cases put the damage where only that order of things catches it: in the last chunk
 * of a big sheet, in a bomb before or after the sheets, between the parts.
 */
const MEMORY_LIMIT_MB = 256;
/** The chunks of inflated bytes exceljs is handed. */
const CHUNK = 32 * 1024;

const dir = tempDir('caio-zip-in-pass-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let ws: WritableWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.close());

const write = (name: string, bytes: Uint8Array): string => writeFile(dir, name, bytes);

/** Everything an import writes, to prove a refused one wrote nothing. */
function stored(): { batches: number; lines: number } {
  const one = (sql: string) => ws.db.prepare(sql).pluck().get() as number;
  return { batches: one('SELECT count(*) FROM import_batches'), lines: one('SELECT count(*) FROM spend') };
}

/** A workbook's parts, taken apart to be put together again differently. */
function partsOf(bytes: Buffer): ZipPart[] {
  return unzip(bytes).map(({ name, data }) => ({ name, data }));
}

const sheetXml = (rows: number) => `${SHEET_HEAD}<sheetData>${spendSheetData(rows)}</sheetData></worksheet>`;
/** spendSheetData's rows: amounts i + 0.5 for i = 2 … rows + 1. */
const totalOf = (rows: number) => (rows * (rows + 3)) / 2 + rows * 0.5;

describe('damage where only verifying in the pass catches it', () => {
  it('a changed byte in the last chunk of a 4 MB stored sheet is refused as corrupt, and nothing is stored', async () => {
    const rows = 26_000;
    const bytes = workbook({ name: '', data: Buffer.from(sheetXml(rows)), stored: true });
    // The last row's vendor "OpenAI" becomes "OpenAJ": still well-formed XML that exceljs would import.
    const at = bytes.lastIndexOf(Buffer.from('OpenAI</t>')) + 5;
    const sheet = zipLayout(write('probe.xlsx', bytes), 'probe.xlsx').parts.find((p) =>
      p.name.startsWith('xl/worksheets/'),
    )!;
    expect(sheet.compressedSize).toBeGreaterThan(4 * 1024 * 1024);
    // In the last of the chunks the sheet goes to exceljs in.
    expect(at).toBeGreaterThanOrEqual(
      sheet.dataStart + Math.floor((sheet.compressedSize - 1) / CHUNK) * CHUNK,
    );
    bytes[at] = 'J'.charCodeAt(0);
    const file = write('last-chunk.xlsx', bytes);
    const corrupt =
      /the \.xlsx file is corrupt \(part xl\/worksheets\/sheet1\.xml does not match its checksum\)/;

    expect((await rejected(commitImport(ws.db, { path: file, name: 'last-chunk.xlsx' }))).message).toMatch(
      corrupt,
    );
    expect((await rejected(previewImport(ws.db, { path: file, name: 'last-chunk.xlsx' }))).message).toMatch(
      corrupt,
    );
    expect(stored()).toEqual({ batches: 0, lines: 0 });

    // What the sheet's reader is handed: the sheet's chunks up to the damaged one, never that one.
    const handed: Buffer[] = [];
    const reader = new PartReader(file, 'last-chunk.xlsx', zipLayout(file, 'last-chunk.xlsx'));
    await expect(
      (async () => {
        for await (const c of reader.read(sheet)) handed.push(c);
      })(),
    ).rejects.toThrow(corrupt);
    await reader.close();
    const seen = Buffer.concat(handed);
    expect(seen.length).toBeGreaterThan(4 * 1024 * 1024 - CHUNK);
    expect(seen.includes(Buffer.from('OpenAJ'))).toBe(false);
  });

  const SPACE_MB = Buffer.alloc(1024 * 1024, 0x20);
  const lyingBomb = async (name: string): Promise<ZipPart> => {
    const bomb = await deflateRepeated(SPACE_MB, 300, `${SHEET_HEAD}<sheetData>`, '</sheetData></worksheet>');
    return { name, data: Buffer.alloc(0), compressed: bomb.compressed, declaredSize: 2048, crc: bomb.crc };
  };

  it.each([
    ['before the sheets', 'xl/media/bomb.xml', 'start'],
    ['after the sheet in the file (read before it)', 'docProps/bomb.xml', 'end'],
    ['after the sheet, read after it (a second sheet)', 'xl/worksheets/sheet2.xml', 'end'],
  ] as const)(
    'a lying bomb %s is stopped at its declared size: refused, memory bounded, nothing stored',
    async (_, name, where) => {
      const parts = partsOf(workbook(sheetXml(3000)));
      const bomb = await lyingBomb(name);
      const file = write(`bomb-${where}.xlsx`, zip(where === 'start' ? [bomb, ...parts] : [...parts, bomb]));
      const peakBefore = process.resourceUsage().maxRSS / 1024;
      const err = await rejected(commitImport(ws.db, { path: file, name: 'bomb.xlsx' }));
      expect(err.message).toContain(
        `the .xlsx part ${name} unpacks to more than the 2048 bytes its zip directory declares`,
      );
      expect(process.resourceUsage().maxRSS / 1024 - peakBefore).toBeLessThan(MEMORY_LIMIT_MB);
      expect(stored()).toEqual({ batches: 0, lines: 0 });
    },
  );

  it('a lying bomb in xl/workbook.xml (the sheet list, read before the pass) is stopped the same way', async () => {
    const parts = partsOf(workbook(sheetXml(3)));
    const bomb = await deflateRepeated(
      SPACE_MB,
      300,
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Spend" sheetId="1"/></sheets>',
      '</workbook>',
    );
    const file = write(
      'workbook-bomb.xlsx',
      zip(
        parts.map((p) =>
          p.name === 'xl/workbook.xml'
            ? { ...p, data: Buffer.alloc(0), compressed: bomb.compressed, declaredSize: 600, crc: bomb.crc }
            : p,
        ),
      ),
    );
    const peakBefore = process.resourceUsage().maxRSS / 1024;
    const err = await rejected(commitImport(ws.db, { path: file, name: 'workbook-bomb.xlsx' }));
    expect(err.message).toContain(
      'the .xlsx part xl/workbook.xml unpacks to more than the 600 bytes its zip directory declares',
    );
    expect(process.resourceUsage().maxRSS / 1024 - peakBefore).toBeLessThan(MEMORY_LIMIT_MB);
    expect(stored()).toEqual({ batches: 0, lines: 0 });
  });

  it('a broken sheet and a damaged part after it: the damaged part is named, whatever exceljs made of the sheet', async () => {
    const parts = partsOf(workbook(`${SHEET_HEAD}<sheetData>${spendSheetData(50)}<row r="60"><c r="A60"`));
    const sheet2 = Buffer.from(sheetXml(5));
    const file = write(
      'broken-and-damaged.xlsx',
      zip([...parts, { name: 'xl/worksheets/sheet2.xml', data: sheet2, crc: 0x1234, stored: true }]),
    );
    const err = await rejected(commitImport(ws.db, { path: file, name: 'broken-and-damaged.xlsx' }));
    expect(err.message).toMatch(
      /the \.xlsx file is corrupt \(part xl\/worksheets\/sheet2\.xml does not match its checksum\)/,
    );
    expect(stored()).toEqual({ batches: 0, lines: 0 });
  });

  it('bytes between parts that belong to none never reach exceljs: a hidden shared-strings bomb is never inflated', async () => {
    const parts = partsOf(workbook(sheetXml(40)));
    const clean = zip(parts);
    // A complete local entry, xl/sharedStrings.xml holding one 300 MB string, hidden before the
    // sheet, after the workbook's relationships: in no directory record, so no check of ours would ever inflate it.
    const strings = await deflateRepeated(
      Buffer.alloc(1024 * 1024, 0x41),
      300,
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
      '</t></si></sst>',
    );
    const hiddenName = Buffer.from('xl/sharedStrings.xml');
    const hidden = Buffer.alloc(30);
    hidden.writeUInt32LE(0x04034b50, 0);
    hidden.writeUInt16LE(20, 4);
    hidden.writeUInt16LE(8, 8);
    hidden.writeUInt32LE(strings.crc, 14);
    hidden.writeUInt32LE(strings.compressed.length, 18);
    hidden.writeUInt32LE(strings.size, 22);
    hidden.writeUInt16LE(hiddenName.length, 26);
    const inserted = Buffer.concat([hidden, hiddenName, strings.compressed]);
    const at = unzip(clean).find((e) => e.name === 'xl/worksheets/sheet1.xml')!.localOffset;
    const bytes = Buffer.concat([clean.subarray(0, at), inserted, clean.subarray(at)]);
    // Every record and the end record point past the inserted bytes.
    const moved = (offset: number) => (offset >= at ? offset + inserted.length : offset);
    const cdOffset = moved(clean.readUInt32LE(clean.length - 6));
    bytes.writeUInt32LE(cdOffset, bytes.length - 6);
    for (let p = cdOffset; bytes.readUInt32LE(p) === 0x02014b50; p += 46 + bytes.readUInt16LE(p + 28))
      bytes.writeUInt32LE(moved(bytes.readUInt32LE(p + 42)), p + 42);
    const file = write('hidden.xlsx', bytes);

    const peakBefore = process.resourceUsage().maxRSS / 1024;
    const s = await commitImport(ws.db, { path: file, name: 'hidden.xlsx' });
    expect(process.resourceUsage().maxRSS / 1024 - peakBefore).toBeLessThan(MEMORY_LIMIT_MB);
    expect(s).toMatchObject({ rows: 40, total: totalOf(40) });
    expect(s.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
  });

  it('a local header disagreeing with the zip directory changes nothing: exceljs reads the part the directory describes, as checked', async () => {
    const bytes = workbook({ name: '', data: Buffer.from(sheetXml(10)), stored: true });
    const sheet = zipLayout(write('probe2.xlsx', bytes), 'probe2.xlsx').parts.find((p) =>
      p.name.startsWith('xl/worksheets/'),
    )!;
    // The local header says deflated and gives the data half its length: a zip reader going by it
    // would inflate stored XML, or stop halfway.
    bytes.writeUInt16LE(8, sheet.start + 8);
    bytes.writeUInt32LE(Math.floor(sheet.compressedSize / 2), sheet.start + 18);
    const file = write('disagree.xlsx', bytes);
    const s = await commitImport(ws.db, { path: file, name: 'disagree.xlsx' });
    expect(s).toMatchObject({ rows: 10, total: totalOf(10) });
  });
});

describe('good workbooks import as before', () => {
  it('one written by exceljs (data descriptors) and the same parts re-zipped, sheet stored: the same lines, the file hashed as written', async () => {
    const rows = 30_000;
    const original = path.join(dir, 'exceljs.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: original, useSharedStrings: true });
    const s = wb.addWorksheet('Spend');
    s.addRow(['Date', 'Amount', 'Vendor', 'Description']).commit();
    for (let i = 0; i < rows; i++)
      s.addRow([
        `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
        (i % 1000) + 0.25,
        ['OpenAI', 'Anthropic', 'AWS'][i % 3],
        `line ${i} of a long enough description to take the sheet past several chunks`,
      ]).commit();
    s.commit();
    await wb.commit();
    // Its local headers leave the sizes to data descriptors after the data.
    const bytes = fs.readFileSync(original);
    const sheet = zipLayout(original, 'exceljs.xlsx').parts.find((p) => p.name.startsWith('xl/worksheets/'))!;
    expect(bytes.readUInt16LE(sheet.start + 6) & 0x08).toBe(0x08);
    const parts = partsOf(bytes);
    const restored = write(
      'restored.xlsx',
      zip(parts.map((p) => (p.name.startsWith('xl/worksheets/') ? { ...p, stored: true } : p)).reverse()),
    );
    const expectedTotal = Array.from({ length: rows }, (_, i) => (i % 1000) + 0.25).reduce(
      (a, b) => a + b,
      0,
    );
    const lines: unknown[] = [];
    for (const file of [original, restored]) {
      const name = path.basename(file);
      const preview = await previewImport(ws.db, { path: file, name });
      expect(preview.counts.valid).toBe(rows);
      const summary = await commitImport(ws.db, { path: file, name });
      expect(summary).toMatchObject({ rows, total: expectedTotal });
      expect(summary.sha256).toBe(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
      lines.push(
        ws.db
          .prepare(
            'SELECT count(*) AS n, sum(amount_micro) AS micro, min(source_row) AS first, max(source_row) AS last, ' +
              "sum(vendor = 'Anthropic') AS anthropic FROM spend WHERE batch_id = ?",
          )
          .get(summary.batch),
      );
    }
    expect(lines[0]).toEqual({
      n: rows,
      micro: Math.round(expectedTotal * 1_000_000),
      first: 2,
      last: rows + 1,
      anthropic: rows / 3,
    });
    expect(lines[1]).toEqual(lines[0]);
  });
});
