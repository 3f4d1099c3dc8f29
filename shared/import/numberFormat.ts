import { currencyMark } from './currency';

/**
 * The currency a spreadsheet cell's number format shows (Excel and LibreOffice keep it in the format, not
 * in the value: 1234.5 formatted `[$€-407] #,##0.00` is shown "1.234,50 €"). A workbook with no currency
 * column and no code in its header still says its currency this way, cell by cell.
 *
 * Read from, in order: a currency tag `[$€-407]`, `[$EUR]`, `[$$-409]` (its locale id decides a shared sign:
 * `$-409` is USD, `$-1009` CAD); a quoted literal that is only a sign or code (`"£"#,##0.00`, `#,##0.00 " €"`);
 * a bare or escaped sign outside quotes (`$#,##0`, `\€#,##0.00`, `#,##0.00 €`). Locale-only tags (`[$-407]`,
 * dates), colours and conditions say nothing. The result is what the cell would carry had the currency been
 * written in it: a code, or a sign as written ("$" alone stays a shared sign, never guessed).
 */
export function numberFormatCurrency(format: string): string | null {
  for (const section of splitSections(format)) {
    const found = sectionCurrency(section);
    if (found) return found;
  }
  return null;
}

/**
 * Shared signs made one currency by the locale id of their tag (Windows LCIDs in hex, as Excel writes them).
 * A tag with a shared sign and any other locale stays the shared sign: decided as one written in a cell.
 */
const LOCALE_CURRENCY: Record<string, Record<string, string>> = {
  $: {
    '409': 'USD', // en-US
    '1009': 'CAD', // en-CA
    C0C: 'CAD', // fr-CA
    C09: 'AUD', // en-AU
    '1409': 'NZD', // en-NZ
    '3C09': 'HKD', // en-HK
    '1004': 'SGD', // zh-SG
    '4809': 'SGD', // en-SG
    '80A': 'MXN', // es-MX
    '2C0A': 'ARS', // es-AR
    '340A': 'CLP', // es-CL
    '240A': 'COP', // es-CO
    '404': 'TWD', // zh-TW
  },
  '¥': { '411': 'JPY', '804': 'CNY' },
  kr: { '406': 'DKK', '41D': 'SEK', '414': 'NOK', '814': 'NOK', '40F': 'ISK' },
  'kr.': { '406': 'DKK', '41D': 'SEK', '414': 'NOK', '814': 'NOK', '40F': 'ISK' },
};

/** The format's sections (positive; negative; zero; text), split on `;` outside quotes and brackets. */
function splitSections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '\\' && !quoted && i + 1 < format.length) {
      current += c + format[++i]!;
      continue;
    }
    if (c === '"' && !bracket) quoted = !quoted;
    else if (c === '[' && !quoted) bracket = true;
    else if (c === ']' && !quoted) bracket = false;
    if (c === ';' && !quoted && !bracket) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

/** The sign or code an `[$…]` tag, a quoted literal or a bare sign of one section names. */
function sectionCurrency(section: string): string | null {
  for (const m of section.matchAll(/\[\$([^\]]*)\]/g)) {
    const tag = m[1]!;
    const dash = tag.lastIndexOf('-');
    const sign = (dash > 0 ? tag.slice(0, dash) : dash === 0 ? '' : tag).trim();
    if (sign === '') continue; // a locale-only tag ([$-407]): dates, digits
    const locale =
      dash > 0
        ? tag
            .slice(dash + 1)
            .toUpperCase()
            .replace(/^0+/, '')
        : '';
    const byLocale = LOCALE_CURRENCY[sign]?.[locale];
    if (byLocale) return byLocale;
    if (currencyMark(sign)) return sign;
  }
  for (const m of section.matchAll(/"([^"]*)"/g)) {
    const literal = m[1]!.trim();
    if (literal !== '' && currencyMark(literal)) return literal;
  }
  // Outside quotes and tags: a bare or escaped sign (Excel writes "$" and "€" unquoted).
  // `_x` (the width of x) and `*x` (fill with x) show no x.
  const bare = section
    .replace(/"[^"]*"/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[_*]./g, ' ')
    .replace(/\\(.)/g, '$1');
  const sign = /[$€£¥₹₩₽₺₪₫฿₱]/.exec(bare);
  return sign ? sign[0] : null;
}

/**
 * Whether a number format shows a date or a time: any of y m d h s b outside quoted literals and `[…]` tags
 * (the rule exceljs applies, so a workbook reads as it always did). A number so formatted is an Excel serial.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * An Excel serial (days since 1899-12-30, or since 1904-01-01 in a workbook on the 1904 date system) as ISO
 * text to the millisecond, rounded as Excel shows it; '' for a serial no date can hold.
 */
export function excelSerialIso(serial: number, date1904: boolean): string {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}
