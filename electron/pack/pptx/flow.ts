import type { DeckContext, Slide, TableCell, TableRow } from './deckContext';
import { CONTENT_BOTTOM, CONTENT_TOP, CONTENT_W, COLOURS, FONT, MARGIN } from './theme';
import { addSlideTitle, CONTENT_MASTER } from './master';
import { clean, lineCount, linesHeight } from './text';

export interface Column {
  header: string;
  /** Width in inches; the widths of a table add up to its width. */
  w: number;
  align?: 'left' | 'right' | 'center';
}

/** A table cell: its text (already formatted by shared/export/format.ts) and how it is shown. */
export type Cell =
  string | { text: string; colour?: string; bold?: boolean; fill?: string; colspan?: number };

const CELL_MARGIN: [number, number, number, number] = [0.03, 0.08, 0.03, 0.08];

function cellText(c: Cell): string {
  return typeof c === 'string' ? c : c.text;
}

/**
 * Lays content out down a slide and continues on a new slide ("… (continued)", same speaker notes) when the
 * next block does not fit, so a table of any length splits across slides, its header row repeated, instead
 * of running off the page.
 */
export class Flow {
  private slide: Slide | null = null;
  private y = CONTENT_TOP;
  private count = 0;

  constructor(
    private readonly d: DeckContext,
    private readonly title: string,
    private readonly notes: string,
    private readonly subtitle?: string,
  ) {}

  /** The slide being filled (a new one if none yet). */
  current(): Slide {
    if (!this.slide) this.newSlide();
    return this.slide!;
  }

  get top(): number {
    this.current();
    return this.y;
  }

  private newSlide(): void {
    this.count++;
    const slide = this.d.pptx.addSlide({ masterName: CONTENT_MASTER });
    addSlideTitle(slide, this.count === 1 ? this.title : `${this.title} (continued)`, this.subtitle);
    slide.addNotes(
      clean(this.count === 1 ? this.notes : `${this.title}, continued.\n\n${this.notes}`) ||
        `${this.title}: no figures on this slide.`,
    );
    this.slide = slide;
    this.y = CONTENT_TOP;
  }

  /** Room left on the current slide, in inches. */
  room(): number {
    this.current();
    return CONTENT_BOTTOM - this.y;
  }

  /** Makes sure `h` inches are free (a new slide otherwise, unless this one is still empty). */
  reserve(h: number): void {
    this.current();
    if (this.y + h > CONTENT_BOTTOM && this.y > CONTENT_TOP + 0.01) this.newSlide();
  }

  /** A block of known height drawn by `draw` at the current position. */
  block(h: number, draw: (slide: Slide, y: number) => void, gap = 0.15): void {
    this.reserve(h);
    draw(this.current(), this.y);
    this.y += h + gap;
  }

  heading(text: string): void {
    const h = 0.36;
    // Never a heading alone at the bottom of a slide: keep room for a few lines under it.
    this.reserve(h + 0.6);
    this.current().addText(clean(text), {
      x: MARGIN,
      y: this.y,
      w: CONTENT_W,
      h,
      fontFace: FONT,
      fontSize: 14,
      bold: true,
      color: COLOURS.cost,
      margin: 0,
      valign: 'bottom',
    });
    this.y += h + 0.08;
  }

  /** Prose or a note; long text continues on the next slide paragraph by paragraph. */
  paragraph(
    text: string,
    opts: { fontPt?: number; italic?: boolean; colour?: string; bullet?: boolean } = {},
  ): void {
    const fontPt = opts.fontPt ?? 12;
    const body = clean(text);
    const w = CONTENT_W - (opts.bullet ? 0.3 : 0);
    // A list item needs less air under it than a paragraph: its bullet already sets it apart.
    const h = linesHeight(lineCount(body, w - 0.05, fontPt), fontPt) + (opts.bullet ? 0.04 : 0.08);
    this.block(
      h,
      (slide, y) =>
        slide.addText(body, {
          x: MARGIN,
          y,
          w: CONTENT_W,
          h,
          fontFace: FONT,
          fontSize: fontPt,
          italic: opts.italic ?? false,
          color: opts.colour ?? COLOURS.ink,
          margin: 0,
          valign: 'top',
          ...(opts.bullet ? { bullet: { indent: 18 } } : {}),
        }),
      opts.bullet ? 0.04 : 0.12,
    );
  }

  bullets(items: string[], empty: string, fontPt = 12): void {
    if (items.length === 0) return this.paragraph(empty, { fontPt, italic: true, colour: COLOURS.muted });
    for (const item of items) this.paragraph(item, { fontPt, bullet: true });
    this.y += 0.06;
  }

  /** A native table; rows that do not fit continue on the next slide under the same header row. */
  table(
    columns: Column[],
    rows: Cell[][],
    opts: { fontPt?: number; footRows?: Cell[][]; caption?: string } = {},
  ): void {
    const fontPt = opts.fontPt ?? 10;
    const width = columns.reduce((s, c) => s + c.w, 0);
    const heightOf = (row: Cell[]) => {
      let col = 0;
      let lines = 1;
      for (const c of row) {
        const span = typeof c === 'string' ? 1 : (c.colspan ?? 1);
        const w = columns.slice(col, col + span).reduce((s, x) => s + x.w, 0);
        lines = Math.max(lines, lineCount(clean(cellText(c)), w - CELL_MARGIN[1] - CELL_MARGIN[3], fontPt));
        col += span;
      }
      return linesHeight(lines, fontPt) + CELL_MARGIN[0] + CELL_MARGIN[2] + 0.03;
    };
    const header: Cell[] = columns.map((c) => ({
      text: c.header,
      bold: true,
      colour: COLOURS.headerText,
      fill: COLOURS.header,
    }));
    const headerH = heightOf(header);
    const body = [
      ...rows.map((r) => ({ cells: r, total: false })),
      ...(opts.footRows ?? []).map((r) => ({ cells: r, total: true })),
    ];
    const captionH = opts.caption ? linesHeight(lineCount(opts.caption, width, 9), 9) + 0.05 : 0;
    let i = 0;
    while (i < body.length || i === 0) {
      const firstH = body[i] ? heightOf(body[i]!.cells) : 0;
      this.reserve(headerH + firstH + (i + 1 >= body.length ? captionH : 0));
      const room = this.room();
      const page: typeof body = [];
      const heights = [headerH];
      let used = headerH;
      while (i < body.length) {
        const h = heightOf(body[i]!.cells);
        const last = i === body.length - 1;
        // A group row (one cell across the table) stays with the row under it.
        const group = body[i]!.cells.length === 1 && columns.length > 1 && body[i + 1];
        const keep = group ? heightOf(body[i + 1]!.cells) : 0;
        if (page.length > 0 && used + h + keep + (last ? captionH : 0) > room) break;
        page.push(body[i]!);
        heights.push(h);
        used += h;
        i++;
      }
      const tableRows: TableRow[] = [header, ...page.map((r) => r.cells)].map((cells, ri) =>
        cells.map((c, ci): TableCell => {
          const o = typeof c === 'string' ? { text: c } : c;
          const total = ri > 0 && page[ri - 1]!.total;
          return {
            text: clean(o.text),
            options: {
              align: ri === 0 ? (columns[ci]?.align ?? 'left') : (columns[ci]?.align ?? 'left'),
              bold: o.bold ?? total,
              color: o.colour ?? COLOURS.ink,
              ...(o.fill
                ? { fill: { color: o.fill } }
                : ri > 0 && ri % 2 === 0
                  ? { fill: { color: COLOURS.zebra } }
                  : {}),
              ...(o.colspan ? { colspan: o.colspan } : {}),
            },
          };
        }),
      );
      this.current().addTable(tableRows, {
        x: MARGIN,
        y: this.y,
        w: width,
        colW: columns.map((c) => c.w),
        rowH: heights,
        fontFace: FONT,
        fontSize: fontPt,
        margin: CELL_MARGIN,
        valign: 'top',
        border: { type: 'solid', pt: 0.5, color: COLOURS.rule },
        autoPage: false,
      });
      this.y += used + 0.08;
      if (i >= body.length) break;
    }
    if (opts.caption) {
      this.current().addText(clean(opts.caption), {
        x: MARGIN,
        y: this.y,
        w: width,
        h: captionH,
        fontFace: FONT,
        fontSize: 9,
        italic: true,
        color: COLOURS.muted,
        margin: 0,
        valign: 'top',
      });
      this.y += captionH;
    }
    this.y += 0.12;
  }

  /** How many slides this flow made. */
  get slides(): number {
    return this.count;
  }
}
