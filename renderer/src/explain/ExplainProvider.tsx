import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ReportModel } from '../../../shared/report';
import { ExplainContext } from './ExplainContext';
import { ExplainDrawer } from './ExplainDrawer';

/** Makes every figure under it explainable from `report.explanations`; renders the drawer. */
export function ExplainProvider({ report, children }: { report: ReportModel; children: ReactNode }) {
  const [trail, setTrail] = useState<string[]>([]);
  const opener = useRef<HTMLElement | null>(null);
  const open = useCallback((key: string, from?: HTMLElement | null) => {
    opener.current = from ?? (document.activeElement as HTMLElement | null);
    setTrail([key]);
  }, []);
  const has = useCallback((key: string) => key in report.explanations, [report]);
  const value = useMemo(() => ({ open, has }), [open, has]);
  const close = () => setTrail([]);
  // Once the drawer is gone, focus goes back to the figure that opened it.
  useEffect(() => {
    if (trail.length === 0 && opener.current) {
      opener.current.focus();
      opener.current = null;
    }
  }, [trail.length]);
  return (
    <ExplainContext.Provider value={value}>
      {children}
      {trail.length > 0 && (
        <ExplainDrawer
          report={report}
          explainKey={trail[trail.length - 1]!}
          canGoBack={trail.length > 1}
          onBack={() => setTrail((t) => t.slice(0, -1))}
          onFollow={(key) => setTrail((t) => [...t, key])}
          onClose={close}
        />
      )}
    </ExplainContext.Provider>
  );
}
