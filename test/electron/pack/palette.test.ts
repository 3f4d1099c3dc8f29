import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RagStatus } from '../../../shared/domain';
import { STATUS_LABEL } from '../../../shared/export/format';
import {
  BENEFIT,
  BUDGET,
  COST,
  OVER,
  PROJECTED,
  STATUS_COLOUR,
  STATUS_GLYPH,
} from '../../../shared/export/palette';
import { loadPackData } from '../../../electron/pack/data';
import { buildDeck } from '../../../electron/pack/pptx/deck';
import {
  contrastOnWhite,
  deltaE2000,
  seenDifference,
  simulate,
  toLab,
  type Vision,
} from '../../helpers/colourVision';
import { tempWorkspace } from '../../helpers/tempWorkspace';
import { openZip, partsMatching, runs, text } from './deckXml';

/** Below this CIEDE2000 difference two colours side by side are easily confused (≈ 2.3 is just noticeable). */
const MIN_DELTA_E = 10;
const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];
const STATUSES: RagStatus[] = ['green', 'amber', 'red', 'no_data'];

/** The colours each chart or table of the PDF and the deck shows together. */
const USED_TOGETHER: { where: string; colours: Record<string, string> }[] = [
  {
    where: 'statuses (scorecard, tiles, variance chart points, sparklines)',
    colours: Object.fromEntries(STATUSES.map((s) => [s, STATUS_COLOUR[s]])),
  },
  { where: 'cumulative cost, benefit and projected benefit (PDF)', colours: { COST, BENEFIT, PROJECTED } },
  { where: 'budget against actual by month (PDF and deck), cumulative (deck)', colours: { BUDGET, COST } },
  { where: 'ROI by initiative: positive and negative bars (PDF)', colours: { BENEFIT, OVER } },
];

describe('colour-vision helper', () => {
  it('CIEDE2000 matches Sharma, Wu & Dalal (2005) test pairs', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
    expect(deltaE2000([2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514])).toBeCloseTo(0.9082, 4);
  });

  it('the simulation confuses what those readers confuse, and leaves grey grey', () => {
    // Pure red and a green of similar lightness: far apart normally, close for a deuteranope.
    expect(seenDifference('#cc0000', '#5a7a00', 'normal')).toBeGreaterThan(40);
    expect(seenDifference('#cc0000', '#5a7a00', 'deuteranopia')).toBeLessThan(12);
    // Blue against yellow-green is what tritanopes lose.
    expect(seenDifference('#3060d0', '#30a080', 'tritanopia')).toBeLessThan(
      seenDifference('#3060d0', '#30a080', 'normal') / 2,
    );
    for (const v of VISIONS) {
      const [l, a, b] = toLab(simulate('#808080', v));
      expect(l).toBeCloseTo(53.59, 1);
      expect(Math.abs(a) + Math.abs(b)).toBeLessThan(1.5);
    }
  });
});

describe('the pack palette (shared/export/palette.ts, the PDF and the deck) is colour-blind safe', () => {
  it(`every pair shown together differs by ΔE2000 ≥ ${MIN_DELTA_E} for normal, protan, deutan and tritan vision`, () => {
    const failures: string[] = [];
    for (const group of USED_TOGETHER) {
      const entries = Object.entries(group.colours);
      for (let i = 0; i < entries.length; i++)
        for (let j = i + 1; j < entries.length; j++)
          for (const v of VISIONS) {
            const [[an, a], [bn, b]] = [entries[i]!, entries[j]!];
            const d = seenDifference(a, b, v);
            if (d < MIN_DELTA_E)
              failures.push(`${group.where}: ${an} ${a} / ${bn} ${b}, ${v}: ΔE ${d.toFixed(1)}`);
          }
    }
    expect(failures).toEqual([]);
  });

  it('status colours are readable as text on white (contrast ≥ 4.5), chart lines as graphics (≥ 3)', () => {
    for (const s of ['green', 'amber', 'red'] as const)
      expect(contrastOnWhite(STATUS_COLOUR[s]), s).toBeGreaterThanOrEqual(4.5);
    for (const c of [COST, BENEFIT, PROJECTED, OVER]) expect(contrastOnWhite(c), c).toBeGreaterThanOrEqual(3);
  });

  it('the PDF’s stylesheet uses the same status colours', () => {
    const css = fs.readFileSync(path.resolve(__dirname, '../../../renderer/src/print/print.css'), 'utf8');
    for (const s of ['green', 'amber', 'red'] as const)
      expect(new RegExp(`--${s}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)?.[1]?.toLowerCase(), s).toBe(
        STATUS_COLOUR[s],
      );
  });
});

describe('status is never colour alone on the deck’s scorecard', () => {
  const ws = tempWorkspace({ demo: true });
  afterAll(() => ws.close());

  it('every status-coloured run carries its shape and its word, one per KPI', async () => {
    const data = loadPackData(ws.db, 'FY2026-Q3');
    const zip = await openZip(await buildDeck(data, '2026-10-12'));
    const byHex = new Map(STATUSES.map((s) => [STATUS_COLOUR[s].slice(1).toUpperCase(), s]));
    const cells: { status: RagStatus; text: string }[] = [];
    for (const name of partsMatching(zip, /^ppt\/slides\/slide\d+\.xml$/)) {
      const xml = await text(zip, name);
      if (!runs(xml)[0]?.startsWith('KPI scorecard')) continue;
      // Table cells only (the legend above the table is a text box of its own).
      for (const tc of xml.matchAll(/<a:tc\b[\s\S]*?<\/a:tc>/g))
        for (const r of tc[0].matchAll(/<a:r>([\s\S]*?)<\/a:r>/g)) {
          const colour = /<a:rPr\b[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/.exec(r[1]!)?.[1];
          const status = colour ? byHex.get(colour) : undefined;
          if (status) cells.push({ status, text: runs(r[1]!).join('') });
        }
    }
    expect(cells.length).toBe(data.report.kpis.length);
    for (const c of cells) expect(c.text).toBe(`${STATUS_GLYPH[c.status]} ${STATUS_LABEL[c.status]}`);
    // The shapes differ by themselves (circle, triangle, square, ring), as the words do.
    expect(new Set(STATUSES.map((s) => STATUS_GLYPH[s])).size).toBe(4);
    expect(new Set(cells.map((c) => c.status)).size).toBeGreaterThanOrEqual(3);
    expect(data.report.kpis.map((k) => k.status).sort()).toEqual(cells.map((c) => c.status).sort());
  });
});
