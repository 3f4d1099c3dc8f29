import type { DeckContext } from '../deckContext';
import { Flow } from '../flow';
import { commentaryItems } from './commentary';
import { commentaryNotes } from './commentaryNotes';

/** What the board is asked to decide, and the priorities for next quarter, as written on the Narrative screen. */
export function decisionsSlide(d: DeckContext): void {
  const decisions = commentaryItems(d.data, 'decisions');
  const priorities = commentaryItems(d.data, 'priorities');
  const notes = commentaryNotes(
    d.data,
    'The decisions and next-quarter priorities are the ones written on the Narrative screen for the quarter, one per line. Under each, the report figures it cites (the initiatives, KPIs and spend categories it names, and any amount that is one of the report’s figures), with where each comes from.',
    [
      { title: 'Decision', items: decisions },
      { title: 'Priority', items: priorities },
    ],
  );
  const flow = new Flow(d, 'Decisions requested', notes, d.data.report.period.label);
  flow.bullets(decisions, 'No decisions are requested this quarter.', 16);
  flow.heading('Priorities for next quarter');
  flow.bullets(priorities, 'No priorities were recorded for next quarter.', 14);
}
