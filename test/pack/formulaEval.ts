import type ExcelJS from 'exceljs';

/**
 * A small spreadsheet evaluator for the formulas the Excel pack writes: it recomputes a formula from the
 * cells it names as a spreadsheet recalculating the file would, evaluating a referenced cell's own
 * formula in turn (never reading a cached result). Values are IEEE doubles, as in Excel.
 *
 * Supported: numbers, "text", TRUE/FALSE, references (A1, $A$1, Sheet!A1, 'A sheet'!A1), ranges (A1:B9,
 * H:H) as function arguments, + - * / ^ & = <> < > <= >=, unary minus, and IF, IFERROR, ISERROR, AND,
 * OR, NOT, SUM, COUNTIF (equality criteria). Anything else throws, so a formula of a new shape is noticed.
 */
export type Value = number | string | boolean | null | FormulaError; // null: a blank cell
export interface FormulaError {
  error: string;
}

const DIV0: FormulaError = { error: '#DIV/0!' };
const VALUE: FormulaError = { error: '#VALUE!' };

export function isError(v: unknown): v is FormulaError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

interface Ref {
  sheet: string;
  col: number;
  row: number;
}
interface Range {
  sheet: string;
  from: { col: number; row: number | null };
  to: { col: number; row: number | null };
}

type Node =
  | { t: 'lit'; v: Value }
  | { t: 'ref'; ref: Ref }
  | { t: 'range'; range: Range }
  | { t: 'neg'; x: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'call'; name: string; args: Node[] };

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|"((?:[^"]|"")*)"|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3})(?![\w(])|([A-Za-z][\w.]*)\s*\(|(TRUE|FALSE)\b|(<>|<=|>=|[-+*/^&=<>(),]))/y;

type Token =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'ref'; sheet: string | null; text: string }
  | { k: 'fn'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'op'; v: string };

function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    if (/^\s*$/.test(formula.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(formula);
    if (!m) throw new Error(`cannot read formula ${formula} at ${at}`);
    if (m[1] !== undefined) out.push({ k: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ k: 'str', v: m[2].replace(/""/g, '"') });
    else if (m[4] !== undefined) {
      const q = m[3]?.slice(0, -1) ?? null;
      const sheet = q?.startsWith("'") ? q.slice(1, -1).replace(/''/g, "'") : q;
      out.push({ k: 'ref', sheet, text: m[4].replace(/\$/g, '') });
    } else if (m[5] !== undefined) out.push({ k: 'fn', v: m[5].toUpperCase() });
    else if (m[6] !== undefined) out.push({ k: 'bool', v: m[6] === 'TRUE' });
    else out.push({ k: 'op', v: m[7]! });
  }
  return out;
}

function colNumber(col: string): number {
  return [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function parse(formula: string, sheet: string): Node {
  const tokens = tokenize(formula);
  let i = 0;
  const peekOp = (...ops: string[]) => {
    const t = tokens[i];
    return t?.k === 'op' && ops.includes(t.v) ? t.v : null;
  };
  const expectOp = (op: string) => {
    if (!peekOp(op)) throw new Error(`${formula}: expected "${op}" at token ${i}`);
    i++;
  };
  const binary =
    (next: () => Node, ...ops: string[]) =>
    (): Node => {
      let a = next();
      for (let op = peekOp(...ops); op; op = peekOp(...ops)) {
        i++;
        a = { t: 'bin', op, a, b: next() };
      }
      return a;
    };
  const primary = (): Node => {
    const t = tokens[i++];
    if (!t) throw new Error(`${formula}: unexpected end`);
    switch (t.k) {
      case 'num':
      case 'str':
      case 'bool':
        return { t: 'lit', v: t.v };
      case 'ref': {
        const s = t.sheet ?? sheet;
        const [from, to] = t.text.split(':');
        const cell = (x: string) => {
          const m = /^([A-Z]+)(\d+)?$/.exec(x)!;
          return { col: colNumber(m[1]!), row: m[2] ? Number(m[2]) : null };
        };
        if (to === undefined) {
          const c = cell(from!);
          return { t: 'ref', ref: { sheet: s, col: c.col, row: c.row! } };
        }
        return { t: 'range', range: { sheet: s, from: cell(from!), to: cell(to) } };
      }
      case 'fn': {
        const args: Node[] = [];
        if (!peekOp(')')) {
          args.push(comparison());
          while (peekOp(',')) {
            i++;
            args.push(comparison());
          }
        }
        expectOp(')');
        return { t: 'call', name: t.v, args };
      }
      case 'op':
        if (t.v === '(') {
          const x = comparison();
          expectOp(')');
          return x;
        }
        if (t.v === '-') return { t: 'neg', x: primary() };
        if (t.v === '+') return primary();
    }
    throw new Error(`${formula}: unexpected ${JSON.stringify(t)}`);
  };
  const power = binary(primary, '^');
  const multiplicative = binary(power, '*', '/');
  const additive = binary(multiplicative, '+', '-');
  const concat = binary(additive, '&');
  const comparison: () => Node = binary(concat, '=', '<>', '<', '>', '<=', '>=');
  const node = comparison();
  if (i !== tokens.length) throw new Error(`${formula}: unexpected ${JSON.stringify(tokens[i])}`);
  return node;
}

/** Recomputes formulas of one workbook; each cell's formula is evaluated once. */
export class FormulaEvaluator {
  private readonly memo = new Map<string, Value>();
  private readonly visiting = new Set<string>();

  constructor(private readonly wb: ExcelJS.Workbook) {}

  /** A formula's value computed from the cells it names (their own formulas recomputed in turn). */
  evaluate(sheet: string, formula: string): Value {
    return this.value(parse(formula, sheet));
  }

  /** What a cell holds: its constant, or its formula recomputed. A formula never yields a blank. */
  cell(sheet: string, col: number, row: number): Value {
    const key = `${sheet}!${col}:${row}`;
    if (this.memo.has(key)) return this.memo.get(key)!;
    if (this.visiting.has(key)) throw new Error(`circular reference at ${key}`);
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet "${sheet}"`);
    const v: unknown = ws.getRow(row).getCell(col).value;
    let out: Value;
    if (v === null || v === undefined || v === '') out = v === '' ? '' : null;
    else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') out = v;
    else if (v instanceof Date)
      out = v.getTime() / 86_400_000 + 25_569; // Excel's serial day number
    else if (typeof v === 'object' && 'formula' in v) {
      this.visiting.add(key);
      try {
        out = this.evaluate(sheet, (v as ExcelJS.CellFormulaValue).formula) ?? 0;
      } finally {
        this.visiting.delete(key);
      }
    } else if (typeof v === 'object' && 'richText' in v)
      out = (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    else if (typeof v === 'object' && 'error' in v)
      out = { error: String((v as ExcelJS.CellErrorValue).error) };
    else
      throw new Error(
        `${sheet}!${ws.getRow(row).getCell(col).address}: unsupported value ${JSON.stringify(v)}`,
      );
    this.memo.set(key, out);
    return out;
  }

  private cells(r: Range): Value[] {
    const ws = this.wb.getWorksheet(r.sheet);
    if (!ws) throw new Error(`no sheet "${r.sheet}"`);
    const out: Value[] = [];
    for (let row = r.from.row ?? 1; row <= (r.to.row ?? ws.rowCount); row++)
      for (let col = r.from.col; col <= r.to.col; col++) out.push(this.cell(r.sheet, col, row));
    return out;
  }

  private value(n: Node): Value {
    switch (n.t) {
      case 'lit':
        return n.v;
      case 'ref':
        return this.cell(n.ref.sheet, n.ref.col, n.ref.row);
      case 'range':
        throw new Error('a range outside a function argument');
      case 'neg': {
        const x = toNumber(this.value(n.x));
        return isError(x) ? x : -x;
      }
      case 'bin':
        return this.binary(n.op, this.value(n.a), this.value(n.b));
      case 'call':
        return this.call(n.name, n.args);
    }
  }

  private binary(op: string, a: Value, b: Value): Value {
    if (isError(a)) return a;
    if (isError(b)) return b;
    if (op === '&') return text(a) + text(b);
    if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
      const c = compare(a, b);
      return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op]!;
    }
    const x = toNumber(a);
    const y = toNumber(b);
    if (isError(x)) return x;
    if (isError(y)) return y;
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        return y === 0 ? DIV0 : x / y;
      case '^':
        return x ** y;
    }
    throw new Error(`operator ${op}`);
  }

  private call(name: string, args: Node[]): Value {
    const arg = (k: number) => {
      const a = args[k];
      if (!a) throw new Error(`${name}: argument ${k + 1} missing`);
      return this.value(a);
    };
    const flat = (a: Node) => (a.t === 'range' ? this.cells(a.range) : [this.value(a)]);
    switch (name) {
      case 'IF': {
        const c = toBoolean(arg(0));
        if (isError(c)) return c;
        if (c) return arg(1);
        return args.length > 2 ? arg(2) : false;
      }
      case 'IFERROR': {
        const v = arg(0);
        return isError(v) ? arg(1) : v;
      }
      case 'ISERROR':
        return isError(arg(0));
      case 'NOT': {
        const c = toBoolean(arg(0));
        return isError(c) ? c : !c;
      }
      case 'AND':
      case 'OR': {
        const values = args.flatMap(flat).map(toBoolean);
        const err = values.find(isError);
        if (err) return err;
        return name === 'AND' ? values.every(Boolean) : values.some(Boolean);
      }
      case 'SUM': {
        let total = 0;
        for (const a of args) {
          // In a range only numbers count; a direct argument is coerced.
          const values =
            a.t === 'range'
              ? this.cells(a.range).filter((v) => typeof v === 'number' || isError(v))
              : [this.value(a)];
          for (const v of values) {
            const x = toNumber(v);
            if (isError(x)) return x;
            total += x;
          }
        }
        return total;
      }
      case 'COUNTIF': {
        const range = args[0];
        if (range?.t !== 'range' || args.length !== 2) throw new Error('COUNTIF(range, criterion) only');
        const criterion = arg(1);
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
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const x = v.trim() === '' ? NaN : Number(v);
  return Number.isFinite(x) ? x : VALUE;
}

function toBoolean(v: Value): boolean | FormulaError {
  if (isError(v)) return v;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const u = v.toUpperCase();
  return u === 'TRUE' ? true : u === 'FALSE' ? false : VALUE;
}

function text(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Excel's comparison: a blank takes the other side's type; numbers < text < logicals; text ignores case. */
function compare(a: Value, b: Value): number {
  const blankAs = (other: Value): Value =>
    typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0;
  const x = a === null ? blankAs(b) : a;
  const y = b === null ? blankAs(a) : b;
  const rank = (v: Value) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string' && typeof y === 'string') {
    const [p, q] = [x.toLowerCase(), y.toLowerCase()];
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const [p, q] = [Number(x), Number(y)];
  return p < q ? -1 : p > q ? 1 : 0;
}
