import type { Page } from 'playwright-core';

/**
 * What a small window breaks, measured with bounding boxes in the page: table cells that overlap their
 * neighbours or whose text runs out of them, tables wider than the content area with no horizontal scroll
 * container around them, headings and tiles whose text overflows, and a page that scrolls sideways.
 * Returns one readable line per problem (empty when the layout holds).
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const main = document.querySelector('main');
    if (!main) return ['no main region'];
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const name = (el: Element) => {
      const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const label =
        el.getAttribute('aria-label') ?? el.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
      return `${el.tagName.toLowerCase()}${label ? `[${label}]` : ''} "${t}"`;
    };
    /** The nearest ancestor that scrolls sideways, if any. */
    const scroller = (el: Element): Element | null => {
      for (let a = el.parentElement; a && a !== main; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o === 'auto' || o === 'scroll') return a;
      }
      return null;
    };
    // Tolerance for sub-pixel rounding.
    const EPS = 1;
    const bounds = main.getBoundingClientRect();
    for (const table of Array.from(main.querySelectorAll('table'))) {
      if (!shown(table)) continue;
      const box = table.getBoundingClientRect();
      if (!scroller(table) && box.right > bounds.right + EPS)
        problems.push(`${name(table)} is wider than the content area and does not scroll`);
      for (const row of Array.from(table.rows)) {
        const cells = Array.from(row.cells).filter(shown);
        for (let i = 0; i < cells.length; i++) {
          const cell = cells[i]!;
          if (cell.scrollWidth > cell.clientWidth + EPS)
            problems.push(`${name(cell)} overflows its cell (${cell.scrollWidth} > ${cell.clientWidth})`);
          const next = cells[i + 1];
          if (next && cell.getBoundingClientRect().right > next.getBoundingClientRect().left + EPS)
            problems.push(`${name(cell)} overlaps ${name(next)}`);
        }
      }
    }
    for (const el of Array.from(main.querySelectorAll('h1, h2, h3, .tile, button, label, th'))) {
      if (!shown(el) || getComputedStyle(el).overflowX !== 'visible') continue;
      if (el.scrollWidth > el.clientWidth + EPS && el.clientWidth > 0 && !el.closest('table'))
        problems.push(`${name(el)} overflows (${el.scrollWidth} > ${el.clientWidth})`);
    }
    const doc = document.scrollingElement!;
    if (doc.scrollWidth > window.innerWidth + EPS)
      problems.push(`the page scrolls sideways (${doc.scrollWidth} > ${window.innerWidth})`);
    return problems;
  });
}

/** Sidebar links that cannot be reached: outside the window (and not scrollable into it) or covered. */
export async function unreachableNavigation(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation').getByRole('link');
  const out: string[] = [];
  for (let i = 0; i < (await links.count()); i++) {
    const link = links.nth(i);
    await link.scrollIntoViewIfNeeded();
    const hit = await link.evaluate((el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) return false;
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !!top && (top === el || el.contains(top));
    });
    if (!hit) out.push((await link.textContent()) ?? `link ${i}`);
  }
  return out;
}
