import path from 'node:path';
import type JSZip from 'jszip';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { money, moveValue, pct } from '../../../shared/export/format';
import type { PackData } from '../../../shared/export/packTypes';
import { loadPackData } from '../../../electron/pack/data';
import { exportPack } from '../../../electron/pack/export';
import { buildDeck } from '../../../electron/pack/pptx/deck';
import { tempWorkspace } from '../../helpers/tempWorkspace';
import { openZip, paragraphsText, partsMatching, runs, text } from './deckXml';

/**
 * Speaker notes: every figure a content slide shows — in its text and in its charts' data — has an
 * explanation in the slide's notes (the formula in words, the sums, the import batches), and the batches
 * it names are listed with their source files. The demo workspace, with a pack of FY2026-Q2 exported
 * first, so "changes since the last pack" compares with that pack's snapshot.
 */

const PERIOD = 'FY2026-Q3';

interface SlideParts {
  name: string;
  title: string;
  texts: string[];
  charts: string[];
  notes: string;
}

/** A slide's text runs without its fields (the slide number). */
function slideRuns(xml: string): string[] {
  return runs(xml.replace(/<a:fld\b[\s\S]*?<\/a:fld>/g, ''));
}

/** Figures written in a slide's text: money, percentages, points, months, days, hours; whole-cell numbers. */
function figuresInText(texts: string[]): string[] {
  const out: string[] = [];
  for (const t of texts) {
    if (/^\d[\d,]*(\.\d+)?$/.test(t.trim())) {
      out.push(t.trim());
      continue;
    }
    for (const m of t.matchAll(
      /[+-]?\$[\d,]*\d(?:\.\d+)?(?!\.?\d|[A-Za-z])|[+-]?\d[\d,]*(?:\.\d+)? pts|[+-]?\d[\d,]*(?:\.\d+)?%|\b\d+ mo\b|\b\d[\d,]*(?:\.\d+)? (?:days|h)\b/g,
    ))
      out.push(m[0]);
  }
  return out.map((f) => f.replace(/^\+/, ''));
}

/** The values a chart plots, formatted as the pack formats them (its value axis says in what unit). */
function figuresInChart(xml: string, currency: string): string[] {
  const axis = /<c:valAx>[\s\S]*?formatCode="([^"]*)"/.exec(xml)?.[1] ?? '';
  const out: string[] = [];
  for (const val of xml.matchAll(/<c:val>([\s\S]*?)<\/c:val>/g))
    for (const v of val[1]!.matchAll(/<c:v>([^<]*)<\/c:v>/g)) {
      if (v[1] === '') continue;
      const n = Number(v[1]);
      expect(Number.isFinite(n), `chart value ${v[1]}`).toBe(true);
      if (axis.includes('%')) out.push(pct(n));
      else if (axis.includes('mo')) out.push(`${n} months`);
      else out.push(money(Math.round(n * 100) * 10_000, currency));
    }
  return out;
}

/** A notes part's text, the notes placeholder's paragraphs as lines (no line runs inside a paragraph). */
function notesText(xml: string): string {
  const body = /<p:ph type="body"[\s\S]*?<p:txBody>([\s\S]*?)<\/p:txBody>/.exec(xml)![1]!;
  for (const p of body.matchAll(/<a:t>([^<]*)<\/a:t>/g)) expect(p[1]).not.toMatch(/[\r\n]/);
  return paragraphsText(body);
}

/** The notes as blocks (separated by blank lines). */
const blocksOf = (notes: string) => notes.split(/\n\s*\n/);

/** Whether `line` shows the figure `f` (a whole number is matched as a whole). */
function lineShows(line: string, f: string): boolean {
  const at = `(^|[^\\d.,])${escape(f)}`;
  if (/^\d[\d,]*(\.\d+)?$/.test(f)) return new RegExp(`${at}([^\\d,]|\\.(?!\\d)|$)`).test(line);
  return new RegExp(at).test(line);
}

/**
 * Where the notes explain figure `f`: a line showing it in a block that states a formula, or (a count of
 * rows) a source file's line; a percentage written in a decision's own text is named as such.
 */
function explanationOf(notes: string, f: string): string | null {
  for (const block of blocksOf(notes)) {
    const lines = block.split('\n');
    if (block.includes('Formula:') && lines.some((l) => lineShows(l, f))) return block;
    if (
      block.startsWith('Source files:') &&
      /^\d[\d,]*$/.test(f) &&
      lines.some((l) => l.includes(` ${f} rows`))
    )
      return block;
    if (block.includes(`“${f}” is written in the text`)) return block;
  }
  return null;
}

describe('speaker notes explain every figure on every content slide (demo workspace)', () => {
  const ws = tempWorkspace({ demo: true });
  let data: PackData;
  let zip: JSZip;
  const slides: SlideParts[] = [];

  beforeAll(async () => {
    // The last pack sent: FY2026-Q2's, recorded as a snapshot.
    await exportPack(
      ws,
      {
        period: 'FY2026-Q2',
        pdf: false,
        xlsx: false,
        pptx: true,
        allowUncommentedRed: true,
        outDir: path.join(ws.dir, 'q2'),
        packDate: '2026-07-10',
      },
      { render: () => Promise.reject(new Error('the deck needs no printer')) },
    );
    data = loadPackData(ws.db, PERIOD);
    zip = await openZip(await buildDeck(data, '2026-10-12'));
    for (const name of partsMatching(zip, /^ppt\/slides\/slide\d+\.xml$/)) {
      const xml = await text(zip, name);
      const rels = await text(zip, name.replace('slides/', 'slides/_rels/') + '.rels');
      const notesName = /notesSlides\/(notesSlide\d+\.xml)/.exec(rels)![1]!;
      const charts = await Promise.all(
        [...rels.matchAll(/Target="[./]*(?:ppt\/)?charts\/(chart\d+\.xml)"/g)].map((m) =>
          text(zip, `ppt/charts/${m[1]}`),
        ),
      );
      const texts = slideRuns(xml);
      slides.push({
        name,
        title: texts[0] ?? '',
        texts,
        charts,
        notes: notesText(await text(zip, `ppt/notesSlides/${notesName}`)),
      });
    }
  }, 120_000);
  afterAll(() => ws.close());

  /** The reference slides at the end (sources, definitions) state settings and targets, not figures. */
  const content = () => slides.slice(1).filter((s) => !/^(Sources|Definitions)\b/.test(s.title));

  it('every number a content slide shows, in text or chart data, has an explanation with its formula', () => {
    expect(content().length).toBeGreaterThanOrEqual(12);
    let checked = 0;
    for (const s of content()) {
      const figures = [
        ...figuresInText(s.texts),
        ...s.charts.flatMap((c) => figuresInChart(c, data.report.currency)),
      ];
      for (const f of figures) {
        expect(explanationOf(s.notes, f), `${s.name} (${s.title}): ${f} is not explained`).not.toBeNull();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('every batch an explanation names is listed with its source file (the demo files, with SHA-256)', () => {
    const demoFiles = data.batches.map((b) => b.fileName);
    expect(demoFiles).toContain('Demo data: spend');
    for (const s of content()) {
      const named = new Set(
        [...s.notes.matchAll(/batch(?:es)? ((?:#\d+(?:, )?)+)/g)].flatMap((m) =>
          [...m[1]!.matchAll(/#(\d+)/g)].map((x) => Number(x[1])),
        ),
      );
      const sources = blocksOf(s.notes).find((b) => b.startsWith('Source files:')) ?? '';
      for (const id of named) {
        const b = data.batches.find((x) => x.id === id)!;
        expect(sources, `${s.title}: batch #${id}`).toContain(`#${id} ${b.fileName} — `);
        expect(sources).toContain(b.fileSha256);
      }
      if (s.notes.includes('Formula:')) expect(named.size, s.title).toBeGreaterThan(0);
      for (const block of blocksOf(s.notes).filter((b) => /^[^\s].*: /.test(b) && b.includes('Formula:')))
        expect(block, `${s.title}: a figure's block names its formula in words`).toMatch(/Formula: \S.{10,}/);
    }
  });

  it('changes: each moved figure was / now, each from where it comes (the last pack’s snapshot, this report)', () => {
    const ch = data.changes;
    expect(ch.basis).toBe('snapshot');
    expect(ch.movers.length).toBeGreaterThan(3);
    const notes = slides
      .filter((s) => s.title.startsWith('Changes since the last pack'))
      .map((s) => s.notes)
      .join('\n\n');
    const blocks = blocksOf(notes);
    const c = data.report.currency;
    for (const m of ch.movers) {
      // As the slide shows them (whole units), then exactly when that rounds.
      const shown = (v: number | null) => {
        const whole = moveValue(m, v, c, 'units');
        const exact = moveValue(m, v, c);
        return whole === exact ? whole : `${whole} (exactly ${exact})`;
      };
      const head = `${m.label}: was ${shown(m.from)}, now ${shown(m.to)}, change `;
      const block = blocks.find((b) => b.startsWith(head));
      expect(block, head).toBeTruthy();
      const [was, now] = block!.split(/\n {2}Now — /);
      expect(was).toContain(`Was — FY2026-Q2, from the pack exported on`);
      expect(was).toContain(`snapshot ${ch.againstSnapshotId}`);
      // The earlier value is the snapshot's explanation, with its formula and batches.
      expect(was).toMatch(new RegExp(`\\n {4}[^\\n]+: ${escape(shown(m.from))}\\n {6}Formula: `));
      expect(now).toMatch(
        new RegExp(`^FY2026-Q3, this report:\\n {4}[^\\n]+: ${escape(shown(m.to))}\\n {6}Formula: `),
      );
      expect(was).toMatch(/batch(es)? #\d/);
      expect(now).toMatch(/batch(es)? #\d/);
    }
    for (const sc of ch.statusChanges) expect(notes).toContain(`${sc.name}: status was `);
  });

  it('decisions: each decision and priority with the report figures it cites', () => {
    const notes = slides.find((s) => s.title === 'Decisions requested')!.notes;
    const decisions = data.commentary
      .find((x) => x.scope === 'decisions')!
      .body.split('\n')
      .filter(Boolean);
    decisions.forEach((d, i) => expect(notes).toContain(`Decision ${i + 1}: ${d.trim()}`));
    // "Cut inference cost per key action by 15%": the KPI it names, explained; 15% is the text's own.
    const kpi = data.report.kpis.find((k) => k.id === 'inference_cost_per_action')!;
    const block = blocksOf(notes).find((b) => b.includes('inference cost per key action'))!;
    expect(block).toContain(`${data.report.explanations[kpi.explain]!.label}: `);
    expect(block).toContain('Formula: ');
    expect(block).toContain('“15%” is written in the text');
    // "…model API budget, funded from the unused tooling line": both categories' figures.
    const first = blocksOf(notes).find((b) => b.startsWith('Decision 1:'))!;
    for (const cat of ['model_api', 'tooling']) {
      const row = data.report.budget.byCategory.find((r) => r.category === cat)!;
      expect(first).toContain(`${data.report.explanations[row.budget.explain]!.label}: `);
    }
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
