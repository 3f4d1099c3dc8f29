import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateParseError, parseDate, dateOrderHint } from '../../../shared/import/dates';
import { FormatEvidence } from '../../../shared/import/evidence';
import {
  decimalHint,
  numberMicro,
  parseAmountMicro,
  parseNumberValue,
  plainMicro,
} from '../../../shared/import/numbers';
import { decimalToScaled } from '../../../shared/money';
import { parsePeriod } from '../../../shared/import/periods';
import { readTag } from '../../../shared/import/tags';
import { buildHeaders, detectHeaderRow } from '../../../shared/import/headers';
import { detectFormat } from '../../../shared/import/formats';

const micro = (raw: string, dec: '.' | ',' = '.') => parseAmountMicro(raw, dec).micro;

describe('numbers', () => {
  it.each([
    ['1,234.56', '.', 1_234_560_000],
    ['1.234,56', ',', 1_234_560_000],
    ['1 234,56', ',', 1_234_560_000],
    ['1\u00a0234,56', ',', 1_234_560_000],
    ["1'234.56", '.', 1_234_560_000],
    ['(1,200.00)', '.', -1_200_000_000],
    ['-12', '.', -12_000_000],
    ['12-', '.', -12_000_000],
    ['$1,200', '.', 1_200_000_000],
    ['-$12.50', '.', -12_500_000],
    ['1.200 €', ',', 1_200_000_000],
    ['EUR 12', '.', 12_000_000],
    ['12.00 USD', '.', 12_000_000],
    ['1.81E-8', '.', 0],
    ['1.81E-2', '.', 18_100],
    ['0.0000000072922557592391990000', '.', 0],
    ['0.0000005', '.', 1], // half away from zero at the micro-unit
    ['-0.0000005', '.', -1],
    ['0.00000080000', '.', 1],
    ['.5', '.', 500_000],
  ] as const)('%s (decimal %s) = %i micro', (raw, dec, expected) => {
    expect(micro(raw, dec)).toBe(expected);
  });

  it('rejects text, wrong grouping and percentages in amounts', () => {
    expect(() => micro('abc')).toThrow();
    expect(() => micro('1,23,4.5')).toThrow(/grouping/);
    expect(() => micro('12.5%')).toThrow(/percentage/);
    expect(() => micro('1.234,56', '.')).toThrow();
  });

  it('reads percentages as fractions exactly', () => {
    expect(parseNumberValue('12.5%', '.')).toBe(0.125);
    expect(parseNumberValue('99,5 %', ',')).toBe(0.995);
    expect(parseNumberValue('1.5E3', '.')).toBe(1500);
  });

  it('hints the decimal separator only where the text decides it', () => {
    expect(decimalHint('1,234.56')).toBe('.');
    expect(decimalHint('1.234,56')).toBe(',');
    expect(decimalHint('0,5')).toBe(',');
    expect(decimalHint('1,234')).toBe('ambiguous');
    expect(decimalHint('1.234.567')).toBe(',');
    expect(decimalHint('1 234,5')).toBe(',');
    expect(decimalHint('42')).toBe('none');
    expect(decimalHint('0.123')).toBe('.');
    expect(decimalHint('1.234')).toBe('ambiguous');
    expect(decimalHint('-1234.5')).toBe('.');
  });

  it('property: any cents amount written with either locale parses to the same micro-units', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }), (cents) => {
        const neg = cents < 0n;
        const abs = neg ? -cents : cents;
        const int = (abs / 100n).toString();
        const frac = String(abs % 100n).padStart(2, '0');
        const group = (sep: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        const us = `${neg ? '-' : ''}${group(',')}.${frac}`;
        const de = `${neg ? '-' : ''}${group('.')},${frac}`;
        const expected = Number(cents * 10_000n);
        return micro(us, '.') === expected && micro(de, ',') === expected;
      }),
    );
  });

  it('property: the plain-decimal fast path gives the exact BigInt result, rounding half away from zero', () => {
    const digits = (min: number, max: number) =>
      fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.boolean(), digits(1, 12), fc.option(digits(0, 12)), (neg, int, frac) => {
        const text = `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`;
        const scaled = decimalToScaled(text, 6);
        const fast = plainMicro(text);
        if (int.length > 9 || frac === '') return fast === null;
        // No negative zero: -0.0000001 is 0 micro-units, stored as the integer 0.
        return fast !== null && Object.is(fast, Number(scaled!) + 0);
      }),
      { numRuns: 2000 },
    );
    expect(plainMicro('1234.5645675')).toBe(1_234_564_568);
    expect(plainMicro('-0.0000005')).toBe(-1);
    expect(plainMicro('-0.0000004')).toBe(0);
    expect(plainMicro('1.81E-8')).toBeNull();
  });

  it('a spreadsheet number becomes the micro-units of its text, without the text', () => {
    const same = (n: number) => {
      const fast = numberMicro(n);
      return fast === null || Object.is(fast, micro(String(n)));
    };
    // Any double, and the kinds spreadsheets hold: cents, micro-units, near half micro-unit ties.
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), same), { numRuns: 5000 });
    const decimals = fc
      .tuple(
        fc.integer({ min: -9_999_999, max: 9_999_999 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.nat(9),
      )
      .map(([units, frac, digits]) => units + (frac % 10 ** digits) / 10 ** digits);
    fc.assert(fc.property(decimals, same), { numRuns: 5000 });
    const ties = fc
      .tuple(
        fc.integer({ min: -8_000_000_000_000, max: 8_000_000_000_000 }),
        fc.constantFrom(0.5, 0.4999, 0.5001),
      )
      .map(([m, f]) => (m + Math.sign(m || 1) * f) / 1_000_000);
    fc.assert(fc.property(ties, same), { numRuns: 5000 });
    // Typical amounts take the fast path; ties and huge values are left to the text.
    expect(numberMicro(1234.564567)).toBe(1_234_564_567);
    expect(numberMicro(0.1 + 0.2)).toBe(300_000);
    expect(numberMicro(-12.5)).toBe(-12_500_000);
    expect(Object.is(numberMicro(-1e-9), 0)).toBe(true);
    expect(numberMicro(0.0000005)).toBeNull();
    expect(numberMicro(1e10)).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['2026-03-31', 'mdy', '2026-03-31'],
    ['2024-09-18 22:00:00', 'mdy', '2024-09-18'],
    ['2023-11-01T00:00:00.000Z', 'mdy', '2023-11-01'],
    ['2026-03-31T23:30:00-02:00', 'mdy', '2026-04-01'], // bucketed to the UTC date
    ['2026-04-01T00:30:00+02:00', 'mdy', '2026-03-31'],
    ['03/31/2026', 'mdy', '2026-03-31'],
    ['31/03/2026', 'dmy', '2026-03-31'],
    ['31.03.2026', 'mdy', '2026-03-31'], // dots are day-first wherever written
    ['3/1/26', 'mdy', '2026-03-01'],
    ['3/1/26', 'dmy', '2026-01-03'],
    ['18 Sep 2024', 'mdy', '2024-09-18'],
    ['Sep 18, 2024', 'mdy', '2024-09-18'],
    ['45566', 'mdy', '2024-10-01'], // Excel serial
    ['1770854400', 'mdy', '2026-02-12'], // unix seconds
  ] as const)('%s (%s) → %s', (raw, order, iso) => {
    expect(parseDate(raw, order)).toBe(iso);
  });

  it('reads numeric cells as Excel serials', () => {
    expect(parseDate(45566, 'mdy')).toBe('2024-10-01');
    expect(parseDate(45566.75, 'mdy')).toBe('2024-10-01');
  });

  it('property: YYYY-MM-DD text is read as the calendar says, leap years included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const date = new Date(0);
          date.setUTCFullYear(y, m - 1, d);
          const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          if (y < 100) return true; // two-digit years are read the spreadsheet way; not this property
          if (real) return parseDate(text, 'mdy') === text;
          expect(() => parseDate(text, 'mdy')).toThrow(DateParseError);
          return true;
        },
      ),
      { numRuns: 3000 },
    );
    expect(parseDate('2024-02-29', 'mdy')).toBe('2024-02-29');
    expect(() => parseDate('2100-02-29', 'mdy')).toThrow(/day 29 does not exist in 2100-02/);
    expect(parseDate('2000-02-29', 'dmy')).toBe('2000-02-29');
  });

  it('rejects impossible dates', () => {
    expect(() => parseDate('02/30/2026', 'mdy')).toThrow(/day 30/);
    expect(() => parseDate('13/01/2026', 'mdy')).toThrow(/month 13/);
    expect(() => parseDate('soon', 'mdy')).toThrow();
  });

  it('decides day/month order from all rows, and asks when they do not decide', () => {
    expect(dateOrderHint('01/02/2026')).toBe('ambiguous');
    const e = new FormatEvidence();
    e.date('01/02/2026', 2, 'Date');
    expect(e.decideDateOrder().value).toBeNull();
    e.date('25/02/2026', 900, 'Date');
    expect(e.decideDateOrder()).toEqual({ value: 'dmy', problem: null });
    e.date('02/25/2026', 901, 'Date');
    const mixed = e.decideDateOrder();
    expect(mixed.value).toBeNull();
    expect(mixed.problem).toMatchObject({ row: 900, column: 'Date' });
  });
});

describe('periods', () => {
  it.each([
    ['2026-03', '2026-03-01', '2026-03-31'],
    ['Mar 2026', '2026-03-01', '2026-03-31'],
    ['March-26', '2026-03-01', '2026-03-31'],
    ['03/2026', '2026-03-01', '2026-03-31'],
    ['Q3 2026', '2026-07-01', '2026-09-30'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['FY2026-Q3', '2025-12-01', '2026-02-28'], // fiscal year starting in June: FY2026 = Jun 2025–May 2026
  ])('%s', (raw, start, end) => {
    expect(parsePeriod(raw, 6)).toMatchObject({ start, end });
  });
  it('with a January start, FY2026-Q3 is July–September 2026', () => {
    expect(parsePeriod('FY2026-Q3', 1)).toMatchObject({
      start: '2026-07-01',
      end: '2026-09-30',
      granularity: 'quarter',
    });
  });
});

describe('tags, headers and formats', () => {
  it('reads tags as JSON, brace-less JSON and key=value, with near-duplicate keys', () => {
    expect(readTag('{"application": "A", " org": "x"}', 'org')).toBe('x');
    expect(readTag('{"org": "exact", " org": "near"}', 'org')).toBe('exact');
    expect(readTag('"CostCenter": "1234","env": "prod"', 'env')).toBe('prod');
    expect(readTag('team=ml;initiative=Copilot', 'initiative')).toBe('Copilot');
    expect(readTag('NULL', 'org')).toBeNull();
  });

  it('finds the header under title rows and names merged/two-row headers', () => {
    const rows = [
      ['AI spend FY2026', null, null, null],
      [null, null, null, null],
      ['Initiative', 'Actuals', null, null],
      [null, 'Jan', 'Feb', 'Mar'],
      ['Copilot', 1, 2, 3],
    ];
    const i = detectHeaderRow(rows);
    expect(i).toBe(2);
    expect(buildHeaders(rows, i)).toEqual({
      headers: ['Initiative', 'Actuals Jan', 'Actuals Feb', 'Actuals Mar'],
      depth: 2,
    });
  });

  it('recognises vendor exports by their headers', () => {
    expect(
      detectFormat(['line_item_usage_start_date', 'line_item_unblended_cost', 'line_item_product_code'])
        .format,
    ).toBe('aws-cur2');
    expect(
      detectFormat(['start_time', 'end_time', 'amount_value', 'amount_currency', 'line_item']).format,
    ).toBe('openai-cost');
    const activity = detectFormat(['start_time', 'num_model_requests', 'input_tokens', 'output_tokens']);
    expect(activity.format).toBe('openai-activity');
    expect(activity.unsupported).toMatch(/no cost/);
    expect(detectFormat(['date', 'costInBillingCurrency', 'billingCurrency', 'meterCategory']).format).toBe(
      'azure-mca',
    );
  });
});
