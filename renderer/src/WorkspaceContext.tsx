import { createContext, useContext } from 'react';
import type { WorkspaceInfo } from '../../shared/api';

export interface WorkspaceContextValue {
  info: WorkspaceInfo;
  period: string;
  setPeriod(period: string): void;
  refresh(): void;
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside a loaded workspace');
  return value;
}
