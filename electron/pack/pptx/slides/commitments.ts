import {
  COMMITMENT_TYPE_LABEL,
  commitmentOutlookText,
  commitmentStatus,
} from '../../../../shared/format/commitment';
import { boardMoney as money, shortMonth } from '../../../../shared/export/format';
import { STATUS_GLYPH } from '../../../../shared/export/palette';
import type { DeckContext } from '../deckContext';
import { Flow } from '../flow';
import { explainNotes } from '../notes';
import { STATUS_HEX } from '../theme';

/**
 * Commitments and prepaid credits, after the run-rate slide: one row each (drawdown, run rate, outlook),
 * then each warning in full. No slide when there are none in force this fiscal year.
 */
export function commitmentsSlide(d: DeckContext): void {
  const r = d.data.report;
  const c = d.currency;
  if (r.commitments.length === 0) return;
  const notes = explainNotes(
    d.data,
    r.commitments.flatMap((x) => [
      x.amount.explain,
      x.used.explain,
      x.remaining.explain,
      x.monthlyRate.explain,
      x.projectedUnused.explain,
      x.explain,
    ]),
    `Used = spend with the vendor in the commitment's months, to ${r.period.end}. Run rate = mean monthly spend with the vendor over ${r.runRate.months.map(shortMonth).join(', ')}; run-out date = as-of date + remaining ÷ daily rate. A negative remaining amount is an overrun.`,
  );
  const flow = new Flow(d, 'Commitments and prepaid credits', notes, `as of ${r.period.end} · ${c}`);
  flow.table(
    [
      { header: 'Commitment', w: 3.0 },
      { header: 'Amount', w: 1.45, align: 'right' },
      { header: 'Used', w: 1.45, align: 'right' },
      { header: 'Remaining', w: 1.45, align: 'right' },
      { header: 'Run rate / month', w: 1.45, align: 'right' },
      { header: 'Outlook at the current rate', w: 3.5 },
    ],
    r.commitments.map((x) => {
      const status = commitmentStatus(x);
      return [
        `${x.vendor} · ${COMMITMENT_TYPE_LABEL[x.type]}, ${x.start} to ${x.end}`,
        money(x.amount.micro, c),
        money(x.used.micro, c),
        money(x.remaining.micro, c),
        money(x.monthlyRate.micro, c),
        {
          text: `${STATUS_GLYPH[status]} ${commitmentOutlookText(x, c)}`,
          colour: STATUS_HEX[status],
        },
      ];
    }),
    { fontPt: 10 },
  );
  flow.heading('To act on');
  flow.bullets(
    r.commitments.flatMap((x) => (x.warning ? [x.warning] : [])),
    'Every commitment is on track to be used by its end.',
  );
}
