import type { ScreenId } from '../screens';
import { BudgetScreen } from './BudgetScreen';
import { DashboardScreen } from './DashboardScreen';
import { ImportScreen } from './ImportScreen';
import { InitiativesScreen } from './InitiativesScreen';
import { NarrativeScreen } from './NarrativeScreen';
import { PackScreen } from './PackScreen';
import { ScorecardScreen } from './ScorecardScreen';
import { SettingsScreen } from './SettingsScreen';

export function ScreenView({ screen }: { screen: ScreenId }) {
  switch (screen) {
    case 'dashboard':
      return <DashboardScreen />;
    case 'import':
      return <ImportScreen />;
    case 'scorecard':
      return <ScorecardScreen />;
    case 'initiatives':
      return <InitiativesScreen />;
    case 'budget':
      return <BudgetScreen />;
    case 'narrative':
      return <NarrativeScreen />;
    // The pack engineer wires the Briefing pack screen here.
    case 'pack':
      return <PackScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
