import { describe, expect, it } from 'vitest';
import { SheetCells, type WorkbookContext } from '../../../electron/import/sheetCells';
import { referenceColumn, SheetXmlScanner, type RawRow } from '../../../electron/import/sheetXml';
import { decodeXmlText } from '../../../electron/import/xmlChunks';
import { ImportRejected } from '../../../shared/import/errors';
import { excelSerialIso, isDateFormat } from '../../../shared/import/numberFormat';

/**
 * The worksheet reader on its own: a sheet part's XML as Excel, LibreOffice and the OpenXML SDK write it, fed
 * whole and cut at every offset (a chunk may end anywhere, inside a tag, an attribute, an entity or a
 * multi-byte character's text), always giving the same rows.
 */
function scan(xml: string, cuts: number[] = []): RawRow[] {
  const scanner = new SheetXmlScanner();
  const rows: RawRow[] = [];
  let at = 0;
  for (const cut of [...cuts, xml.length]) {
    scanner.write(xml.slice(at, cut));
    rows.push(...scanner.take());
    at = cut;
  }
  scanner.end();
  return [...rows, ...scanner.take()];
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

const SHEET =
  `${HEAD}<sheetPr><pageSetUpPr fitToPage="false"/></sheetPr><dimension ref="A1:D4"/><cols><col min="1" max="2" width="12"/></cols>` +
  '<sheetData>' +
  '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Amount &amp; fee</t></is></c><c r="D1" t="str"><v>a&lt;b&#10;c&#x263A;</v></c></row>' +
  '<!-- a comment, with <c> inside --><row r="3" ht="12.8"><c r="A3" s="1"><v>46037</v></c><c r="B3" s=\'2\'><f>B2*2</f><v>2469.12</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#N/A</v></c></row>' +
  '<row><c t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">Rich </t></r><r><t>text</t></r><rPh sb="0" eb="1"><t>phonetic</t></rPh></is></c><c><v>-1.5E-2</v></c><c s="3"/><c r="D4" t="str"><f t="shared" si="0"/><v><![CDATA[<raw & cdata>]]></v></c></row>' +
  '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins left="0.7"/></worksheet>';

const EXPECTED: RawRow[] = [
  {
    row: 1,
    cells: [
      { column: 0, style: 0, type: 's', value: '0', formula: null },
      { column: 1, style: 0, type: 'inlineStr', value: 'Amount & fee', formula: null },
      { column: 3, style: 0, type: 'str', value: 'a<b\nc☺', formula: null },
    ],
  },
  {
    row: 3,
    cells: [
      { column: 0, style: 1, type: null, value: '46037', formula: null },
      { column: 1, style: 2, type: null, value: '2469.12', formula: 'B2*2' },
      { column: 2, style: 0, type: 'b', value: '1', formula: null },
      { column: 3, style: 0, type: 'e', value: '#N/A', formula: null },
    ],
  },
  {
    row: 4,
    cells: [
      { column: 0, style: 0, type: 'inlineStr', value: 'Rich text', formula: null },
      { column: 1, style: 0, type: null, value: '-1.5E-2', formula: null },
      { column: 3, style: 0, type: 'str', value: '<raw & cdata>', formula: '' },
    ],
  },
];

describe('the worksheet XML scanner', () => {
  it('reads rows, cells, styles, types, values, formulas and inline strings as written', () => {
    expect(scan(SHEET)).toEqual(EXPECTED);
  });

  it('gives the same rows however the text is cut into chunks (every offset)', () => {
    for (let cut = 1; cut < SHEET.length; cut++) expect(scan(SHEET, [cut])).toEqual(EXPECTED);
    // Many small pieces: three characters at a time.
    const threes = Array.from({ length: Math.floor(SHEET.length / 3) }, (_, i) => (i + 1) * 3);
    expect(scan(SHEET, threes)).toEqual(EXPECTED);
  });

  it('reads namespace-prefixed markup (the OpenXML SDK writes x:row, x:c, x:v) and single-quoted attributes', () => {
    const xml =
      "<x:worksheet xmlns:x='http://schemas.openxmlformats.org/spreadsheetml/2006/main'><x:sheetData>" +
      "<x:row r='2'><x:c r='B2' t='inlineStr'><x:is><x:t>OpenAI</x:t></x:is></x:c><x:c r='C2'><x:v>12.5</x:v></x:c></x:row>" +
      '</x:sheetData></x:worksheet>';
    expect(scan(xml)).toEqual([
      {
        row: 2,
        cells: [
          { column: 1, style: 0, type: 'inlineStr', value: 'OpenAI', formula: null },
          { column: 2, style: 0, type: null, value: '12.5', formula: null },
        ],
      },
    ]);
  });

  it('a ">" inside an attribute value does not end the tag', () => {
    const xml = `${HEAD}<sheetData><row r="1" x14ac:note="a>b"><c r="A1" foo='>>' t="str"><v>ok</v></c></row></sheetData></worksheet>`;
    expect(scan(xml)).toEqual([
      { row: 1, cells: [{ column: 0, style: 0, type: 'str', value: 'ok', formula: null }] },
    ]);
  });

  it('leaves text outside the sheet data and empty self-closing rows and cells out', () => {
    const xml = `${HEAD}<sheetData><row r="1"/><row r="2"><c r="A2" s="4"/><c r="B2"><v>7</v></c></row></sheetData><headerFooter><oddHeader>&amp;C&amp;A</oddHeader></headerFooter></worksheet>`;
    expect(scan(xml)).toEqual([
      { row: 2, cells: [{ column: 1, style: 0, type: null, value: '7', formula: null }] },
    ]);
  });

  it('refuses a document type declaration and a part cut off inside a tag', () => {
    expect(() => scan(`<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "b">]>${HEAD}`)).toThrow(
      /document type declaration/,
    );
    expect(() => scan(`${HEAD}<sheetData><row r="1"><c r="A1`)).toThrow(/ends inside a tag/);
  });

  it('refuses a tag that never ends and a text beyond the record limit, without rescanning the part', () => {
    const scanner = new SheetXmlScanner();
    scanner.write(`${HEAD}<sheetData><row r="1"><c r="A1" x="`);
    const piece = 'x'.repeat(32 * 1024);
    let written = 0;
    expect(() => {
      for (; written < 200; written++) scanner.write(piece);
    }).toThrow(/the sheet has a tag longer than 1 MB/);
    // Refused once the tag passed 1 MB (the 32nd chunk), not at the part's end (200 chunks).
    expect(written).toBe(31);
    const texts = new SheetXmlScanner();
    texts.write(`${HEAD}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`);
    const mb = 'y'.repeat(1024 * 1024);
    expect(() => {
      for (let i = 0; i < 20; i++) texts.write(mb);
    }).toThrow(/the sheet has a text longer than 16 MB/);
  });

  it('refuses a row number and a cell reference that cannot be ones', () => {
    expect(() => scan(`${HEAD}<sheetData><row r="x1"></row></sheetData></worksheet>`)).toThrow(
      /numbered "x1"/,
    );
    expect(() =>
      scan(`${HEAD}<sheetData><row r="1"><c r="12"><v>1</v></c></row></sheetData></worksheet>`),
    ).toThrow(/cell "12", which is not a cell reference/);
  });

  it('column letters and XML text', () => {
    expect(referenceColumn('A1')).toBe(0);
    expect(referenceColumn('Z9')).toBe(25);
    expect(referenceColumn('AA10')).toBe(26);
    expect(referenceColumn('XFD1048576')).toBe(16383);
    expect(referenceColumn('7')).toBe(-1);
    expect(decodeXmlText('&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&unknown;')).toBe('<>&"\'AB&unknown;');
  });
});

/** A row's currencies by column, as SheetCells leaves them: only where a number's format shows one. */
function euroAt(...columns: number[]): (string | null)[] {
  const out: (string | null)[] = [];
  for (const c of columns) out[c] = '€';
  return out;
}

describe('sheet cells: values as the importer reads them', () => {
  const context = (date1904 = false): WorkbookContext => ({
    sharedStrings: ['Date', 'Bold part'],
    formats: [null, 'dd\\.mm\\.yyyy', '#,##0.00\\ [$€-407]', '"TRUE";"TRUE";"FALSE"', '[h]:mm:ss'],
    date1904,
  });

  it('shared strings, date serials, currency formats, booleans, errors, formula results', () => {
    const cells = new SheetCells(context(), 'book.xlsx', 'Spend');
    const row = cells.row({
      row: 7,
      cells: [
        { column: 0, style: 0, type: 's', value: '0', formula: null },
        { column: 1, style: 0, type: 's', value: '1', formula: null },
        { column: 2, style: 1, type: null, value: '46037', formula: null },
        { column: 3, style: 2, type: 'n', value: '1234.56', formula: null },
        { column: 4, style: 2, type: null, value: '2469.12', formula: 'D7*2' },
        { column: 5, style: 3, type: 'b', value: '0', formula: null },
        { column: 6, style: 0, type: 'e', value: '#DIV/0!', formula: 'A1/0' },
        { column: 8, style: 0, type: 'd', value: '2026-03-31T00:00:00Z', formula: null },
        { column: 9, style: 0, type: 'b', value: '1', formula: 'TRUE()' },
      ],
    });
    expect(row).toEqual({
      row: 7,
      cells: [
        'Date',
        'Bold part',
        '2026-01-15T00:00:00.000Z',
        1234.56,
        2469.12,
        false,
        '#DIV/0!',
        null,
        '2026-03-31T00:00:00Z',
        true,
      ],
      formatCurrencies: euroAt(3, 4),
    });
  });

  it('the 1904 date system moves serials by 1,462 days', () => {
    const cells = new SheetCells(context(true), 'mac.xlsx', 'Spend');
    expect(
      cells.row({ row: 2, cells: [{ column: 0, style: 1, type: null, value: '44575', formula: null }] })
        .cells,
    ).toEqual(['2026-01-15T00:00:00.000Z']);
    expect(excelSerialIso(46037, false)).toBe('2026-01-15T00:00:00.000Z');
    expect(excelSerialIso(46037.5, false)).toBe('2026-01-15T12:00:00.000Z');
  });

  it('a formula with no saved result is refused, naming the cell', () => {
    const cells = new SheetCells(context(), 'book.xlsx', 'Spend');
    expect(() =>
      cells.row({
        row: 12,
        cells: [{ column: 27, style: 0, type: null, value: null, formula: 'SUM(A1:A3)' }],
      }),
    ).toThrow(ImportRejected);
    expect(() =>
      cells.row({
        row: 12,
        cells: [{ column: 27, style: 0, type: null, value: null, formula: 'SUM(A1:A3)' }],
      }),
    ).toThrow(/cell AB12 holds a formula \(=SUM\(A1:A3\)\) with no saved result/);
  });

  it('a cell beyond the column limit and a row beyond Excel’s are refused', () => {
    const cells = new SheetCells(context(), 'book.xlsx', 'Spend');
    expect(() =>
      cells.row({ row: 3, cells: [{ column: 16383, style: 0, type: null, value: '1', formula: null }] }),
    ).toThrow(/row 3 has 16384 columns, beyond the import limit of 2000/);
    expect(() => cells.row({ row: 1_048_577, cells: [] })).toThrow(
      /beyond Excel's sheet limit of 1,048,576 rows/,
    );
  });

  it('date formats: any of y m d h s outside quotes and tags', () => {
    expect(isDateFormat('dd\\.mm\\.yyyy')).toBe(true);
    expect(isDateFormat('[h]:mm:ss')).toBe(true);
    expect(isDateFormat('[$-407]mmmm\\ yy')).toBe(true);
    expect(isDateFormat('#,##0.00\\ [$€-407]')).toBe(false);
    expect(isDateFormat('"TRUE";"TRUE";"FALSE"')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('0.00" days"')).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });
});
