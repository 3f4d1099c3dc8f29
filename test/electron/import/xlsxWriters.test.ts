import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../../electron/import/run';
import type { WritableWorkspace } from '../../../electron/store/workspace';
import { zip } from '../../reliability/zip';
import { rejected, tempWorkspace, writeFile } from './helpers';

/**
 * Workbooks from writers other than exceljs, imported with no hint: LibreOffice's (a committed fixture,
 * test/fixtures/xlsx), and the markup the OpenXML SDK and old Mac Excel write (built here part by part):
 * namespace prefixes, cells without references, rich inline strings, the 1904 date system.
 */
let ws: (WritableWorkspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

interface Line {
  row: number;
  date: string;
  micro: number;
  currency: string;
  vendor: string;
  description: string | null;
  initiative: string | null;
}

const lines = (w: WritableWorkspace, batch: number | null): Line[] =>
  w.db
    .prepare(
      `SELECT s.source_row AS row, s.date, s.amount_micro AS micro, s.currency, s.vendor, s.description, i.name AS initiative
         FROM spend s LEFT JOIN initiatives i ON i.id = s.initiative_id WHERE s.batch_id = ? ORDER BY s.source_row`,
    )
    .all(batch) as Line[];

describe('a workbook written by LibreOffice', () => {
  it('imports with no hint into the lines its source states (dates, euro amounts, a formula, text)', async () => {
    ws = tempWorkspace({ currency: 'EUR' });
    const file = path.resolve(__dirname, '../../fixtures/xlsx/libreoffice-7.4-spend.xlsx');
    const s = await commitImport(ws.db, { path: file, name: 'libreoffice-7.4-spend.xlsx' });
    expect(s.kind).toBe('spend');
    expect(s.sheet).toBe('Spend');
    // The values written in libreoffice-7.4-spend.fods, cell by cell.
    expect(lines(ws, s.batch)).toEqual([
      {
        row: 2,
        date: '2026-01-15',
        micro: 1_234_560_000,
        currency: 'EUR',
        vendor: 'OpenAI',
        description: `Tokens & <fine-tuning> "batch" 'eu'`,
        initiative: 'Copilot',
      },
      {
        row: 3,
        date: '2026-02-01',
        micro: 2_469_120_000,
        currency: 'EUR',
        vendor: 'Anthropic',
        description: 'Line one\nline two',
        initiative: 'Copilot',
      },
      {
        row: 4,
        date: '2026-02-28',
        micro: -15_500_000,
        currency: 'EUR',
        vendor: 'AWS',
        description: null,
        initiative: 'Support bot',
      },
      {
        row: 6,
        date: '2026-03-31',
        micro: 10_000,
        currency: 'EUR',
        vendor: 'Müller GmbH – Ü',
        description: '日本語テキスト',
        initiative: 'Support bot',
      },
    ]);
    expect(s.total).toBe(3688.19);
    expect(s.currency).toBe('EUR');
  });
});

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
/** Targets as the SDK writes them: absolute from the package root. */
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>';
/** Style 1: a date (custom format 164); style 2: US dollars; style 3: built-in format 14 (a date). */
const STYLES =
  '<?xml version="1.0" encoding="UTF-8"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><x:numFmt numFmtId="165" formatCode="[$$-409]#,##0.00"/></x:numFmts><x:fonts count="1"><x:font/></x:fonts><x:fills count="1"><x:fill/></x:fills><x:borders count="1"><x:border/></x:borders><x:cellStyleXfs count="1"><x:xf numFmtId="0"/></x:cellStyleXfs><x:cellXfs count="4"><x:xf numFmtId="0" xfId="0"/><x:xf numFmtId="164" xfId="0" applyNumberFormat="1"/><x:xf numFmtId="165" xfId="0" applyNumberFormat="1"><x:alignment horizontal="right"/></x:xf><x:xf numFmtId="14" xfId="0" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>';

/**
 * A workbook as the OpenXML SDK writes one: every spreadsheet element prefixed `x:`, cells without `r`,
 * inline strings; the shared strings part when given.
 */
function sdkWorkbook(date1904: boolean, sheetData: string, sharedStrings?: string): Buffer {
  const part = (name: string, xml: string) => ({ name, data: Buffer.from(xml, 'utf8') });
  return zip([
    part('[Content_Types].xml', CONTENT_TYPES),
    part('_rels/.rels', RELS),
    part(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${date1904 ? '<x:workbookPr date1904="true"/>' : ''}<x:sheets><x:sheet name="Costs" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
    ),
    part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    part('xl/styles.xml', STYLES),
    ...(sharedStrings === undefined ? [] : [part('xl/sharedStrings.xml', sharedStrings)]),
    part(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${sheetData}</x:sheetData></x:worksheet>`,
    ),
  ]);
}

const text = (t: string) => `<x:c t="inlineStr"><x:is><x:t>${t}</x:t></x:is></x:c>`;
const HEADER = `<x:row>${text('Date')}${text('Vendor')}${text('Amount')}${text('Description')}</x:row>`;

describe('workbooks as other writers make them', () => {
  it('OpenXML SDK markup: prefixed elements, absolute targets, no cell references, rich inline strings, a dollar format', async () => {
    ws = tempWorkspace({ currency: 'USD' });
    const rich =
      '<x:c t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">GPU </x:t></x:r><x:r><x:t>hours</x:t></x:r></x:is></x:c>';
    const file = writeFile(
      ws.dir,
      'sdk.xlsx',
      sdkWorkbook(
        false,
        `${HEADER}<x:row><x:c s="1"><x:v>46037</x:v></x:c>${text('Azure')}<x:c s="2"><x:v>99.99</x:v></x:c>${rich}</x:row>` +
          `<x:row><x:c s="1"><x:v>46038.75</x:v></x:c>${text('AWS')}<x:c s="2"><x:v>0.01</x:v></x:c></x:row>`,
      ),
    );
    const s = await commitImport(ws.db, { path: file, name: 'sdk.xlsx' });
    expect(lines(ws, s.batch)).toEqual([
      {
        row: 2,
        date: '2026-01-15',
        micro: 99_990_000,
        currency: 'USD',
        vendor: 'Azure',
        description: 'GPU hours',
        initiative: null,
      },
      {
        row: 3,
        date: '2026-01-16',
        micro: 10_000,
        currency: 'USD',
        vendor: 'AWS',
        description: null,
        initiative: null,
      },
    ]);
  });

  it('the 1904 date system (date1904="true"): serials count from 1904-01-01', async () => {
    ws = tempWorkspace({ currency: 'USD' });
    // 44575 days after 1904-01-01 is 2026-01-15 (46037 in the 1900 system, 1,462 days apart).
    const file = writeFile(
      ws.dir,
      'mac.xlsx',
      sdkWorkbook(
        true,
        `${HEADER}<x:row><x:c s="1"><x:v>44575</x:v></x:c>${text('OpenAI')}<x:c s="2"><x:v>12.5</x:v></x:c></x:row>`,
      ),
    );
    const s = await commitImport(ws.db, { path: file, name: 'mac.xlsx' });
    expect(lines(ws, s.batch).map((l) => [l.date, l.micro])).toEqual([['2026-01-15', 12_500_000]]);
  });

  it('a formula with no saved result is refused naming its cell, and nothing is stored', async () => {
    ws = tempWorkspace({ currency: 'USD' });
    const file = writeFile(
      ws.dir,
      'uncalculated.xlsx',
      sdkWorkbook(
        false,
        `${HEADER}<x:row><x:c s="1"><x:v>46037</x:v></x:c>${text('OpenAI')}<x:c s="2"><x:v>1</x:v></x:c></x:row>` +
          `<x:row><x:c s="1"><x:v>46038</x:v></x:c>${text('OpenAI')}<x:c r="C3" s="2"><x:f>C2*2</x:f></x:c></x:row>`,
      ),
    );
    const err = await rejected(commitImport(ws.db, { path: file, name: 'uncalculated.xlsx' }));
    expect(err.message).toMatch(/cell C3 holds a formula \(=C2\*2\) with no saved result/);
    expect(ws.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);
  });

  it('a Japanese shared string with its phonetic readings (<rPh>) is read as its text, not its reading', async () => {
    ws = tempWorkspace({ currency: 'JPY' });
    const sst =
      '<?xml version="1.0" encoding="UTF-8"?><x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">' +
      '<x:si><x:t>東京電力</x:t><x:rPh sb="0" eb="2"><x:t>トウキョウ</x:t></x:rPh><x:rPh sb="2" eb="4"><x:t>デンリョク</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si>' +
      '<x:si><x:r><x:t>クラウド</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>利用料</x:t></x:r></x:si></x:sst>';
    const file = writeFile(
      ws.dir,
      'ja.xlsx',
      sdkWorkbook(
        false,
        `${HEADER}<x:row><x:c s="3"><x:v>46037</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>125000</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>`,
        sst,
      ),
    );
    const s = await commitImport(ws.db, { path: file, name: 'ja.xlsx' });
    expect(lines(ws, s.batch)).toEqual([
      {
        row: 2,
        date: '2026-01-15',
        micro: 125_000_000_000,
        currency: 'JPY',
        vendor: '東京電力',
        description: 'クラウド利用料',
        initiative: null,
      },
    ]);
  });

  it('a chart sheet first in the tabs is passed over for the first sheet holding a table; chosen by name, it is refused', async () => {
    ws = tempWorkspace({ currency: 'USD' });
    const part = (name: string, xml: string) => ({ name, data: Buffer.from(xml, 'utf8') });
    const rel = (id: string, type: string, target: string) =>
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    const file = writeFile(
      ws.dir,
      'dashboard.xlsx',
      zip([
        part('[Content_Types].xml', CONTENT_TYPES),
        part('_rels/.rels', RELS),
        part(
          'xl/workbook.xml',
          '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Chart" sheetId="2" r:id="rId2"/><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
        part(
          'xl/_rels/workbook.xml.rels',
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${rel('rId2', 'chartsheet', 'chartsheets/sheet1.xml')}${rel('rId3', 'styles', 'styles.xml')}</Relationships>`,
        ),
        part('xl/styles.xml', STYLES),
        part(
          'xl/chartsheets/sheet1.xml',
          '<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr/><drawing r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></chartsheet>',
        ),
        part(
          'xl/worksheets/sheet1.xml',
          `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${HEADER}<x:row><x:c s="1"><x:v>46037</x:v></x:c>${text('OpenAI')}<x:c s="2"><x:v>42</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
        ),
      ]),
    );
    const s = await commitImport(ws.db, { path: file, name: 'dashboard.xlsx' });
    expect(s.sheet).toBe('Data');
    expect(lines(ws, s.batch).map((l) => [l.date, l.vendor, l.micro])).toEqual([
      ['2026-01-15', 'OpenAI', 42_000_000],
    ]);
    const err = await rejected(commitImport(ws.db, { path: file, name: 'dashboard.xlsx', sheet: 'Chart' }));
    expect(err.message).toMatch(/sheet "Chart" holds no table to import \(a chart sheet/);
  });
});
