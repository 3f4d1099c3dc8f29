import { createContext, useContext } from 'react';

export interface ExplainContextValue {
  /** Opens the explanation of a figure (a key of `ReportModel.explanations`). */
  open(key: string, opener?: HTMLElement | null): void;
  has(key: string): boolean;
}

export const ExplainContext = createContext<ExplainContextValue | null>(null);

export function useExplain(): ExplainContextValue | null {
  return useContext(ExplainContext);
}
