import type ExcelJS from 'exceljs';

/**
 * A small spreadsheet evaluator for the formulas the Excel pack writes: it recomputes a formula from the
 * cells it names as a spreadsheet recalculating the file would, evaluating a referenced cell's own
 * formula in turn (never reading a cached result). Values are IEEE doubles, as in Excel.
 *
 * Supported: numbers, "text", references (A1, $A$1, Sheet!A1, 'A sheet'!A1), ranges (A1:B9, H:H) as
 * function arguments, + - * / = <> < > <= >=, unary minus, IF, IFERROR, OR, SUM, COUNTIF (equality
 * criteria), ISNUMBER, MAX, ROUND (half away from zero), SQRT and STDEV.S. Anything else throws, so a formula of a new shape is noticed rather than guessed at.
 */
export type Value = number | string | boolean | null | FormulaError; // null: a blank cell
export interface FormulaError {
  error: string;
}

export function isError(v: unknown): v is FormulaError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

interface Range {
  sheet: string;
  cols: [number, number];
  rows: [number, number] | null; // null: whole columns
}
type Node =
  | { t: 'lit'; v: Value }
  | { t: 'ref'; sheet: string; col: number; row: number }
  | { t: 'range'; range: Range }
  | { t: 'neg'; x: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'call'; name: string; args: Node[] };

// A number | "text" | [sheet!]reference or range | FUNCTION( | an operator.
const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|"((?:[^"]|"")*)"|(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3})(\$?\d+)?(?::(\$?[A-Z]{1,3})(\$?\d+)?)?(?![\w(])|([A-Za-z][\w.]*)\(|(<>|<=|>=|[-+*/=<>(),]))/y;

const colNumber = (col: string) =>
  [...col.replace('$', '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const rowNumber = (row: string) => Number(row.replace('$', ''));

function tokenize(
  formula: string,
  sheet: string,
): (Node | { t: 'fn'; name: string } | { t: 'op'; v: string })[] {
  const out: ReturnType<typeof tokenize> = [];
  TOKEN.lastIndex = 0;
  while (!/^\s*$/.test(formula.slice(TOKEN.lastIndex))) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(formula);
    if (!m) throw new Error(`cannot read formula ${formula} at ${at}`);
    const [, num, str, quoted, col, row, col2, row2, fn, op] = m;
    const s = quoted ? (quoted.startsWith("'") ? quoted.slice(1, -1).replace(/''/g, "'") : quoted) : sheet;
    if (num !== undefined) out.push({ t: 'lit', v: Number(num) });
    else if (str !== undefined) out.push({ t: 'lit', v: str.replace(/""/g, '"') });
    else if (col !== undefined && col2 === undefined) {
      if (row === undefined) throw new Error(`${formula}: a column without a row`);
      out.push({ t: 'ref', sheet: s, col: colNumber(col), row: rowNumber(row) });
    } else if (col !== undefined) {
      if ((row === undefined) !== (row2 === undefined)) throw new Error(`${formula}: a mixed range`);
      const rows: Range['rows'] = row && row2 ? [rowNumber(row), rowNumber(row2)] : null;
      out.push({ t: 'range', range: { sheet: s, cols: [colNumber(col), colNumber(col2!)], rows } });
    } else if (fn !== undefined) out.push({ t: 'fn', name: fn.toUpperCase() });
    else out.push({ t: 'op', v: op! });
  }
  return out;
}

/** Parses with Excel's precedence: comparison < + - < * / < unary minus. */
function parse(formula: string, sheet: string): Node {
  const tokens = tokenize(formula, sheet);
  let i = 0;
  const isOp = (...ops: string[]) => {
    const t = tokens[i];
    return t?.t === 'op' && ops.includes(t.v) ? t.v : null;
  };
  const expectOp = (op: string) => {
    if (!isOp(op)) throw new Error(`${formula}: expected "${op}" at token ${i}`);
    i++;
  };
  const binary =
    (next: () => Node, ...ops: string[]) =>
    (): Node => {
      let a = next();
      for (let op = isOp(...ops); op; op = isOp(...ops)) {
        i++;
        a = { t: 'bin', op, a, b: next() };
      }
      return a;
    };
  const primary = (): Node => {
    const t = tokens[i++];
    if (!t) throw new Error(`${formula}: unexpected end`);
    if (t.t === 'fn') {
      const args: Node[] = [];
      while (!isOp(')')) {
        if (args.length) expectOp(',');
        args.push(comparison());
      }
      expectOp(')');
      return { t: 'call', name: t.name, args };
    }
    if (t.t !== 'op') return t;
    if (t.v === '-') return { t: 'neg', x: primary() };
    if (t.v === '(') {
      const x = comparison();
      expectOp(')');
      return x;
    }
    throw new Error(`${formula}: unexpected "${t.v}"`);
  };
  const comparison: () => Node = binary(
    binary(binary(primary, '*', '/'), '+', '-'),
    '=',
    '<>',
    '<',
    '>',
    '<=',
    '>=',
  );
  const node = comparison();
  if (i !== tokens.length) throw new Error(`${formula}: unexpected token ${i}`);
  return node;
}

/** Recomputes formulas of one workbook; each cell is evaluated once. */
export class FormulaEvaluator {
  private readonly memo = new Map<string, Value>();
  private readonly visiting = new Set<string>();

  constructor(private readonly wb: ExcelJS.Workbook) {}

  /** A formula's value computed from the cells it names (their own formulas recomputed in turn). */
  evaluate(sheet: string, formula: string): Value {
    return this.value(parse(formula, sheet));
  }

  /** What a cell holds: its constant, or its formula recomputed (a formula never yields a blank). */
  cell(sheet: string, col: number, row: number): Value {
    const key = `${sheet}!${col}:${row}`;
    if (this.memo.has(key)) return this.memo.get(key)!;
    if (this.visiting.has(key)) throw new Error(`circular reference at ${key}`);
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet "${sheet}"`);
    const cell = ws.getRow(row).getCell(col);
    const v: unknown = cell.value;
    let out: Value;
    if (v === null || v === undefined) out = null;
    else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') out = v;
    else if (typeof v === 'object' && 'formula' in v) {
      this.visiting.add(key);
      try {
        out = this.evaluate(sheet, (v as ExcelJS.CellFormulaValue).formula) ?? 0;
      } finally {
        this.visiting.delete(key);
      }
    } else throw new Error(`${sheet}!${cell.address}: unsupported value ${JSON.stringify(v)}`);
    this.memo.set(key, out);
    return out;
  }

  private cells({ sheet, cols, rows }: Range): Value[] {
    const last = rows?.[1] ?? this.wb.getWorksheet(sheet)?.rowCount ?? 0;
    const out: Value[] = [];
    for (let row = rows?.[0] ?? 1; row <= last; row++)
      for (let col = cols[0]; col <= cols[1]; col++) out.push(this.cell(sheet, col, row));
    return out;
  }

  private value(n: Node): Value {
    switch (n.t) {
      case 'lit':
        return n.v;
      case 'ref':
        return this.cell(n.sheet, n.col, n.row);
      case 'range':
        throw new Error('a range outside a function argument');
      case 'neg': {
        const x = toNumber(this.value(n.x));
        return isError(x) ? x : -x;
      }
      case 'bin': {
        const [a, b] = [this.value(n.a), this.value(n.b)];
        if (isError(a)) return a;
        if (isError(b)) return b;
        if (!'+-*/'.includes(n.op)) {
          const c = compare(a, b);
          return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[n.op]!;
        }
        const [x, y] = [toNumber(a), toNumber(b)];
        if (isError(x)) return x;
        if (isError(y)) return y;
        if (n.op === '/') return y === 0 ? { error: '#DIV/0!' } : x / y;
        return n.op === '+' ? x + y : n.op === '-' ? x - y : x * y;
      }
      case 'call':
        return this.call(n.name, n.args);
    }
  }

  private call(name: string, args: Node[]): Value {
    const arg = (k: number) => this.value(args[k] ?? { t: 'lit', v: false });
    switch (name) {
      case 'IF': {
        const c = toBoolean(arg(0));
        return isError(c) ? c : c ? arg(1) : arg(2);
      }
      case 'IFERROR': {
        const v = arg(0);
        return isError(v) ? arg(1) : v;
      }
      case 'OR': {
        const values = args.flatMap((a) => (a.t === 'range' ? this.cells(a.range) : [this.value(a)]));
        const c = values.map(toBoolean);
        return c.find(isError) ?? c.some(Boolean);
      }
      case 'SUM': {
        let total = 0;
        for (const a of args) {
          // In a range only numbers count (text and blanks are skipped); a direct argument is coerced.
          const values =
            a.t === 'range'
              ? this.cells(a.range).filter((v) => typeof v === 'number' || isError(v))
              : [this.value(a)];
          for (const x of values.map(toNumber)) {
            if (isError(x)) return x;
            total += x;
          }
        }
        return total;
      }
      case 'ISNUMBER':
        return typeof arg(0) === 'number';
      case 'SQRT': {
        const x = toNumber(arg(0));
        return isError(x) ? x : x < 0 ? { error: '#NUM!' } : Math.sqrt(x);
      }
      case 'ROUND': {
        const x = toNumber(arg(0));
        const d = toNumber(arg(1));
        if (isError(x)) return x;
        if (isError(d)) return d;
        // Excel rounds the decimal it shows (half away from zero), not the binary double: 2.675 → 2.68.
        const scaled = Number((Math.abs(x) * 10 ** d).toPrecision(15));
        return (Math.sign(x) * Math.floor(scaled + 0.5)) / 10 ** d;
      }
      case 'MAX':
      case 'STDEV.S': {
        const values: number[] = [];
        for (const a of args) {
          const vs =
            a.t === 'range'
              ? this.cells(a.range).filter((v) => typeof v === 'number' || isError(v))
              : [this.value(a)];
          for (const x of vs.map(toNumber)) {
            if (isError(x)) return x;
            values.push(x);
          }
        }
        if (name === 'MAX') return values.length ? Math.max(...values) : 0;
        if (values.length < 2) return { error: '#DIV/0!' };
        const mean = values.reduce((t, x) => t + x, 0) / values.length;
        return Math.sqrt(values.reduce((t, x) => t + (x - mean) ** 2, 0) / (values.length - 1));
      }
      case 'COUNTIF': {
        const [range] = args;
        const criterion = arg(1);
        if (range?.t !== 'range' || args.length !== 2) throw new Error('COUNTIF(range, criterion) only');
        if (typeof criterion === 'string' && /^[<>=]/.test(criterion))
          throw new Error(`COUNTIF criterion ${criterion}: only equality is supported`);
        return this.cells(range.range).filter((v) => v !== null && compare(v, criterion) === 0).length;
      }
    }
    throw new Error(`function ${name} is not supported`);
  }
}

function toNumber(v: Value): number | FormulaError {
  if (isError(v)) return v;
  if (typeof v === 'number') return v;
  if (v === null || typeof v === 'boolean') return Number(v);
  const x = v.trim() === '' ? NaN : Number(v);
  return Number.isFinite(x) ? x : { error: '#VALUE!' };
}

function toBoolean(v: Value): boolean | FormulaError {
  if (isError(v)) return v;
  if (typeof v !== 'string') return Boolean(v);
  const u = v.toUpperCase();
  return u === 'TRUE' ? true : u === 'FALSE' ? false : { error: '#VALUE!' };
}

/** Excel's comparison: a blank takes the other side's type; numbers < text < logicals; text ignores case. */
function compare(a: Value, b: Value): number {
  const blankAs = (o: Value): Value => (typeof o === 'string' ? '' : typeof o === 'boolean' ? false : 0);
  const [x, y] = [a === null ? blankAs(b) : a, b === null ? blankAs(a) : b];
  const rank = (v: Value) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  const [p, q] = typeof x === 'string' ? [x.toLowerCase(), String(y).toLowerCase()] : [Number(x), Number(y)];
  return p < q ? -1 : p > q ? 1 : 0;
}
