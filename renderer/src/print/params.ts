import { HANDED_DATA_PARAM, HANDED_DATA_VALUE } from '../../../shared/export/handOver';

/** What the print page is asked to show: `print.html?period=FY2026-Q3&date=2026-11-26[&data=handed]`. */
export interface PrintParams {
  period: string | null;
  packDate: string;
  /** The printer hands the pack data over (an export); otherwise the page asks the service (a preview). */
  handedData: boolean;
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function readPrintParams(search: string): PrintParams {
  const p = new URLSearchParams(search);
  const period = p.get('period');
  const date = p.get('date');
  return {
    period: period && /^FY\d{4}-Q[1-4]$/.test(period) ? period : null,
    packDate: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today(),
    handedData: p.get(HANDED_DATA_PARAM) === HANDED_DATA_VALUE,
  };
}
