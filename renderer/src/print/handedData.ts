import { HANDED_DATA_EVENT, HANDED_DATA_GLOBAL } from '../../../shared/export/handOver';
import type { PackData } from '../../../shared/export/packTypes';

declare global {
  interface Window {
    [HANDED_DATA_GLOBAL]?: PackData;
  }
}

/**
 * The pack data the printer hands over (shared/export/handOver.ts): the one build the export's snapshot
 * records. Taken from the global when the printer was first, else when its event arrives.
 */
export function handedPackData(): Promise<PackData> {
  return new Promise((resolve) => {
    const take = (): boolean => {
      const data = window[HANDED_DATA_GLOBAL];
      if (data) resolve(data);
      return data !== undefined;
    };
    if (!take()) window.addEventListener(HANDED_DATA_EVENT, () => void take(), { once: true });
  });
}
