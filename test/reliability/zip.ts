import zlib from 'node:zlib';

/** A tiny zip writer for hostile test workbooks: sizes and CRCs can be made to lie. */
export interface ZipPart {
  name: string;
  data: Buffer;
  /** Compressed bytes to store instead of deflating `data` (a pre-built bomb stream). */
  compressed?: Buffer;
  /** Uncompressed size written in the headers (default: the real one). */
  declaredSize?: number;
  /** CRC-32 to write (default: of `data`). */
  crc?: number;
  stored?: boolean;
}

/** A well-formed zip's parts (name, inflated bytes, where its local header starts), from its directory. */
export function unzip(bytes: Buffer): (ZipPart & { localOffset: number })[] {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const parts: (ZipPart & { localOffset: number })[] = [];
  for (let p = bytes.readUInt32LE(end + 16); bytes.readUInt32LE(p) === 0x02014b50;) {
    const nameLen = bytes.readUInt16LE(p + 28);
    const localOffset = bytes.readUInt32LE(p + 42);
    const start =
      localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    const raw = bytes.subarray(start, start + bytes.readUInt32LE(p + 20));
    parts.push({
      name: bytes.toString('utf8', p + 46, p + 46 + nameLen),
      data: bytes.readUInt16LE(p + 10) === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw),
      localOffset,
    });
    p += 46 + nameLen + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return parts;
}

export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const body = p.compressed ?? (p.stored ? p.data : zlib.deflateRawSync(p.data));
    const crc = p.crc ?? zlib.crc32(p.data);
    const size = p.declaredSize ?? p.data.length;
    const method = p.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, eocd]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Spend" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;

/** A plain spend sheet body: header and `rows` rows with inline strings. */
export function spendSheetData(rows: number): string {
  const out = [
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Amount</t></is></c><c r="C1" t="inlineStr"><is><t>Vendor</t></is></c></row>',
  ];
  for (let i = 2; i < rows + 2; i++)
    out.push(
      `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>2026-01-15</t></is></c><c r="B${i}"><v>${i}.5</v></c><c r="C${i}" t="inlineStr"><is><t>OpenAI</t></is></c></row>`,
    );
  return out.join('');
}

/** A minimal .xlsx: the given sheet1.xml and sharedStrings.xml, parts overridable. */
export function workbook(sheetXml: string | ZipPart, sharedStrings: string | ZipPart | null = null): Buffer {
  const part = (name: string, v: string | ZipPart): ZipPart =>
    typeof v === 'string' ? { name, data: Buffer.from(v, 'utf8') } : { ...v, name };
  return zip([
    part('[Content_Types].xml', CONTENT_TYPES),
    part('_rels/.rels', RELS),
    part('xl/workbook.xml', WORKBOOK),
    part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    part('xl/worksheets/sheet1.xml', sheetXml),
    ...(sharedStrings === null ? [] : [part('xl/sharedStrings.xml', sharedStrings)]),
  ]);
}

/** Deflates prefix + chunk × times + suffix as one stream, never holding the inflated bytes in memory. */
export async function deflateRepeated(
  chunk: Buffer,
  times: number,
  prefix = '',
  suffix = '',
): Promise<{ compressed: Buffer; size: number; crc: number }> {
  const z = zlib.createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    crc = zlib.crc32(b, crc);
    size += b.length;
    if (!z.write(b)) await new Promise((r) => z.once('drain', r));
  };
  await write(Buffer.from(prefix, 'utf8'));
  for (let i = 0; i < times; i++) await write(chunk);
  await write(Buffer.from(suffix, 'utf8'));
  z.end();
  await ended;
  return { compressed: Buffer.concat(out), size, crc };
}
