import { useMemo, useState } from 'react';
import { KPI_CATEGORIES, type KpiDefinition } from '../../../shared/domain';
import { quarterFromLabel, shiftQuarter } from '../../../shared/fiscal';
import { api } from '../api/client';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Modal } from '../components/Modal';
import { ScreenHeader } from '../components/ScreenHeader';
import { Skeleton } from '../components/Skeleton';
import { ExplainProvider } from '../explain/ExplainProvider';
import { ReportSubtitle } from '../report/ReportSubtitle';
import { useReport } from '../report/useReport';
import { KpiForm, type KpiFormValues } from '../scorecard/KpiForm';
import { KpiGroupTable } from '../scorecard/KpiGroupTable';
import { ScorecardLegend } from '../scorecard/ScorecardLegend';
import { useAsync } from '../useAsync';
import { useWorkspace } from '../WorkspaceContext';

const NEW_KPI: KpiFormValues = {
  id: '',
  name: '',
  description: '',
  category: 'Value',
  unit: 'ratio',
  direction: 'higher',
  target: 0,
  amber: 0,
  tolerance: null,
  aggregation: 'last',
  frequency: 'monthly',
  owner: null,
};

/** The quarters a target change may start in: the workspace's reporting quarters, the shown one and the next. */
function effectiveQuarters(periods: string[], shown: string, fiscalStartMonth: number): string[] {
  const all = [...new Set([...periods, shown])].sort();
  const next = shiftQuarter(quarterFromLabel(all[all.length - 1]!, fiscalStartMonth), 1, fiscalStartMonth);
  return [...all, next.label];
}

export function ScorecardScreen() {
  const { info, period, refresh } = useWorkspace();
  const report = useReport();
  const defs = useAsync(() => api.call('kpis.list', {}), [info]);
  const notes = useAsync(
    () => (period ? api.call('commentary.list', { period }) : Promise.resolve([])),
    [period, info],
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const defMap = useMemo(() => new Map((defs.data ?? []).map((d) => [d.id, d])), [defs.data]);
  const commentary = useMemo(
    () =>
      new Map(
        (notes.data ?? []).filter((c) => c.scope === 'kpi' && c.body.trim()).map((c) => [c.ref, c.body]),
      ),
    [notes.data],
  );

  const save = async (
    id: string,
    v: KpiFormValues,
    def: KpiDefinition,
    effectiveFrom?: string,
    note?: string,
  ) => {
    const patch: Record<string, unknown> = {
      direction: v.direction,
      target: v.target,
      amber: v.amber,
      tolerance: v.tolerance,
      aggregation: v.aggregation,
      owner: v.owner,
    };
    if (!def.builtin) patch.name = v.name;
    await api.call('kpis.update', { id, patch, ...(effectiveFrom ? { effectiveFrom } : {}) });
    // The quarter's commentary, through the API the Narrative screen saves it with.
    if (note !== undefined && period && note !== (commentary.get(id) ?? ''))
      await api.call('commentary.set', { period, scope: 'kpi', ref: id, body: note });
    setEditing(null);
    notes.reload();
    refresh();
  };
  const create = async (v: KpiFormValues) => {
    await api.call('kpis.create', { kpi: v });
    setCreating(false);
    refresh();
  };

  const data = report.status !== 'empty' ? report.data : undefined;
  // Each KPI value's explanation shows the quarter's commentary on it.
  const explainCommentary = useMemo(
    () =>
      new Map(
        (data?.kpis ?? []).flatMap((k) => {
          const body = commentary.get(k.id);
          return body ? [[k.explain, body] as const] : [];
        }),
      ),
    [data, commentary],
  );
  const editDef = editing ? defMap.get(editing) : undefined;
  // The form starts from the target in force in the quarter shown (the KPI row keeps the latest one).
  const editScored = editing ? data?.kpis.find((k) => k.id === editing) : undefined;
  const editInitial =
    editDef && editScored
      ? { ...editDef, target: editScored.target, amber: editScored.amber, tolerance: editScored.tolerance }
      : editDef;
  return (
    <section aria-labelledby="screen-title">
      <ScreenHeader
        title="Scorecard"
        subtitle={data ? <ReportSubtitle report={data} /> : period}
        actions={
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            + Add custom KPI
          </button>
        }
      />
      {report.status === 'error' && (
        <ErrorNotice
          title="The scorecard could not be computed"
          error={report.error}
          onRetry={report.reload}
        />
      )}
      {report.status === 'empty' ? (
        <EmptyState title="No KPI values yet">
          Import KPI values (long or wide spreadsheets) on the Import screen.
        </EmptyState>
      ) : !data ? (
        <Skeleton lines={10} label="Loading the scorecard" />
      ) : (
        <ExplainProvider report={data} commentary={explainCommentary}>
          <ScorecardLegend />
          <div className={report.status === 'loading' ? 'stale' : undefined} data-testid="scorecard">
            {KPI_CATEGORIES.map((cat) => {
              const kpis = data.kpis.filter((k) => k.category === cat);
              if (kpis.length === 0) return null;
              return (
                <KpiGroupTable
                  key={cat}
                  category={cat}
                  kpis={kpis}
                  defs={defMap}
                  currency={data.currency}
                  commentary={commentary}
                  onEdit={setEditing}
                />
              );
            })}
          </div>
        </ExplainProvider>
      )}
      {editing && editDef && (
        <Modal title={`Edit ${editDef.name}`} onClose={() => setEditing(null)}>
          {editDef.description && <p className="muted modal-description">{editDef.description}</p>}
          <KpiForm
            initial={editInitial ?? editDef}
            isNew={false}
            currency={info.settings.currency}
            submitLabel="Save KPI"
            effectiveFrom={
              period
                ? {
                    quarters: effectiveQuarters(info.periods, period, info.settings.fiscalStartMonth),
                    initial: period,
                  }
                : undefined
            }
            commentary={
              period
                ? {
                    period,
                    initial: commentary.get(editing) ?? '',
                    offTrack: editScored?.status === 'red',
                  }
                : undefined
            }
            onSubmit={(v, from, note) => save(editing, v, editDef, from, note)}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      )}
      {creating && (
        <Modal title="Add a custom KPI" onClose={() => setCreating(false)}>
          <KpiForm
            initial={NEW_KPI}
            isNew
            currency={info.settings.currency}
            submitLabel="Add KPI"
            onSubmit={create}
            onCancel={() => setCreating(false)}
          />
        </Modal>
      )}
    </section>
  );
}
