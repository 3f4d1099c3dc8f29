import { describe, expect, it } from 'vitest';
import { CreditsTally, readCredits } from '../../../shared/import/credits';

/** Google Cloud credits cells as BigQuery and its exports write them, read exactly (never through a double). */
describe('readCredits', () => {
  it('the repeated record as JSON text: every amount summed exactly, rounded once to micro-units', () => {
    const cell =
      '[{"name":"Sustained Usage Discount","amount":-0.0191235,"full_name":null,"id":"SUD-1","type":"SUSTAINED_USAGE_DISCOUNT"},' +
      '{"name":"Free Tier","amount":-0.0000005,"full_name":null,"id":"FT","type":"FREE_TIER"}]';
    // −0.0191235 − 0.0000005 = −0.019124 exactly (each rounded alone would give −0.019124 − 0.000001).
    expect(readCredits(cell, '.')).toEqual({ micro: -19_124, count: 2, currency: null });
  });

  it('amounts written as text (NUMERIC), in exponent form, with spaces after the colon', () => {
    expect(
      readCredits('[{"name": "Promo", "amount": "-12.5"}, {"name": "CUD", "amount": -1.5E-3}]', '.'),
    ).toEqual({
      micro: -12_501_500,
      count: 2,
      currency: null,
    });
  });

  it('an empty list is no credits; a plain amount is one, read with the file’s decimal separator', () => {
    expect(readCredits('[]', '.')).toEqual({ micro: 0, count: 0, currency: null });
    expect(readCredits('-210,00', ',')).toEqual({ micro: -210_000_000, count: 1, currency: null });
    expect(readCredits('-1,234.56 USD', '.')).toEqual({ micro: -1_234_560_000, count: 1, currency: 'USD' });
  });

  it('anything else is refused with what is wrong', () => {
    expect(() => readCredits('[{"name":"x"}]', '.')).toThrow(/not all records with an "amount"/);
    expect(() => readCredits('[{"amount":-1', '.')).toThrow(/not a list of credits/);
    expect(() => readCredits('[{"amount":-1,"detail":{"amount":2}}]', '.')).toThrow(
      /cannot all be read as written/,
    );
    expect(() => readCredits('5%', '.')).toThrow(/percentage/);
    expect(() => readCredits('free', '.')).toThrow();
  });
});

describe('CreditsTally', () => {
  it('says gross, credits and net per currency, counting the lines with credits', () => {
    const t = new CreditsTally();
    t.add('USD', 1_234_560_000, { micro: -210_000_000, count: 3, currency: null });
    t.add('USD', 5_000_000, null);
    t.add('EUR', 1_000_000, { micro: 0, count: 0, currency: null });
    expect(t.notes('cost', 'credits')).toEqual([
      'amounts are net of credits ("cost" + "credits"): cost 1,239.56 − credits 210.00 = 1,029.56 USD (1 of 2 lines with credits)',
      'amounts are net of credits ("cost" + "credits"): cost 1.00 − credits 0.00 = 1.00 EUR (0 of 1 line with credits)',
    ]);
  });

  it('a positive credit (a reversal) is said as added', () => {
    const t = new CreditsTally();
    t.add('USD', 10_000_000, { micro: 2_000_000, count: 1, currency: null });
    expect(t.notes('cost', 'credits')[0]).toContain('cost 10.00 + credits 2.00 = 12.00 USD');
  });
});
