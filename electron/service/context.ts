import type { Workspace } from '../store/workspace';
import type { UploadStore } from './uploads';

/** What every handler gets: the open workspace and the files the user handed to this session. */
export interface ServiceContext {
  /** Replaced when the workspace is restored from a backup. */
  ws: Workspace;
  uploads: UploadStore;
  /** Reopens a workspace file the way this transport opened the first one (same lock, same binding). */
  reopen(file: string): Workspace;
}
