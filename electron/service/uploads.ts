import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface UploadedFile {
  id: string;
  name: string;
  path: string;
  size: number;
}

/**
 * Files handed over by the user (dropped, picked or uploaded through the bridge). The renderer only
 * ever holds an opaque id, never a path, so it cannot make the service read an arbitrary file.
 */
export class UploadStore {
  private readonly files = new Map<string, UploadedFile>();
  private dir: string | null = null;

  /** Registers a file already on disk (a path chosen in the native dialog or given to the CLI). */
  registerPath(filePath: string, name = path.basename(filePath)): UploadedFile {
    const stat = fs.statSync(filePath);
    const file = { id: crypto.randomUUID(), name, path: filePath, size: stat.size };
    this.files.set(file.id, file);
    return file;
  }

  /** Stores bytes received from the renderer in a private temp folder. */
  async saveStream(
    name: string,
    chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    maxBytes: number,
  ): Promise<UploadedFile> {
    this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'caio-uploads-'));
    const id = crypto.randomUUID();
    const target = path.join(this.dir, id);
    const out = fs.createWriteStream(target, { mode: 0o600 });
    let size = 0;
    try {
      for await (const chunk of chunks) {
        size += chunk.byteLength;
        if (size > maxBytes)
          throw new Error(`${name} is larger than the ${Math.round(maxBytes / 1048576)} MB import limit.`);
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
      await new Promise<void>((resolve, reject) =>
        out.end((err?: Error | null) => (err ? reject(err) : resolve())),
      );
    } catch (err) {
      out.destroy();
      fs.rmSync(target, { force: true });
      throw err;
    }
    const file = { id, name: path.basename(name), path: target, size };
    this.files.set(id, file);
    return file;
  }

  get(id: string): UploadedFile | undefined {
    return this.files.get(id);
  }

  dispose(): void {
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.files.clear();
  }
}
