import type { Workspace } from '../store/workspace';
import type { UploadStore } from './uploads';

/** What every handler gets: the open workspace and the files the user handed to this session. */
export interface ServiceContext {
  ws: Workspace;
  uploads: UploadStore;
}
