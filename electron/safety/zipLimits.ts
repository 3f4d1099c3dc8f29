import { rejectFile, type ImportRejected } from '../../shared/import/errors';
import type { ZipPart } from './zipLayout';

/** The limits an .xlsx is held to against zip bombs, and the refusals that name the limit a part breaks. */
export interface ZipVerifyLimits {
  /** Largest total of inflated bytes over all entries. */
  totalBytes: number;
  /** Largest inflated size of one entry (a sheet or the shared strings). */
  entryBytes: number;
  /** Largest ratio inflated / compressed for an entry bigger than 1 MB inflated. */
  ratio: number;
  /** Largest ratio of the declared inflated total to the file's size (real workbooks stay far below). */
  archiveRatio: number;
  /** Most entries an archive may have. */
  entries: number;
}

export const ZIP_LIMITS: ZipVerifyLimits = {
  totalBytes: 1024 * 1024 * 1024,
  entryBytes: 512 * 1024 * 1024,
  ratio: 1000,
  archiveRatio: 200,
  entries: 10_000,
};

export const BOMB_HINT = '(a zip bomb, or a workbook too big to import; split it or export CSV)';

export function mb(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MB`;
}

/** A part inflating past the size its directory record declares: a lying archive, or damage. */
export function lyingProblem(file: string, part: ZipPart): ImportRejected {
  return rejectFile(
    file,
    `the .xlsx part ${part.name} unpacks to more than the ${part.size} bytes its zip directory declares (a zip bomb, or a damaged file)`,
  );
}

/** A part unpacking more than `ratio` times its compressed size (beyond 1 MB, where real parts stay). */
export function ratioProblem(
  file: string,
  part: string,
  inflated: number,
  compressed: number,
  ratio: number,
) {
  if (inflated <= 1024 * 1024 || inflated <= Math.max(1, compressed) * ratio) return null;
  return rejectFile(
    file,
    `the .xlsx part ${part} unpacks ${Math.round(inflated / Math.max(1, compressed))}× (${mb(inflated)}), beyond the import limit of ${ratio}× (a zip bomb?)`,
  );
}

/** What is wrong with a whole inflated part, if anything: its size and CRC-32 as declared, its ratio within the limit. */
export function wholePartProblem(
  part: ZipPart,
  name: string,
  inflated: number,
  crc: number,
  limits: ZipVerifyLimits,
): ImportRejected | null {
  const { size } = part;
  if (inflated !== size || crc !== part.crc)
    return rejectFile(
      name,
      `the .xlsx file is corrupt (part ${part.name} does not match its checksum${inflated !== size ? ` or size: ${inflated} bytes, ${size} declared` : ''})`,
    );
  return ratioProblem(name, part.name, inflated, part.compressedSize, limits.ratio);
}
