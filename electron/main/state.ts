import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const Bounds = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().min(400),
  height: z.number().min(300),
});

const ShellState = z.object({
  lastWorkspace: z.string().nullable().default(null),
  recent: z.array(z.string()).max(20).default([]),
  window: z
    .object({ bounds: Bounds.nullable().default(null), maximized: z.boolean().default(false) })
    .default({ bounds: null, maximized: false }),
});
export type ShellState = z.infer<typeof ShellState>;

const MAX_RECENT = 8;

/** The shell's own small state (recent workspaces, window bounds), kept as JSON in the user data folder. */
export class ShellStateStore {
  private readonly file: string;
  state: ShellState;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'shell-state.json');
    let raw: unknown = {};
    try {
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      raw = {};
    }
    const parsed = ShellState.safeParse(raw);
    this.state = parsed.success ? parsed.data : ShellState.parse({});
  }

  rememberWorkspace(file: string): void {
    this.state.lastWorkspace = file;
    this.state.recent = [file, ...this.state.recent.filter((f) => f !== file)].slice(0, MAX_RECENT);
    this.save();
  }

  forget(file: string): void {
    this.state.recent = this.state.recent.filter((f) => f !== file);
    if (this.state.lastWorkspace === file) this.state.lastWorkspace = null;
    this.save();
  }

  save(): void {
    // Write then rename, so a crash never leaves a half-written state file.
    const tmp = `${this.file}.tmp`;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify(this.state, null, 2));
    fs.renameSync(tmp, this.file);
  }
}
