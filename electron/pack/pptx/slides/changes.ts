import {
  KIND_LABEL,
  longDate,
  moveValue,
  points,
  boardSignedMoney,
  signedPct,
  utcTime,
  STATUS_LABEL,
} from '../../../../shared/export/format';
import { targetChangeText, targetStatusEffect } from '../../../../shared/export/targetChangeText';
import type { DeckContext } from '../deckContext';
import { Flow } from '../flow';
import { changesNotes } from './changesNotes';
import { statusCell } from '../parts';
import { COLOURS } from '../theme';
import { cleanLine } from '../text';

/** What changed since the last pack: status changes, the figures that moved most, the data imported since. */
export function changesSlides(d: DeckContext): void {
  const ch = d.data.changes;
  const c = d.currency;
  const basis =
    ch.basis === 'snapshot'
      ? `Compared with the last pack exported, for ${ch.againstPeriod} on ${longDate(ch.againstCreatedAt ?? '')} (snapshot ${ch.againstSnapshotId}), as its figures stood then.`
      : ch.basis === 'previous_quarter'
        ? `No earlier pack was exported from this workspace: compared with ${ch.againstPeriod} as computed from the same data.`
        : 'No earlier pack or quarter to compare with.';
  const notes = changesNotes(d.data, basis);
  const flow = new Flow(d, 'Changes since the last pack', notes);
  flow.paragraph(basis, { fontPt: 11, colour: COLOURS.muted });
  // A status that changed only because its target did is listed with the target changes, not as performance.
  const performance = ch.statusChanges.filter((s) => s.cause !== 'target');
  flow.heading('KPIs whose status changed');
  if (performance.length === 0)
    flow.paragraph('No KPI changed status on its performance.', { italic: true, colour: COLOURS.muted });
  else
    flow.table(
      [
        { header: 'KPI', w: 6.333 },
        { header: 'Was', w: 3.0 },
        { header: 'Now', w: 3.0 },
      ],
      performance.map((s) => [cleanLine(s.name), statusCell(s.from), statusCell(s.to)]),
    );
  const targets = ch.targetChanges ?? [];
  if (targets.length > 0) {
    flow.heading('Target changes');
    flow.table(
      [
        { header: 'KPI', w: 3.333 },
        { header: 'Target', w: 4.0 },
        { header: 'Effect on status', w: 5.0 },
      ],
      targets.map((t) => [
        cleanLine(t.name),
        `${targetChangeText(t, c)}${t.effectiveFrom ? ` from ${t.effectiveFrom}` : ''}`,
        targetStatusEffect(t, (x) => STATUS_LABEL[x]),
      ]),
    );
  }
  flow.heading('Figures that moved most');
  if (ch.movers.length === 0) flow.paragraph('No figure moved.', { italic: true, colour: COLOURS.muted });
  else
    flow.table(
      [
        { header: 'Figure', w: 4.333 },
        { header: 'Was', w: 2.4, align: 'right' },
        { header: 'Now', w: 2.4, align: 'right' },
        { header: 'Change', w: 3.2, align: 'right' },
      ],
      ch.movers.map((m) => [
        cleanLine(m.label),
        moveValue(m, m.from, c, 'units'),
        moveValue(m, m.to, c, 'units'),
        m.unit === 'money'
          ? `${boardSignedMoney(m.change, c)}${m.changePct === null ? '' : ` (${signedPct(m.changePct)})`}`
          : points(m.change),
      ]),
    );
  flow.heading('Data imported since');
  if (ch.importedSince.length === 0)
    flow.paragraph('No data was imported since.', { italic: true, colour: COLOURS.muted });
  else
    flow.table(
      [
        { header: 'File', w: 6.333 },
        { header: 'Kind', w: 2.2 },
        { header: 'Rows', w: 1.2, align: 'right' },
        { header: 'Imported', w: 2.6 },
      ],
      ch.importedSince.map((b) => [
        cleanLine(b.fileName),
        KIND_LABEL[b.kind] ?? b.kind,
        String(b.rows),
        utcTime(b.importedAt),
      ]),
    );
}
