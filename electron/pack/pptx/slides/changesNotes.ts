import { longDate, moveValue, points, signedPct, STATUS_LABEL } from '../../../../shared/export/format';
import { STATUS_GLYPH } from '../../../../shared/export/palette';
import type { FigureMove, PackData, StatusChange } from '../../../../shared/export/packTypes';
import type { RagStatus } from '../../../../shared/domain';
import { asShownAndExact, currentSet, explanationBlock, sourcesText, type ExplanationSet } from '../notes';

const status = (s: RagStatus) => `${STATUS_GLYPH[s]} ${STATUS_LABEL[s]}`;

/** Where the "was" values come from, in words. */
function earlierSource(data: PackData): string {
  const ch = data.changes;
  return ch.basis === 'snapshot'
    ? `${ch.againstPeriod}, from the pack exported on ${longDate(ch.againstCreatedAt ?? '')} (snapshot ${ch.againstSnapshotId}, its figures as recorded then)`
    : `${ch.againstPeriod}, computed now from the same data`;
}

/** A moved figure's value as the slide shows it (whole units) and, for money that rounds, exactly. */
function shownValue(m: FigureMove, v: number | null, currency: string): string {
  return m.unit === 'money' && v !== null ? asShownAndExact(v, currency) : moveValue(m, v, currency);
}

function changeText(m: FigureMove, currency: string): string {
  if (m.unit !== 'money') return points(m.change);
  return `${asShownAndExact(m.change, currency, true)}${m.changePct === null ? '' : ` (${signedPct(m.changePct)})`}`;
}

/**
 * One listed figure or status: what it was and is, then the earlier model's explanation (from the last pack's
 * snapshot, or last quarter computed now) and the current report's, each with its formula, sums and batches.
 */
function pairBlock(
  headline: string[],
  earlier: ExplanationSet | null,
  fromKey: string | null,
  now: ExplanationSet,
  toKey: string | null,
  was: string,
  current: string,
  wasShown?: string,
  nowShown?: string,
): { text: string; current: number[]; earlier: number[] } {
  const lines = [...headline];
  const before =
    earlier && fromKey
      ? explanationBlock(earlier, fromKey, { indent: '    ', ...(wasShown ? { shown: wasShown } : {}) })
      : null;
  lines.push(`  Was — ${was}:`);
  if (before) lines.push(...before.lines);
  else lines.push('    (the earlier record has no explanation of this figure)');
  const after = toKey
    ? explanationBlock(now, toKey, { indent: '    ', ...(nowShown ? { shown: nowShown } : {}) })
    : null;
  lines.push(`  Now — ${current}:`);
  if (after) lines.push(...after.lines);
  return { text: lines.join('\n'), current: after?.batchIds ?? [], earlier: before?.batchIds ?? [] };
}

/**
 * The changes slide's notes: the basis of the comparison, then for each moved figure its earlier and current
 * value with where each comes from (the earlier pack's snapshot and the current report) and their
 * explanations, the same for each KPI whose status changed, and the files imported since.
 */
export function changesNotes(data: PackData, basis: string): string {
  const ch = data.changes;
  const c = data.report.currency;
  const now = currentSet(data);
  const earlier: ExplanationSet | null = ch.earlier ? { ...ch.earlier, currency: c } : null;
  const was = earlierSource(data);
  const current = `${data.report.period.label}, this report`;
  const blocks: string[] = [
    basis,
    'A move is the figure now minus the figure then: change = now − was (money exact to the cent, ratios in percentage points); % change = change ÷ |was|. The largest moves come first.',
  ];
  const currentIds: number[] = [];
  const earlierIds: number[] = [];
  const take = (b: { text: string; current: number[]; earlier: number[] }) => {
    blocks.push(b.text);
    currentIds.push(...b.current);
    earlierIds.push(...b.earlier);
  };
  for (const m of ch.movers)
    take(
      pairBlock(
        [
          `${m.label}: was ${shownValue(m, m.from, c)}, now ${shownValue(m, m.to, c)}, change ${changeText(m, c)}`,
          `  Formula: change = now − was${m.unit === 'money' ? '; % change = change ÷ |was|' : ', in percentage points'}.`,
        ],
        earlier,
        m.fromExplain,
        now,
        m.explain,
        was,
        current,
        shownValue(m, m.from, c),
        shownValue(m, m.to, c),
      ),
    );
  for (const s of ch.statusChanges as StatusChange[])
    take(
      pairBlock(
        [
          `${s.name}: status was ${status(s.from)}, now ${status(s.to)}`,
          '  Formula: status from the KPI value against its target and amber threshold (see each explanation).',
        ],
        earlier,
        s.fromExplain,
        now,
        s.explain,
        was,
        current,
      ),
    );
  if (ch.importedSince.length)
    blocks.push(
      `Imported since: ${ch.importedSince.map((b) => `#${b.id} ${b.fileName} (${b.rows} rows)`).join('; ')}.`,
    );
  const ids = [...currentIds, ...earlierIds, ...ch.importedSince.map((b) => b.id)];
  if (ids.length) blocks.push(sourcesText(data, ids, ch.earlier?.batches));
  return blocks.join('\n\n');
}
