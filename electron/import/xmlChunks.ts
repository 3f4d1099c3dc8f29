import { LIMITS } from './sniff';

export class XmlSyntaxError extends Error {}

/**
 * The longest tag (name and attributes) and the longest text a part may hold. Cut short, a tag waits for the
 * next chunk and is scanned again from its start: without a bound, one tag that never ends (a forged part)
 * would be rescanned with every chunk to the part's end. Excel keeps a cell's text to 32,767 characters; a
 * record's bound is the CSV reader's (LIMITS.csvFieldBytes).
 */
const MAX_TAG = 1024 * 1024;
const MAX_TEXT = LIMITS.csvFieldBytes;

/**
 * A streaming reader of the XML an .xlsx part holds, for the parts an import reads (a worksheet, the shared
 * strings): `write` each chunk of the part's text in order, `end` after the last. A chunk may end anywhere —
 * inside a tag, an attribute, an entity — and the rest waits for the next one. Subclasses get each element's
 * start and end with its name (namespace prefix dropped) and read the attributes they need; text is kept only
 * while a subclass captures it (`startText` … `endText`). Comments, processing instructions and CDATA are
 * understood; a document type declaration, which no spreadsheet part has, is refused (no entity is ever
 * defined or expanded).
 */
export abstract class XmlChunks {
  private rest = '';
  private capturing = false;
  private text = '';

  constructor(private readonly part: string) {}

  write(chunk: string): void {
    const s = this.rest.length > 0 ? this.rest + chunk : chunk;
    this.rest = '';
    let i = 0;
    const n = s.length;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (this.capturing) this.capture(s.slice(i));
        return;
      }
      if (lt > i && this.capturing) this.capture(s.slice(i, lt));
      const next = this.tag(s, lt);
      if (next < 0) {
        // The tag goes on in the next chunk.
        if (n - lt > MAX_TAG)
          throw new XmlSyntaxError(`the ${this.part} has a tag longer than ${MAX_TAG / 1024 / 1024} MB`);
        this.rest = s.slice(lt);
        return;
      }
      i = next;
    }
  }

  /** After the last chunk: a tag left open is a cut-off part (the zip's checks catch a short file first). */
  end(): void {
    if (this.rest.trim().length > 0) throw new XmlSyntaxError(`the ${this.part} ends inside a tag`);
  }

  /** An element starts; its attributes are in `s` between `from` and `to` (see `attribute`). */
  protected abstract open(name: string, s: string, from: number, to: number, selfClosing: boolean): void;
  protected abstract close(name: string): void;

  private capture(text: string): void {
    this.text += text;
    if (this.text.length > MAX_TEXT)
      throw new XmlSyntaxError(`the ${this.part} has a text longer than ${MAX_TEXT / 1024 / 1024} MB`);
  }

  protected startText(): void {
    this.capturing = true;
    this.text = '';
  }

  /** The text since startText, entities decoded. */
  protected endText(): string {
    const t = decodeXmlText(this.text);
    this.capturing = false;
    this.text = '';
    return t;
  }

  protected get capturingText(): boolean {
    return this.capturing;
  }

  /** Reads the markup at `lt`; returns where the text after it starts, or -1 when it is not complete yet. */
  private tag(s: string, lt: number): number {
    const c1 = s.charCodeAt(lt + 1);
    if (Number.isNaN(c1)) return -1;
    if (c1 === 33 /* ! */) return this.declaration(s, lt);
    if (c1 === 63 /* ? */) {
      const end = s.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    const gt = tagEnd(s, lt + 1);
    if (gt < 0) return -1;
    if (c1 === 47 /* / */) {
      this.close(localName(s, lt + 2, gt));
      return gt + 1;
    }
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    const end = selfClosing ? gt - 1 : gt;
    const nameEnd = nameEndOf(s, lt + 1, end);
    this.open(localName(s, lt + 1, nameEnd), s, nameEnd, end, selfClosing);
    return gt + 1;
  }

  /** Comments and CDATA sections (text); a DOCTYPE is not something a spreadsheet part has. */
  private declaration(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      // Entities mean nothing inside CDATA: escaped so the decoding at the element's end leaves them.
      if (this.capturing) this.capture(s.slice(lt + 9, end).replace(/&/g, '&amp;'));
      return end + 3;
    }
    if (s.length - lt < 9) return -1;
    throw new XmlSyntaxError(
      `the ${this.part} holds a document type declaration, which a spreadsheet part never has`,
    );
  }
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five entities and character references; anything else is left as written. */
export function decodeXmlText(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(
    ENTITY,
    (whole, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (named) return NAMED[named]!;
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}

/** The `>` ending the tag whose name starts at `from`, past quoted attribute values; -1 if not in `s` yet. */
function tagEnd(s: string, from: number): number {
  const n = s.length;
  let quote = 0;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62 /* > */) return i;
    else if (c === 34 /* " */ || c === 39 /* ' */) quote = c;
  }
  return -1;
}

function nameEndOf(s: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
    i++;
  }
  return i;
}

/** The element's name without its namespace prefix (`x:row` → row). */
function localName(s: string, from: number, to: number): string {
  let end = to;
  while (end > from && s.charCodeAt(end - 1) <= 32) end--;
  let start = from;
  for (let i = from; i < end; i++) if (s.charCodeAt(i) === 58 /* : */) start = i + 1;
  return s.slice(start, end);
}

/** An attribute's value in the tag text between `from` and `to` (entities decoded); null when absent. */
export function attribute(
  s: string,
  from: number,
  to: number,
  name: string,
  /** Match the name after any namespace prefix (`r:id` for `id`), and only a prefixed one. */
  anyPrefix = false,
): string | null {
  let i = from;
  while (i < to) {
    const eq = s.indexOf('=', i);
    if (eq < 0 || eq >= to) return null;
    let q = eq + 1;
    while (q < to && s.charCodeAt(q) <= 32) q++;
    const quote = s[q];
    if (quote !== '"' && quote !== "'") return null;
    const close = s.indexOf(quote, q + 1);
    if (close < 0 || close > to) return null;
    let nameEnd = eq;
    while (nameEnd > i && s.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
    let nameStart = nameEnd;
    while (nameStart > i && s.charCodeAt(nameStart - 1) > 32) nameStart--;
    if (anyPrefix) {
      const colon = s.lastIndexOf(':', nameEnd - 1);
      nameStart = colon >= nameStart ? colon + 1 : nameEnd + 1;
    }
    if (nameEnd - nameStart === name.length && s.startsWith(name, nameStart))
      return decodeXmlText(s.slice(q + 1, close));
    i = close + 1;
  }
  return null;
}
