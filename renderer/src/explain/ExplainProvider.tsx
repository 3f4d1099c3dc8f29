import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ReportModel } from '../../../shared/report';
import { api } from '../api/client';
import { ExplainContext } from './ExplainContext';
import { ExplainDrawer } from './ExplainDrawer';

type Explanations = ReportModel['explanations'];

/**
 * Makes every figure under it explainable and renders the drawer. The screens' report models come
 * without explanations (they are most of a large model's size); they are fetched for the quarter when a
 * figure is first opened, unless the model already carries them.
 */
export function ExplainProvider({
  report,
  commentary,
  children,
}: {
  report: ReportModel;
  /** The quarter's commentary on a figure, by its explanation key (a KPI's value: the KPI's commentary). */
  commentary?: ReadonlyMap<string, string>;
  children: ReactNode;
}) {
  const [trail, setTrail] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<{ report: ReportModel; explanations: Explanations } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const carried = Object.keys(report.explanations).length > 0;
  const explanations = carried ? report.explanations : loaded?.report === report ? loaded.explanations : null;

  useEffect(() => {
    if (trail.length === 0 || explanations) return;
    let live = true;
    setError(null);
    api.call('report.explanations', { period: report.period.label }).then(
      (e) => live && setLoaded({ report, explanations: e }),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [trail.length, explanations, report]);

  const open = useCallback((key: string, from?: HTMLElement | null) => {
    opener.current = from ?? (document.activeElement as HTMLElement | null);
    setTrail([key]);
  }, []);
  // Every figure of the model carries an explanation key the service can explain.
  const has = useCallback(
    (key: string) => (carried ? key in report.explanations : key !== ''),
    [carried, report],
  );
  const value = useMemo(() => ({ open, has }), [open, has]);
  const close = () => setTrail([]);
  // Once the drawer is gone, focus goes back to the figure that opened it.
  useEffect(() => {
    if (trail.length === 0 && opener.current) {
      opener.current.focus();
      opener.current = null;
    }
  }, [trail.length]);
  const full = useMemo(() => (explanations ? { ...report, explanations } : null), [report, explanations]);
  return (
    <ExplainContext.Provider value={value}>
      {children}
      {trail.length > 0 && (
        <ExplainDrawer
          report={full}
          loadError={error}
          explainKey={trail[trail.length - 1]!}
          commentary={commentary?.get(trail[trail.length - 1]!)}
          canGoBack={trail.length > 1}
          onBack={() => setTrail((t) => t.slice(0, -1))}
          onFollow={(key) => setTrail((t) => [...t, key])}
          onClose={close}
        />
      )}
    </ExplainContext.Provider>
  );
}
