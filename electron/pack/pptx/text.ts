/**
 * Text for the deck. pptxgenjs escapes & < > " ' itself; what it does not do is drop the characters XML 1.0
 * forbids (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, unpaired surrogates), which would leave a part
 * no XML parser (and no PowerPoint) reads. Imported names and commentary go through `clean` first.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Multi-line text: line breaks kept (as \n), tabs as spaces, forbidden characters dropped. */
export function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(FORBIDDEN, '');
}

/** One-line text (a name in a table cell): every line break and tab becomes a space. */
export function cleanLine(text: string): string {
  return clean(text).replace(/\n+/g, ' ');
}

/** Average glyph width as a fraction of the font size, on the wide side (Arial ≈ 0.5, DejaVu Sans ≈ 0.55). */
const GLYPH_EM = 0.56;

/** How many lines `text` takes in a box `widthIn` inches wide at `fontPt` (greedy word wrap, estimate). */
export function lineCount(text: string, widthIn: number, fontPt: number): number {
  const perLine = Math.max(4, Math.floor((widthIn * 72) / (fontPt * GLYPH_EM)));
  let total = 0;
  for (const para of text.split('\n')) {
    let lines = 1;
    let used = 0;
    for (const word of para.split(' ')) {
      let len = word.length;
      while (len > perLine) {
        // A word longer than a line (a hash, a URL) breaks anywhere.
        if (used > 0) lines++;
        lines++;
        len -= perLine;
        used = 0;
      }
      const need = used === 0 ? len : used + 1 + len;
      if (need > perLine) {
        lines++;
        used = len;
      } else used = need;
    }
    total += lines;
  }
  return total;
}

/** Height in inches of `lines` lines at `fontPt` (line spacing 1.2). */
export function linesHeight(lines: number, fontPt: number): number {
  return (lines * fontPt * 1.2) / 72;
}
