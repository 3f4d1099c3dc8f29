import type { PackData } from '../../../shared/export/packTypes';
import { PageStyle } from './components/PageStyle';
import { AssumptionsSensitivity } from './sections/AssumptionsSensitivity';
import { AppendixDefinitions } from './sections/AppendixDefinitions';
import { AppendixSources } from './sections/AppendixSources';
import { ChangesSection } from './sections/ChangesSection';
import { CoverPage } from './sections/CoverPage';
import { ExecutiveSummary } from './sections/ExecutiveSummary';
import { PortfolioValue } from './sections/PortfolioValue';
import { PrioritiesSection } from './sections/PrioritiesSection';
import { RiskGovernance } from './sections/RiskGovernance';
import { Scorecard } from './sections/Scorecard';
import { SpendBudget } from './sections/SpendBudget';

/** The whole briefing pack, in board reading order. */
export function PackDocument({ data, packDate }: { data: PackData; packDate: string }) {
  return (
    <main className="pack">
      <PageStyle settings={data.settings} packDate={packDate} />
      <CoverPage data={data} packDate={packDate} />
      <ExecutiveSummary data={data} />
      <Scorecard data={data} />
      <PortfolioValue data={data} />
      <AssumptionsSensitivity data={data} />
      <SpendBudget data={data} />
      <RiskGovernance data={data} />
      <PrioritiesSection data={data} />
      <ChangesSection data={data} />
      <AppendixSources data={data} packDate={packDate} />
      <AppendixDefinitions data={data} />
    </main>
  );
}
