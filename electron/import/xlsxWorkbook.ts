import path from 'node:path';
import { rejectFile } from '../../shared/import/errors';
import { zipLayout, type ZipLayout, type ZipPart } from '../safety/zipLayout';
import { readSmallPart } from '../safety/zipVerify';
import { attribute } from './xmlChunks';

/**
 * What an .xlsx says about itself before its data, read from its small parts (each inflated whole, with the
 * checks every part gets): the sheets in tab order with the part each is in, the date system, where the
 * shared strings are, and each cell format's number format. Element and attribute names are matched without
 * their namespace prefix: Excel writes none, the OpenXML SDK writes `x:`.
 */

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

export interface WorkbookInfo {
  /** In tab order; `part` null for a sheet that holds no table (a chart sheet) or whose part is missing. */
  sheets: (SheetInfo & { part: string | null })[];
  /** Serials count days from 1904-01-01 (`<workbookPr date1904="1"/>`, old Mac workbooks). */
  date1904: boolean;
  /** The shared strings part, when the workbook has one. */
  sharedStrings: string | null;
  /** Per cell format (a cell's `s`), its number format's code; null for General or none. */
  formats: (string | null)[];
}

const WORKBOOK = 'xl/workbook.xml';

/** Start tags of an element (any prefix), with their attributes' text. */
function startTags(xml: string, element: string): string[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${element}\\b([^>]*?)/?>`, 'g');
  return [...xml.matchAll(re)].map((m) => m[1]!);
}

/** An attribute of a start tag's attribute text (with `prefixed`, by its local name: `r:id` is `id`). */
function attr(attrs: string, name: string, prefixed = false): string | null {
  return attribute(attrs, 0, attrs.length, name, prefixed);
}

function partNamed(layout: ZipLayout, name: string): ZipPart | undefined {
  return layout.parts.find((p) => p.name === name);
}

function smallText(file: string, name: string, part: ZipPart): string {
  return readSmallPart(file, name, part).toString('utf8');
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute from the root. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return path.posix.normalize(target.slice(1));
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

/** The workbook's relationships: id → part, and the part of each type. */
function relationships(
  file: string,
  name: string,
  layout: ZipLayout,
): { byId: Map<string, { part: string; type: string | null }>; byType: Map<string, string> } {
  const byId = new Map<string, { part: string; type: string | null }>();
  const byType = new Map<string, string>();
  const rels = partNamed(layout, 'xl/_rels/workbook.xml.rels');
  if (!rels) return { byId, byType };
  for (const attrs of startTags(smallText(file, name, rels), 'Relationship')) {
    const id = attr(attrs, 'Id');
    const target = attr(attrs, 'Target');
    if (!id || !target || attr(attrs, 'TargetMode') === 'External') continue;
    const part = resolveTarget(WORKBOOK, target);
    const type = attr(attrs, 'Type')?.split('/').pop() ?? null;
    byId.set(id, { part, type });
    if (type && !byType.has(type)) byType.set(type, part);
  }
  return { byId, byType };
}

/**
 * Number formats every workbook has without writing them (ECMA-376 Part 1, 18.8.30). Ids 27–36 and 50–58 are
 * East Asian date formats whose code depends on the locale: a date in any of them.
 */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};
const EAST_ASIAN_DATE = 'yyyy-mm-dd';

function builtinFormat(id: number): string | null {
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return EAST_ASIAN_DATE;
  return BUILTIN_FORMATS[id] ?? null;
}

/** Each cell format's number format code, from the styles part's `numFmts` and `cellXfs`. */
function cellFormats(file: string, name: string, part: ZipPart | undefined): (string | null)[] {
  if (!part) return [];
  const xml = smallText(file, name, part);
  const custom = new Map<number, string>();
  for (const attrs of startTags(xml, 'numFmt')) {
    const id = Number(attr(attrs, 'numFmtId'));
    const code = attr(attrs, 'formatCode');
    if (Number.isInteger(id) && code !== null) custom.set(id, code);
  }
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  return startTags(xfs, 'xf').map((attrs) => {
    const id = Number(attr(attrs, 'numFmtId') ?? 0);
    return custom.get(id) ?? builtinFormat(id);
  });
}

/**
 * Reads the workbook's small parts. `layout`: the file's zipLayout, when the caller has it. A sheet whose part
 * cannot be found has `part: null` (refused if it is the one to import).
 */
export function readWorkbook(
  file: string,
  name: string,
  layout: ZipLayout = zipLayout(file, name),
): WorkbookInfo {
  const wb = partNamed(layout, WORKBOOK);
  if (!wb) throw rejectFile(name, 'this zip file is not an Excel workbook (no xl/workbook.xml)');
  const xml = smallText(file, name, wb);
  const rels = relationships(file, name, layout);
  const sheets: WorkbookInfo['sheets'] = [];
  for (const attrs of startTags(xml, 'sheet')) {
    const sheetName = attr(attrs, 'name');
    if (sheetName === null) continue;
    const state = attr(attrs, 'state');
    const id = attr(attrs, 'id', true);
    // Without a relationship for it (the part missing or damaged), the name every writer gives a sheet's
    // part in tab order.
    const rel = id === null ? undefined : rels.byId.get(id);
    const part = rel?.part ?? `xl/worksheets/sheet${sheets.length + 1}.xml`;
    sheets.push({
      name: sheetName,
      hidden: state === 'hidden' || state === 'veryHidden',
      // A chart sheet (or a dialog or macro sheet) holds no table.
      part: (rel?.type ?? 'worksheet') === 'worksheet' && partNamed(layout, part) ? part : null,
    });
  }
  const props = startTags(xml, 'workbookPr')[0] ?? '';
  const date1904 = ['1', 'true'].includes(attr(props, 'date1904') ?? '');
  const shared = rels.byType.get('sharedStrings') ?? 'xl/sharedStrings.xml';
  const styles = rels.byType.get('styles') ?? 'xl/styles.xml';
  return {
    sheets,
    date1904,
    sharedStrings: partNamed(layout, shared) ? shared : null,
    formats: cellFormats(file, name, partNamed(layout, styles)),
  };
}
