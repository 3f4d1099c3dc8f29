import { afterAll, describe, expect, it } from 'vitest';
import { UNDER } from '../../../shared/export/palette';
import { loadPackData } from '../../../electron/pack/data';
import { buildDeck } from '../../../electron/pack/pptx/deck';
import { STATUS_HEX } from '../../../electron/pack/pptx/theme';
import { tempWorkspace } from '../../helpers/tempWorkspace';
import { openZip, partsMatching, runs, text } from './deckXml';

const ws = tempWorkspace({ demo: true });
afterAll(() => ws.close());

/** Each run's text with its colour (the run's solidFill), as the slide XML holds them. */
function colouredRuns(xml: string): { text: string; colour: string | null }[] {
  return [...xml.matchAll(/<a:r>([\s\S]*?)<\/a:r>/g)].map((m) => ({
    text: runs(m[1]!).join(''),
    colour: /<a:solidFill><a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(m[1]!)?.[1]?.toUpperCase() ?? null,
  }));
}

describe('the deck tells an under-spend from an over-spend', () => {
  it('words, mark and colour of each category follow the side of the budget it is on', async () => {
    const data = loadPackData(ws.db, 'FY2026-Q3');
    const byCategory = data.report.budget.byCategory;
    const under = byCategory.find((c) => c.status === 'red' && c.variance.micro < 0)!;
    const over = byCategory.find((c) => c.status === 'red' && c.variance.micro > 0)!;
    expect(under && over).toBeTruthy();

    const zip = await openZip(await buildDeck(data, '2026-10-12'));
    const all: { text: string; colour: string | null }[] = [];
    for (const part of partsMatching(zip, /^ppt\/slides\/slide\d+\.xml$/))
      all.push(...colouredRuns(await text(zip, part)));
    const underRuns = all.filter((r) => r.text === '▼ Under budget');
    const overRuns = all.filter((r) => r.text === '▲ Over budget');
    expect(underRuns.length).toBeGreaterThan(0);
    expect(overRuns.length).toBeGreaterThan(0);
    const underHex = UNDER.slice(1).toUpperCase();
    for (const r of underRuns) expect(r.colour).toBe(underHex);
    for (const r of overRuns) expect(r.colour).toBe(STATUS_HEX.red.toUpperCase());
    expect(underHex).not.toBe(STATUS_HEX.red.toUpperCase());
    // No category under budget is called over budget or "Off track".
    expect(all.some((r) => r.text === '■ Off track' && r.colour === underHex)).toBe(false);
  });
});
