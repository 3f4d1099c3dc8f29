import type { DeckContext } from '../deckContext';
import { Flow } from '../flow';
import { commentaryItems } from './commentary';

/** What the board is asked to decide, and the priorities for next quarter, as written on the Narrative screen. */
export function decisionsSlide(d: DeckContext): void {
  const flow = new Flow(
    d,
    'Decisions requested',
    'The decisions and next-quarter priorities are the ones written on the Narrative screen for the quarter, one per line.',
    d.data.report.period.label,
  );
  flow.bullets(commentaryItems(d.data, 'decisions'), 'No decisions are requested this quarter.', 16);
  flow.heading('Priorities for next quarter');
  flow.bullets(commentaryItems(d.data, 'priorities'), 'No priorities were recorded for next quarter.', 14);
}
