import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ReportModel } from '../../../shared/report';
import { api } from '../api/client';
import { ExplainContext } from './ExplainContext';
import { ExplainDrawer } from './ExplainDrawer';

type Explanations = ReportModel['explanations'];

/**
 * Makes every figure under it explainable and renders the drawer. The screens' report models come
 * without explanations (they are most of a large model's size); when a figure is opened, its explanation
 * is fetched for the quarter with those its inputs refer to (a small answer, so the drawer opens at once
 * on a large workspace too), unless the model already carries them. Fetched ones are kept per model.
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
  const fetched = loaded?.report === report ? loaded.explanations : null;
  const explanations = carried ? report.explanations : fetched;
  const shown = trail[trail.length - 1];
  const missing = shown !== undefined && !(explanations && shown in explanations) ? shown : null;

  useEffect(() => {
    if (missing === null || carried) return;
    let live = true;
    setError(null);
    api.call('report.explanations', { period: report.period.label, keys: [missing] }).then(
      (e) => {
        if (!live) return;
        if (!(missing in e)) setError(`${report.period.label} has no explanation for this figure.`);
        else
          setLoaded((prev) => ({
            report,
            explanations: { ...(prev?.report === report ? prev.explanations : {}), ...e },
          }));
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [missing, carried, report]);

  const open = useCallback((key: string, from?: HTMLElement | null) => {
    opener.current = from ?? (document.activeElement as HTMLElement | null);
    setError(null);
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
  const full = useMemo(
    () => (explanations && missing === null ? { ...report, explanations } : null),
    [report, explanations, missing],
  );
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
