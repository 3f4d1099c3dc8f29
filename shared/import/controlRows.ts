import { divRoundHalfAway, isIsoCurrency } from '../money';

/**
 * Control rows: the totals and subtotals an export writes among its lines. They are not lines of their
 * own (storing them would count the money twice): they are left out, listed, and checked against the rows
 * they sum, and the file's own total is reconciled against what was imported.
 */

/** Kinds whose rows carry money: their totals are reconciled, their footers recognised. */
export const AMOUNT_KINDS: ReadonlySet<string> = new Set(['spend', 'budget', 'benefits']);

/** Whole-cell labels of a total, in the seven languages of the vocabulary (lowercase, spaces collapsed). */
const LABELS = new Set([
  // English
  'total',
  'totals',
  'grand total',
  'grandtotal',
  'sub-total',
  'subtotal',
  'sub total',
  'overall total',
  'report total',
  'sum',
  // German
  'summe',
  'gesamt',
  'gesamtsumme',
  'zwischensumme',
  'endsumme',
  'insgesamt',
  'gesamtbetrag',
  'summe gesamt',
  'gesamtergebnis',
  // French
  'total général',
  'total general',
  'sous-total',
  'sous total',
  'montant total',
  'somme',
  // Spanish
  'totales',
  'suma',
  'suma total',
  'importe total',
  // Italian
  'totale',
  'totali',
  'totale generale',
  'subtotale',
  'sub-totale',
  'totale complessivo',
  'somma',
  // Dutch
  'totaal',
  'subtotaal',
  'sub-totaal',
  'totaal generaal',
  'eindtotaal',
  'totaalbedrag',
  'som',
  // Portuguese
  'total geral',
  'soma',
  'soma total',
  'totais',
]);

/**
 * What may follow a label: a currency code ("Total EUR"), a year or quarter ("Total 2024", "Summe Q3"), a
 * scope ("Total for Q3", "Gesamt für 2025", "Total de la période"), net/gross ("Total HT", "Summe netto").
 * A name does not ("Total Wine & More" is a vendor).
 */
const QUALIFIER =
  /^(?:\d{4}(?:[-/]\d{2,4})?|q[1-4](?:[ /-]?\d{2,4})?|fy ?\d{2,4}|h[12](?: \d{4})?|ht|ttc|net|gross|netto|brutto|brut|neto|bruto|lordo|(?:for|of|per|in|für|pour|de|du|del|della|da|do|voor|van) .+)$/u;

/** Excel's pivot tables label a group's subtotal with the group's name first ("Copilot Total", "Marketing Ergebnis"). */
const TRAILING = /^.+ (?:total|totals|summe|ergebnis|totaal|totale|subtotal)$/u;

/** The cell's text reduced for comparison: case, runs of spaces, decoration around it ("*** TOTAL: ***"). */
function reduced(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * Whether a cell's whole text labels a total or subtotal: "Total", "Grand total:", "Zwischensumme",
 * "Total général", "Totale EUR", "Total for Q3", "Copilot Total". A text that merely contains the word
 * ("Total Wine & More", "TotalEnergies", "Chadderton Total Careunit Ltd") is not one.
 */
export function isControlLabel(text: string): boolean {
  const t = reduced(text);
  if (t.length === 0 || t.length > 60) return false;
  if (LABELS.has(t)) return true;
  const space = t.indexOf(' ');
  if (space > 0) {
    // The longest label the text starts with, then a qualifier.
    for (let i = t.length; i > 0; i = t.lastIndexOf(' ', i - 1)) {
      if (i === t.length) continue;
      const head = t.slice(0, i);
      if (!LABELS.has(head)) continue;
      const rest = t.slice(i + 1);
      if (QUALIFIER.test(rest) || (rest.length === 3 && isIsoCurrency(rest.toUpperCase()))) return true;
    }
  }
  return TRAILING.test(t) && !/^(?:total|grand|sub)\b/.test(t);
}

/** Whether a label names a subtotal (a group's sum, never the file's total). */
export function isSubtotalLabel(text: string): boolean {
  const t = reduced(text);
  return /^(?:sub|sous|zwischen)/.test(t) || (TRAILING.test(t) && !/^(?:total|grand)\b/.test(t));
}

/** A money amount exactly (micro-units as decimal text) and to the cent ("1234.57"). */
export interface ExactAmount {
  micro: string;
  cents: string;
}

export function exactAmount(micro: bigint): ExactAmount {
  const cents = divRoundHalfAway(micro, 10_000n);
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  return {
    micro: micro.toString(),
    cents: `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`,
  };
}

/** Cents text with thousands separators, as a finance user reads it ("599,032.33"). */
export function groupedCents(cents: string): string {
  const neg = cents.startsWith('-');
  const [int = '0', frac = '00'] = cents.replace(/^-/, '').split('.');
  return `${neg ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** One control row left out, with what it was checked against. */
export interface ControlRow {
  row: number;
  /** The label cell's text; null when the row was recognised by its amount alone (the sum of the rows above). */
  label: string | null;
  /** `total`: it covers every data row from the first and none follows; `subtotal`: a group's. */
  level: 'total' | 'subtotal';
  /** The amount the file states; null when the row has none (or none readable). */
  amount: ExactAmount | null;
  currency: string | null;
  /** The exact sum of the imported rows it covers, in its currency; null when it could not be compared. */
  imported: ExactAmount | null;
  /** amount − imported. */
  difference: ExactAmount | null;
  /** The data rows it covers (first and last row number); null when it covers none. */
  fromRow: number | null;
  toRow: number | null;
  /** true: it equals the rows it covers; false: it does not (a mismatch); null: not comparable. */
  reconciles: boolean | null;
}

/** The file's own total checked against the imported sum. */
export interface FileTotal {
  row: number;
  label: string | null;
  currency: string;
  file: ExactAmount;
  imported: ExactAmount;
  difference: ExactAmount;
  reconciles: boolean;
}

/** What the import found about the file's own totals, and the lines around the table it left out. */
export interface Reconciliation {
  controlRows: ControlRow[];
  /** The outermost total (covering every row, nothing imported after it); null when the file has none. */
  fileTotal: FileTotal | null;
  /** Control rows whose amount differs from the rows they cover. */
  mismatches: number;
  /** Lines below the table that are no data ("Generated by …", notes), left out. */
  footerRows: { row: number; text: string }[];
}

export const NO_RECONCILIATION: Reconciliation = {
  controlRows: [],
  fileTotal: null,
  mismatches: 0,
  footerRows: [],
};

/** How many earlier control rows a total is compared back to (besides the first row). */
const MATCH_DEPTH = 64;

interface Checkpoint {
  /** The running sums per currency of the rows stored before it. */
  running: Map<string, bigint>;
  /** Rows stored before it. */
  rows: number;
  /** The first row stored after it. */
  firstRow: number | null;
}

interface Seen {
  row: number;
  label: string | null;
  amount: bigint | null;
  currency: string | null;
  /** The checkpoint its amount equals the rows since (null: none). */
  matched: number | null;
  /** The checkpoint before it (its group starts there). */
  group: number;
  rows: number;
  lastRow: number | null;
  running: Map<string, bigint>;
}

/**
 * Follows the stored rows between control rows. Costs one call per stored row (a counter); the sums
 * themselves are the scan's running totals, snapshotted only at a control row.
 */
export class ControlLedger {
  private readonly checkpoints: Checkpoint[] = [{ running: new Map(), rows: 0, firstRow: null }];
  private rows = 0;
  private lastRow: number | null = null;
  private readonly seen: Seen[] = [];
  private readonly footers: { row: number; text: string }[] = [];

  private firstRow: number | null = null;
  /** The running sums at the end (set by `finish`). */
  private final = new Map<string, bigint>();

  stored(row: number): void {
    if (this.firstRow === null) this.firstRow = row;
    if (this.rows++ === this.checkpoints[this.checkpoints.length - 1]!.rows) {
      this.checkpoints[this.checkpoints.length - 1]!.firstRow = row;
    }
    this.lastRow = row;
  }

  private currencyOf(currency: string | null, running: Map<string, bigint>): string | null {
    if (currency !== null) return currency;
    return running.size === 1 ? [...running.keys()][0]! : null;
  }

  /**
   * The checkpoint since which the stored rows sum exactly to `amount` (the latest, so a subtotal is
   * matched to its group), or null. Spans without rows never match.
   */
  match(amount: bigint, currency: string | null, running: Map<string, bigint>): number | null {
    const c = this.currencyOf(currency, running);
    if (c === null) return null;
    const now = running.get(c) ?? 0n;
    // The latest groups and the start: a file with a control row every few lines stays linear.
    const recent = Math.max(1, this.checkpoints.length - MATCH_DEPTH);
    for (let k = this.checkpoints.length - 1; k >= 0; k = k === recent ? 0 : k - 1) {
      const cp = this.checkpoints[k]!;
      if (this.rows === cp.rows) continue;
      if (now - (cp.running.get(c) ?? 0n) === amount) return k;
    }
    return null;
  }

  /** A control row: checked now, closed as a checkpoint (the next group starts after it). */
  control(
    row: number,
    label: string | null,
    amount: bigint | null,
    currency: string | null,
    running: Map<string, bigint>,
  ): void {
    const c = this.currencyOf(currency, running);
    this.seen.push({
      row,
      label,
      amount,
      currency: c,
      matched: amount === null ? null : this.match(amount, c, running),
      group: this.checkpoints.length - 1,
      rows: this.rows,
      lastRow: this.lastRow,
      running,
    });
    this.checkpoints.push({ running, rows: this.rows, firstRow: null });
  }

  footer(row: number, text: string): void {
    this.footers.push({ row, text });
  }

  get controlCount(): number {
    return this.seen.length;
  }

  /** `final`: the running sums per currency after the last row. */
  finish(final: Map<string, bigint>): Reconciliation {
    this.final = final;
    const controlRows = this.seen.map((s) => this.checked(s));
    const asFileTotal = (c: ControlRow): FileTotal | null =>
      c.level === 'total' && c.amount && c.imported && c.difference && c.currency
        ? {
            row: c.row,
            label: c.label,
            currency: c.currency,
            file: c.amount,
            imported: c.imported,
            difference: c.difference,
            reconciles: c.reconciles === true,
          }
        : null;
    let fileTotal: FileTotal | null = null;
    // The outermost total below the table; else one above it (a report with its total on top).
    for (let i = this.seen.length - 1; i >= 0 && fileTotal === null; i--) {
      if (this.seen[i]!.rows !== this.rows) break;
      fileTotal = asFileTotal(controlRows[i]!);
    }
    for (let i = 0; i < this.seen.length && fileTotal === null && this.seen[i]!.rows === 0; i++) {
      fileTotal = asFileTotal(controlRows[i]!);
    }
    return {
      controlRows,
      fileTotal,
      mismatches: controlRows.filter((c) => c.reconciles === false).length,
      footerRows: this.footers,
    };
  }

  private leading(s: Seen): ControlRow {
    return leadingTotal(s, this.final, { from: this.firstRow, to: this.lastRow });
  }

  private checked(s: Seen): ControlRow {
    // Matched: the span it equals. Otherwise what its label and place say it should equal: a subtotal (or
    // a total with rows after it) its group, the last total everything imported.
    const sub = s.label !== null && isSubtotalLabel(s.label);
    const last = s.rows === this.rows;
    if (s.rows === 0 && s.matched === null && !sub && this.rows > 0) return this.leading(s);
    let k = s.matched;
    if (k === null) {
      const groupRows = s.rows - this.checkpoints[s.group]!.rows;
      k = !sub && (last || groupRows === 0) ? 0 : s.group;
    }
    const cp = this.checkpoints[k]!;
    const covered = s.rows - cp.rows;
    const base = {
      row: s.row,
      label: s.label,
      // A total covers every row from the first and has none after it; the first group's subtotal covers
      // the rows from the first too, but rows follow it.
      level: k === 0 && last && !sub ? ('total' as const) : ('subtotal' as const),
      currency: s.currency,
      fromRow: covered > 0 ? cp.firstRow : null,
      toRow: covered > 0 ? s.lastRow : null,
    };
    if (s.amount === null || s.currency === null) {
      return {
        ...base,
        amount: s.amount === null ? null : exactAmount(s.amount),
        imported: null,
        difference: null,
        reconciles: null,
      };
    }
    const imported = (s.running.get(s.currency) ?? 0n) - (cp.running.get(s.currency) ?? 0n);
    return {
      ...base,
      amount: exactAmount(s.amount),
      imported: exactAmount(imported),
      difference: exactAmount(s.amount - imported),
      reconciles: s.amount === imported,
    };
  }
}

/** A total above the rows it sums (a report with its total on top): checked against every row stored. */
function leadingTotal(
  s: Seen,
  final: Map<string, bigint>,
  rows: { from: number | null; to: number | null },
): ControlRow {
  const currency = s.currency ?? (final.size === 1 ? [...final.keys()][0]! : null);
  const base = {
    row: s.row,
    label: s.label,
    level: 'total' as const,
    currency,
    fromRow: rows.from,
    toRow: rows.to,
  };
  if (s.amount === null || currency === null) {
    return {
      ...base,
      amount: s.amount === null ? null : exactAmount(s.amount),
      imported: null,
      difference: null,
      reconciles: null,
    };
  }
  const imported = final.get(currency) ?? 0n;
  return {
    ...base,
    amount: exactAmount(s.amount),
    imported: exactAmount(imported),
    difference: exactAmount(s.amount - imported),
    reconciles: s.amount === imported,
  };
}

function money(a: ExactAmount, currency: string | null): string {
  return `${groupedCents(a.cents)}${currency ? ` ${currency}` : ''}`;
}

/** One control row for people: `row 42 "Grand total": 599,032.33 EUR = rows 5–41 ✓`. */
export function describeControlRow(c: ControlRow, withRow = true): string {
  const label = c.label === null ? '(no label; equals the sum above it)' : `"${c.label}"`;
  const what = withRow ? `row ${c.row} ${label}` : label;
  const rows =
    c.fromRow === null
      ? 'no rows'
      : c.fromRow === c.toRow
        ? `row ${c.fromRow}`
        : `rows ${c.fromRow}–${c.toRow}`;
  if (c.amount === null) return `${what}: no amount, not checked`;
  if (c.reconciles === null || !c.imported || !c.difference) {
    return `${what}: ${money(c.amount, c.currency)}, not checked (the rows are in several currencies)`;
  }
  if (c.reconciles) return `${what}: ${money(c.amount, c.currency)} = ${rows} imported ✓`;
  return (
    `${what}: the file says ${money(c.amount, c.currency)}, ${rows} imported sum to ` +
    `${money(c.imported, c.currency)}: difference ${money(c.difference, c.currency)} ✗`
  );
}

/**
 * The reconciliation in one line, for the batch and the figures it feeds: "file total 599,032.33 EUR =
 * imported ✓", "file total … ≠ imported …: difference … ✗", "2 subtotals = imported ✓"; null without
 * control rows.
 */
export function describeReconciliation(r: Reconciliation): string | null {
  if (r.controlRows.length === 0) return null;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const checked = r.controlRows.filter((c) => c.reconciles !== null);
  const unchecked = r.controlRows.length - checked.length;
  const uncheckedText = unchecked > 0 ? `${plural(unchecked, 'total row')} not checked` : '';
  const subtotals = checked.filter((c) => c.level === 'subtotal' && c.row !== r.fileTotal?.row);
  const subBad = subtotals.filter((c) => c.reconciles === false).length;
  const subText =
    subtotals.length === 0
      ? ''
      : subBad === 0
        ? `${plural(subtotals.length, 'subtotal')} ✓`
        : `${subBad} of ${plural(subtotals.length, 'subtotal')} ✗`;
  const extra = [subText, uncheckedText].filter((t) => t !== '').join('; ');
  const f = r.fileTotal;
  if (f) {
    const head = f.reconciles
      ? `file total ${money(f.file, f.currency)} = imported ✓`
      : `file total ${money(f.file, f.currency)} ≠ imported ${money(f.imported, f.currency)}: difference ${money(f.difference, f.currency)} ✗`;
    return extra ? `${head} (${extra})` : head;
  }
  if (checked.length === 0)
    return `${plural(unchecked, 'total row')} left out, not checked (no amount to compare)`;
  const bad = r.mismatches;
  const head =
    bad === 0
      ? `${plural(checked.length, checked.length === subtotals.length ? 'subtotal' : 'total row')} = imported ✓ (no file total${unchecked > 0 ? `; ${uncheckedText}` : ''})`
      : `${bad} of ${plural(checked.length, 'total row')} do not match the imported rows ✗ (no file total${unchecked > 0 ? `; ${uncheckedText}` : ''})`;
  return head;
}

/** The blocker a mismatch raises until the user accepts it. */
export function mismatchMessage(r: Reconciliation): string {
  const f = r.fileTotal;
  const head =
    f && !f.reconciles
      ? `the file's own total (row ${f.row}) is ${money(f.file, f.currency)} but the imported rows sum to ${money(f.imported, f.currency)} (difference ${money(f.difference, f.currency)})`
      : `${r.mismatches} total row${r.mismatches === 1 ? ' does' : 's do'} not match the rows ${r.mismatches === 1 ? 'it covers' : 'they cover'}`;
  return `${head}: check the file (rows left out, a filter in the export), or import it anyway on purpose`;
}
