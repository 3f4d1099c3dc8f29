import type { PackRenderer } from '../pack/renderer';
import type { Workspace } from '../store/workspace';
import type { UploadStore } from './uploads';

/** What every handler gets: the open workspace and the files the user handed to this session. */
export interface ServiceContext {
  /** Replaced when the workspace is restored from a backup. */
  ws: Workspace;
  uploads: UploadStore;
  /** Reopens a workspace file the way this transport opened the first one (same lock, same binding). */
  reopen(file: string): Workspace;
  /** The pack's PDF printer, supplied by the transport's composition root (web/main.ts, host/serviceHost.ts). */
  renderer: PackRenderer;
  /** The desktop app: the native folder dialog says where a pack goes (null: cancelled). */
  chooseOutDir?: () => Promise<string | null>;
}
