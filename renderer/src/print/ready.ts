/**
 * The ready signal the PDF printers wait for: set once the data is on the page, the fonts are loaded
 * and every chart has drawn (charts draw synchronously with animation off, in their mount effect, which
 * runs before this one). No animation frame is awaited: the print lays out and paints the page itself,
 * so a screen frame first would only delay it.
 */
export async function signalReady(): Promise<void> {
  performance.mark('pack-drawn');
  await document.fonts.ready;
  performance.mark('pack-ready');
  document.body.dataset.ready = 'true';
}

export function signalError(message: string): void {
  document.body.dataset.ready = 'error';
  document.body.dataset.error = message;
}

/**
 * Loads the bundled faces before any canvas draws text with them: Inter, and the symbol face for the
 * ≤ ≥ ≠ → Inter's subsets lack (a face with a unicode-range loads only once text needs it, which can be
 * after the print has started; asked for here with a sample, it is in before the page is ready).
 */
export async function loadFonts(): Promise<void> {
  await Promise.all([
    ...['400', '500', '600', '700'].map((w) => document.fonts.load(`${w} 12px Inter`).catch(() => [])),
    document.fonts.load(`400 12px 'DejaVu Sans'`, '≤≥≠→').catch(() => []),
  ]);
}
