import { headerKey, tidyHeader } from './headers';
import type { FormatId, ImportKind } from './mapping';

export interface DetectedFormat {
  format: FormatId;
  /** The data kind the format carries; null when it carries none we store. */
  kind: ImportKind | null;
  label: string;
  /** Why a recognised file cannot be imported as is (e.g. an OpenAI activity export has no cost). */
  unsupported: string | null;
}

function has(keys: Set<string>, ...wanted: string[]): boolean {
  return wanted.every((w) => keys.has(w));
}

/** Recognises vendor exports by their headers (vendors rename columns over time, file names mean nothing). */
export function detectFormat(headers: readonly string[]): DetectedFormat {
  const keys = new Set(headers.map(headerKey));
  const raw = headers.map(tidyHeader);
  const d = (
    format: FormatId,
    kind: ImportKind | null,
    label: string,
    unsupported: string | null = null,
  ) => ({
    format,
    kind,
    label,
    unsupported,
  });
  if (has(keys, 'billedcost', 'effectivecost', 'chargeperiodstart', 'billingcurrency')) {
    const version = keys.has('pricingcurrency') || keys.has('servicesubcategory') ? '1.1+' : '1.0';
    return d('focus', 'spend', `FOCUS ${version} cost export`);
  }
  if (
    has(keys, 'costinbillingcurrency', 'date') ||
    has(keys, 'costinbillingcurrency', 'billingperiodstartdate')
  ) {
    return d('azure-mca', 'spend', 'Azure Cost Management export (MCA)');
  }
  if (
    has(keys, 'metercategory', 'cost', 'date', 'billingcurrency') ||
    has(keys, 'metercategory', 'cost', 'date', 'billingcurrencycode')
  ) {
    return d('azure-ea', 'spend', 'Azure Cost Management export (EA)');
  }
  if (has(keys, 'lineitemunblendedcost', 'lineitemusagestartdate')) {
    return raw.some((h) => h.toLowerCase().startsWith('lineitem/'))
      ? d('aws-cur', 'spend', 'AWS Cost and Usage Report (legacy)')
      : d('aws-cur2', 'spend', 'AWS Cost and Usage Report 2.0');
  }
  if (has(keys, 'usagedateutc', 'costusd')) return d('anthropic', 'spend', 'Anthropic Console cost export');
  if (has(keys, 'usagedateutc', 'usageinputtokensnocache')) {
    return d(
      'anthropic',
      null,
      'Anthropic Console token export',
      'it counts tokens but carries no cost; export the Cost CSV instead',
    );
  }
  if (has(keys, 'amountvalue', 'amountcurrency', 'starttime'))
    return d('openai-cost', 'spend', 'OpenAI cost export');
  if (has(keys, 'nummodelrequests', 'inputtokens', 'starttime')) {
    return d(
      'openai-activity',
      null,
      'OpenAI activity export',
      'it counts requests and tokens but carries no cost; export the cost report instead',
    );
  }
  if (has(keys, 'usecasename') && (keys.has('stageofdevelopment') || keys.has('developmentstage'))) {
    return d('omb-inventory', 'initiatives', 'U.S. federal AI use-case inventory');
  }
  return d('generic', null, 'Table');
}
