import v8 from 'node:v8';

let off = false;

/**
 * Turns off V8's allocation-site pretenuring for this process, once, before exceljs's reader first runs.
 *
 * exceljs parses every part of a workbook with the same saxes code. When a garbage collection lands while it
 * parses a part it keeps (the styles, the shared strings: nearly every node survives), V8 decides those
 * allocation sites make long-lived objects and from then on allocates them in the old generation. For the
 * sheet that follows, where nodes live for microseconds, that is exactly wrong: each one is promoted,
 * pins the young strings and cells it points to, and is freed only by a full collection. Whether it
 * happens depends on when a collection falls (measured on the 100,000-row bench workbook: the import's
 * garbage collection went from 0.15 s to 1.2–2.4 s of its 3–9 s, peak RSS from 170 to 250 MB). Without
 * pretenuring every object starts young, as the reader's objects should.
 *
 * The setting is V8's own (`--no-allocation-site-pretenuring`), read at each collection; flipping it at run
 * time is safe for a heuristic of this kind. It applies to the whole process, which here only ever makes
 * young objects start young.
 */
export function keepReaderObjectsYoung(): void {
  if (off) return;
  off = true;
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}
