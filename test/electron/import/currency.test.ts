/**
 * Item 4 of issue #13: the currency of a line is read from the file (currency column, the amount cell's
 * code or sign, the amount header), else the import's stated currency, and only then the workspace's —
 * which the preview says. A shared sign ("$") is never guessed; another currency needs the rate for each
 * of its months, or nothing is written; with it, the report converts exactly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../electron/import/run';
import { buildReport } from '../../../electron/report/buildReport';
import { setFxRate } from '../../../electron/store/fxRates';
import type { WritableWorkspace } from '../../../electron/store/workspace';
import { currencyMark, headerCurrency } from '../../../shared/import/currency';
import { microToCents } from '../../../shared/money';
import type { SpendRecord } from '../../../shared/import/records';
import { rejected, tempWorkspace, writeFile } from './helpers';

let ws: (WritableWorkspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

function open(currency = 'USD') {
  ws = tempWorkspace({ currency });
  return ws;
}

async function preview(w: WritableWorkspace & { dir: string }, csv: string, extra: object = {}) {
  const file = writeFile(w.dir, `f${Math.random().toString(36).slice(2)}.csv`, csv);
  return previewImport(w.db, { path: file, name: 'f.csv', ...extra });
}

const amounts = (p: { sample: unknown[] }) =>
  (p.sample as SpendRecord[]).map((r) => `${r.amount / 1e6} ${r.currency}`);

function written(w: WritableWorkspace): unknown {
  const q = (sql: string) => w.db.prepare(sql).pluck().get();
  return [
    q('SELECT count(*) FROM import_batches'),
    q('SELECT count(*) FROM spend'),
    q('SELECT count(*) FROM spend_monthly'),
  ];
}

describe('what a header or a cell says about the currency', () => {
  it('codes in headers: brackets, capitals, last word, after "in"; signs anywhere; words that are codes only in capitals in brackets', () => {
    const one = (h: string) => headerCurrency(h)?.candidates.join('/') ?? null;
    expect(one('Betrag (EUR)')).toBe('EUR');
    expect(one('Cost USD')).toBe('USD');
    expect(one('cost_usd')).toBe('USD');
    expect(one('costInUsd')).toBe('USD');
    expect(one('Kosten in €')).toBe('EUR');
    expect(one('Price in chf')).toBe('CHF');
    expect(one('Amount ($ USD)')).toBe('USD');
    expect(one('Amount US$')).toBe('USD');
    expect(one('Amount ($)')).toMatch(/^USD\/CAD\/AUD/);
    expect(one('Kosten EUR/USD')).toBe('EUR/USD');
    for (const h of [
      'Amount',
      'EffectiveCost',
      'costInBillingCurrency',
      'ALL COSTS',
      'Cost (all)',
      'Net amount',
    ])
      expect(one(h), h).toBeNull();
  });

  it('cells and currency columns: ISO codes in any case, signs; anything else is no currency', () => {
    expect(currencyMark('usd')?.candidates).toEqual(['USD']);
    expect(currencyMark('€')?.candidates).toEqual(['EUR']);
    expect(currencyMark('¥')?.candidates).toEqual(['JPY', 'CNY']);
    expect(currencyMark('kr')?.candidates).toEqual(['SEK', 'NOK', 'DKK', 'ISK']);
    expect(currencyMark('XYZ')).toBeNull();
    expect(currencyMark('Euro')).toBeNull();
  });
});

describe('the currency of a line', () => {
  it('from the currency column, over everything else', async () => {
    const w = open();
    const p = await preview(w, 'Date,Cost USD,Currency\n2026-03-05,100.00,eur\n2026-03-06,5.00,USD\n');
    expect(amounts(p)).toEqual(['100 EUR', '5 USD']);
    expect(p.notes).toEqual([]);
  });

  it('from a code or sign in the amount cell', async () => {
    const w = open('GBP');
    const comma = await preview(
      w,
      'Date,Amount\n2026-03-05,"€1.234,50"\n2026-03-06,"CHF 12"\n2026-03-07,"1.000,00 €"\n',
    );
    expect(amounts(comma)).toEqual(['1234.5 EUR', '12 CHF', '1000 EUR']);
    const point = await preview(w, 'Date,Amount\n2026-03-05,"1,234.50 USD"\n2026-03-06,£7.25\n');
    expect(amounts(point)).toEqual(['1234.5 USD', '7.25 GBP']);
    expect(point.notes).toEqual([]);
  });

  it('from a code in the amount header, over the import’s stated currency', async () => {
    const w = open();
    const mapping = {
      kind: 'spend' as const,
      columns: { date: 'Date', amount: 'Betrag (EUR)' },
      currency: 'GBP',
    };
    const p = await preview(w, 'Date,Betrag (EUR)\n2026-03-05,"12,50"\n', { mapping });
    expect(amounts(p)).toEqual(['12.5 EUR']);
    const kosten = await preview(w, 'Date,Kosten in €\n2026-03-05,7\n', {
      mapping: { kind: 'spend', columns: { date: 'Date', amount: 'Kosten in €' } },
    });
    expect(amounts(kosten)).toEqual(['7 EUR']);
  });

  it('from the import’s stated currency (mapping, or the CLI’s --currency) when the file names none', async () => {
    const w = open();
    const p = await preview(w, 'Date,Amount\n2026-03-05,12.50\n', { currency: 'CHF' });
    expect(amounts(p)).toEqual(['12.5 CHF']);
    expect(p.notes).toEqual([]);
  });

  it('the workspace currency only when nothing says anything, and the preview says so', async () => {
    const w = open();
    const none = await preview(w, 'Date,Amount\n2026-03-05,12.50\n2026-03-06,1.00\n');
    expect(amounts(none)).toEqual(['12.5 USD', '1 USD']);
    expect(none.notes).toEqual(['no currency in the file: booked as USD (workspace currency)']);
    const file = writeFile(w.dir, 'n.csv', 'Date,Amount\n2026-03-05,12.50\n');
    expect((await commitImport(w.db, { path: file, name: 'n.csv' })).notes).toEqual([
      'no currency in the file: booked as USD (workspace currency)',
    ]);
    const some = await preview(w, 'Date,Amount,Currency\n2026-03-05,12.50,USD\n2026-03-06,1.00,\n');
    expect(some.notes).toEqual(['1 amount names no currency: booked as USD (workspace currency)']);
  });

  it('"$" in a USD workspace is the dollar (and the preview says it read it so)', async () => {
    const w = open('USD');
    const p = await preview(w, 'Date,Amount\n2026-03-05,$12.50\n2026-03-06,"$1,000.00"\n');
    expect(amounts(p)).toEqual(['12.5 USD', '1000 USD']);
    expect(p.canCommit).toBe(true);
    expect(p.notes).toEqual(['"$" read as USD, the workspace currency (2 amounts)']);
  });

  it('"$" in a EUR workspace is not guessed: one problem asking for the currency; nothing written; stated, it is imported', async () => {
    const w = open('EUR');
    const csv = 'Date,Amount\n2026-03-05,$12.50\n2026-03-06,$1.00\n2026-03-07,€3.00\n';
    const p = await preview(w, csv);
    expect(p.canCommit).toBe(false);
    expect(p.problems.filter((x) => x.severity === 'error')).toEqual([
      expect.objectContaining({
        row: null,
        column: 'Amount',
        value: '$',
        code: 'ambiguous-currency',
        message: expect.stringMatching(
          /^amounts written with "\$" \(2 rows, from row 2 to 3\) could be USD, CAD, AUD, NZD, …, and nothing in the file says which \(the workspace reports in EUR\)/,
        ),
      }),
    ]);
    const file = writeFile(w.dir, 'd.csv', csv);
    const before = written(w);
    const err = await rejected(commitImport(w.db, { path: file, name: 'd.csv', skipInvalid: true }));
    expect(err.problems.map((x) => x.code)).toEqual(['ambiguous-currency']);
    expect(written(w)).toEqual(before);
    // Stated by the import or by a currency column, "$" is that dollar.
    expect(amounts(await preview(w, csv, { currency: 'CAD' }))).toEqual(['12.5 CAD', '1 CAD', '3 EUR']);
    const col = await preview(w, 'Date,Amount,Currency\n2026-03-05,$12.50,AUD\n');
    expect(amounts(col)).toEqual(['12.5 AUD']);
    // A header sign alone is no answer either.
    const header = await preview(w, 'Date,Amount ($)\n2026-03-05,12.50\n', {
      mapping: { kind: 'spend', columns: { date: 'Date', amount: 'Amount ($)' } },
    });
    expect(header.problems.map((x) => x.code)).toEqual(['ambiguous-currency']);
  });

  it('a row naming two currencies, or a currency that is none, is a problem on that row', async () => {
    const w = open();
    const p = await preview(
      w,
      'Date,Amount,Currency\n2026-03-05,€5.00,USD\n2026-03-06,5.00,XYZ\n2026-03-07,ABC 5,\n',
    );
    expect(p.problems.map((x) => [x.row, x.column, x.value, x.code])).toEqual([
      [2, 'Amount', '€5.00', 'currency-conflict'],
      [3, 'Currency', 'XYZ', 'unknown-currency'],
      [4, 'Amount', 'ABC 5', 'unknown-currency'],
    ]);
  });
});

describe('another currency than the workspace’s', () => {
  const EUR =
    'Date,Amount,Currency\n2026-02-27,1.00,EUR\n2026-03-05,100.00,EUR\n2026-04-10,0.005,EUR\n2026-04-11,33.33,EUR\n2026-03-06,5.00,USD\n';

  it('without a rate for each of its months the import is refused, naming the currency and the months; nothing is written', async () => {
    const w = open();
    setFxRate(w.db, { currency: 'EUR', month: '2026-02', rate: '1.08' });
    const file = writeFile(w.dir, 'eur.csv', EUR);
    const before = written(w);
    const err = await rejected(commitImport(w.db, { path: file, name: 'eur.csv' }));
    expect(err.problems).toEqual([
      expect.objectContaining({
        code: 'missing-fx-rate',
        value: 'EUR',
        message:
          'no EUR rate for 2026-03, 2026-04: add them in Settings › Exchange rates or import a rates file (units of USD per 1 EUR)',
      }),
    ]);
    expect(written(w)).toEqual(before);
    // skip-invalid does not leave them out: a missing rate is not a bad row.
    await rejected(commitImport(w.db, { path: file, name: 'eur.csv', skipInvalid: true }));
    expect((await previewImport(w.db, { path: file, name: 'eur.csv' })).blockers).toEqual([
      err.problems[0]!.message,
    ]);
  });

  it('with the rates, the lines keep their currency and the report converts each month exactly', async () => {
    const w = open();
    setFxRate(w.db, { currency: 'EUR', month: '2026-02', rate: '1.08' });
    setFxRate(w.db, { currency: 'EUR', month: '2026-03', rate: '1.0853' });
    setFxRate(w.db, { currency: 'EUR', month: '2026-04', rate: '1.1' });
    const file = writeFile(w.dir, 'eur.csv', EUR);
    const s = await commitImport(w.db, { path: file, name: 'eur.csv' });
    expect(s).toMatchObject({ rows: 5, total: null, currency: null });
    const lines = w.db.prepare('SELECT currency, amount_micro FROM spend ORDER BY source_row').raw().all();
    expect(lines).toEqual([
      ['EUR', 1_000_000],
      ['EUR', 100_000_000],
      ['EUR', 5_000],
      ['EUR', 33_330_000],
      ['USD', 5_000_000],
    ]);
    // FY2026-Q1 (January start) = January to March: 1.00 × 1.08 + 100.00 × 1.0853 + 5.00 (USD).
    expect(buildReport(w.db, 'FY2026-Q1').portfolio.cost.micro).toBe(1_080_000 + 108_530_000 + 5_000_000);
    // April: (0.005 + 33.33) × 1.1 = 36.6685 → 36.67 shown.
    const q2 = buildReport(w.db, 'FY2026-Q2').portfolio.cost;
    expect(q2.micro).toBe(36_668_500);
    expect(microToCents(q2.micro)).toBe(3667);
  });

  it('an ambiguous "¥" with a JPY rate and the workspace in USD: refused until stated; stated, accepted', async () => {
    const w = open();
    setFxRate(w.db, { currency: 'JPY', month: '2026-03', rate: '0.0066' });
    const csv = 'Date,Amount\n2026-03-05,"¥1,000.00"\n';
    expect((await preview(w, csv)).problems.map((x) => x.code)).toEqual(['ambiguous-currency']);
    const p = await preview(w, csv, { currency: 'JPY' });
    expect(p.canCommit).toBe(true);
    expect(amounts(p)).toEqual(['1000 JPY']);
  });
});

describe('a rates file (kind fx)', () => {
  it('checks each row as the Settings panel does: an ISO code, not the reporting currency, a positive rate', async () => {
    const w = open();
    const p = await preview(
      w,
      'Month,Currency,Rate\n2026-03,EUR,1.08\n2026-03,XYZ,1.1\n2026-03,USD,1\n2026-03,GBP,0\n',
      {
        as: 'fx',
      },
    );
    expect(p.problems.map((x) => [x.row, x.column, x.message])).toEqual([
      [3, 'Currency', 'not an ISO 4217 currency code such as EUR'],
      [4, 'Currency', 'USD is the reporting currency: its amounts need no rate'],
      [5, 'Rate', 'not a positive exchange rate'],
    ]);
    expect(p.counts).toMatchObject({ valid: 1, invalid: 3 });
  });
});
