import fs from 'node:fs';
import path from 'node:path';

/**
 * The path of the file a workspace path names, symbolic links followed — the file's own and those of
 * the folders above it, also for a file not created yet or a link whose target is missing — so every
 * path to one workspace gives the same answer. The lock, the backups folder and a restore's target all
 * start from it. (On a case-insensitive file system two spellings of a name are one file anyway: the
 * same lock file, and this process counts its holds by that file's device and inode.)
 */
export function realWorkspacePath(file: string): string {
  let p = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    try {
      return fs.realpathSync.native(p);
    } catch {
      // Not there (yet): follow a dangling link by hand; otherwise the folder's real path and the name.
    }
    let link: string;
    try {
      link = fs.readlinkSync(p);
    } catch {
      try {
        return path.join(fs.realpathSync.native(path.dirname(p)), path.basename(p));
      } catch {
        return p;
      }
    }
    p = path.resolve(path.dirname(p), link);
  }
  return p;
}

/** A file's identity, device and inode ("dev:ino"), or null when there is no such file. */
export function fileIdentity(file: string): string | null {
  try {
    const s = fs.statSync(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}
