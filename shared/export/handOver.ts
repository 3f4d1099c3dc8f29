import type { PackData } from './packTypes';

/**
 * How a PDF printer hands the print page the pack data it has already built (the one build the snapshot
 * records), instead of the page asking the service for a second one: the printer opens
 * `print.html?…&data=handed`, then runs `handOverScript(data)` in the page (Playwright's evaluate,
 * Electron's executeJavaScript). The page takes the data from the global, or from the event when it
 * is still waiting, so neither side has to be first.
 */
export const HANDED_DATA_PARAM = 'data';
export const HANDED_DATA_VALUE = 'handed';
export const HANDED_DATA_GLOBAL = 'caioPackData';
export const HANDED_DATA_EVENT = 'caio-pack-data';

/** The script a printer runs in the print page. JSON is a JavaScript expression, so no escaping is needed. */
export function handOverScript(data: PackData): string {
  return `window.${HANDED_DATA_GLOBAL} = ${JSON.stringify(data)}; window.dispatchEvent(new Event('${HANDED_DATA_EVENT}')); true`;
}

/** The script that reads back what the page received (tests: the snapshot must describe exactly that). */
export const READ_HANDED_DATA_SCRIPT = `window.${HANDED_DATA_GLOBAL} ?? null`;
