import { describe, expect, it } from 'vitest';
import { numberFormatCurrency } from '../../../shared/import/numberFormat';

/** Number formats as Excel and LibreOffice write them, and the currency each shows. */
describe('numberFormatCurrency', () => {
  it.each([
    ['[$€-407] #,##0.00', '€'],
    ['#,##0.00 [$€-407]', '€'],
    ['"£"#,##0.00', '£'],
    ['_-[$$-409]* #,##0.00_-;\\-[$$-409]* #,##0.00_-;_-[$$-409]* "-"??_-;_-@_-', 'USD'],
    ['[$$-1009]#,##0.00', 'CAD'],
    ['[$$-C09]#,##0.00', 'AUD'],
    ['#,##0.00 [$EUR]', 'EUR'],
    ['[$CHF] #,##0.00', 'CHF'],
    ['[$¥-411]#,##0', 'JPY'],
    ['[$¥-804]#,##0.00', 'CNY'],
    ['#,##0.00\\ [$kr-41D]', 'SEK'],
    ['$#,##0.00_);[Red]\\($#,##0.00\\)', '$'],
    ['_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)', '$'],
    ['#,##0.00\\ "€"', '€'],
    ['#,##0.00 €', '€'],
    ['\\€#,##0.00', '€'],
    ['#,##0.00 "EUR"', 'EUR'],
    ['[$$-80A]#,##0.00', 'MXN'],
    ['[$$]#,##0.00', '$'],
  ])('%s → %s', (format, currency) => {
    expect(numberFormatCurrency(format)).toBe(currency);
  });

  it.each([
    'General',
    '#,##0.00',
    '0.00%',
    '[$-407]DD.MM.YYYY',
    '_(* #,##0.00_);_(* \\(#,##0.00\\)',
    '#,##0.00_€',
    '#,##0 "units"',
    '[Red][<0]-#,##0.00;#,##0.00',
  ])('%s shows no currency', (format) => {
    expect(numberFormatCurrency(format)).toBeNull();
  });
});
