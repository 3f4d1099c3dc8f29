import { isAscii } from 'node:buffer';

/** Text encodings CSV exports arrive in. ISO-8859-1 files are read as Windows-1252, its superset. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

// Windows-1252 differs from Latin-1 only in 0x80–0x9F. Node's TextDecoder maps those bytes to C1
// controls (Latin-1) in some builds, which would turn "€" into U+0080, so the table is ours.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export interface ChunkDecoder {
  decode(chunk: Uint8Array, stream: boolean): string;
}

export function createDecoder(encoding: TextEncodingName): ChunkDecoder {
  if (encoding === 'windows-1252') {
    return {
      decode(chunk) {
        let out = '';
        const step = 8192;
        for (let i = 0; i < chunk.length; i += step) {
          const part = chunk.subarray(i, i + step);
          const codes = new Array<number>(part.length);
          for (let j = 0; j < part.length; j++) {
            const b = part[j]!;
            codes[j] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
          }
          out += String.fromCharCode(...codes);
        }
        return out;
      },
    };
  }
  // The BOM is dropped by the decoder (ignoreBOM: false), so headers never start with U+FEFF.
  const d = new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
  if (encoding !== 'utf-8') return { decode: (chunk, stream) => d.decode(chunk, { stream }) };
  // Most exports are ASCII: such a chunk is its own text, one byte a character (a quarter of the reading
  // thread's decoding time). Only once the decoder has read the file's first bytes (a BOM is dropped there,
  // and only there) and holds no part of a character (its last chunk ended in an ASCII byte).
  let clean = false;
  return {
    decode(chunk, stream) {
      if (clean && stream && isAscii(chunk)) {
        return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      }
      const text = d.decode(chunk, { stream });
      if (!stream) clean = false;
      else if (chunk.length > 0) clean = chunk[chunk.length - 1]! < 0x80;
      return text;
    },
  };
}

/**
 * Guesses the encoding from the first bytes: a BOM decides; NUL bytes in alternate positions mean
 * UTF-16 without BOM; bytes that are valid UTF-8 are UTF-8; anything else is Windows-1252.
 * Returns null for binary content (NUL bytes that are not UTF-16).
 */
export function detectEncoding(head: Uint8Array): TextEncodingName | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const n = Math.min(head.length, 4096);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  if (oddNul > n / 4 && evenNul === 0) return 'utf-16le';
  if (evenNul > n / 4 && oddNul === 0) return 'utf-16be';
  if (evenNul + oddNul > 0) return null;
  // A multi-byte sequence cut at the end of the sample is not evidence against UTF-8.
  let end = head.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = head[end - k]!;
    if (b >= 0xc0) {
      end -= k;
      break;
    }
    if (b < 0x80) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}
