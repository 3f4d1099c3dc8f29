import { cellText, type Cell } from '../cells';
import { columnsOf } from '../columns';
import { isIsoCurrency } from '../../money';
import { defineSource, hasAll, type SourceFileContext } from './source';

/** `20180201` → `2018-02-01`; null for anything else. */
function isoOfDigits(text: string | null): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text?.trim() ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/**
 * DATEV's EXTF metadata record, the line above the header (DATEV "Schnittstellenbeschreibung"): field 1
 * `EXTF`, field 4 the data category's name, field 13 the fiscal year's start, fields 15–16 the batch's
 * period (`Datum vom`, `Datum bis`), field 22 its currency. Null when the line is not one.
 */
function extfRecord(preamble: readonly (readonly Cell[])[]): SourceFileContext | null {
  const line = preamble.find((r) => /^"?EXTF"?$|^DTVF$/.test(cellText(r[0] ?? null) ?? ''));
  if (!line) return null;
  const at = (i: number) => cellText(line[i] ?? null);
  const from = isoOfDigits(at(14));
  const to = isoOfDigits(at(15));
  const currency = at(21)?.trim().toUpperCase() ?? null;
  const evidence: SourceFileContext['evidence'] = {};
  const context: SourceFileContext = { evidence };
  if (from && to && from <= to) {
    context.dayMonthPeriod = { from, to };
    evidence.date = `the EXTF line above the header dates the batch ${from} to ${to}: "Belegdatum" (DDMM) takes its year from it`;
  }
  if (currency && isIsoCurrency(currency)) {
    context.currency = currency;
    evidence.currency = `the EXTF line states the currency ${currency} (amounts without "WKZ Umsatz" are ${currency})`;
  }
  return context;
}

/**
 * DATEV's booking batch ("Buchungsstapel", EXTF format 700), the journal German accountants exchange with
 * DATEV: Windows-1252, `;`, decimal comma, the metadata record above the header. `Umsatz` is unsigned and
 * `Soll/Haben-Kennzeichen` signs it from the side of `Konto` (S debit +, H credit −); `Belegdatum` is DDMM,
 * its year in the metadata's period. Every booking is a line: a journal holds revenue and transfers as
 * well as costs, so a filter ("Gegenkonto = 4940") keeps the cost bookings wanted.
 */
export const datevExtf = defineSource({
  id: 'datev-extf',
  kind: 'spend',
  identify: (view) =>
    hasAll(view, 'umsatzohnesollhabenkz', 'sollhabenkennzeichen', 'belegdatum')
      ? 'DATEV Buchungsstapel (EXTF)'
      : null,
  mapping: (view) => ({
    kind: 'spend',
    format: 'datev-extf',
    columns: columnsOf(view.headers, {
      date: ['belegdatum'],
      amount: ['umsatzohnesollhabenkz'],
      sign: ['sollhabenkennzeichen'],
      currency: ['wkzumsatz'],
      description: ['buchungstext'],
      costCenter: ['kost1kostenstelle'],
    }),
    decimal: ',',
    dateOrder: 'dmy',
    categoryRule: 'constant',
    category: 'other',
  }),
  fileContext: extfRecord,
  notes: () => [
    'every booking is imported, revenue and transfers included, each signed from the side of "Konto" (S +, H −); keep only the cost bookings with a row filter (e.g. Gegenkonto = your expense accounts)',
  ],
});
