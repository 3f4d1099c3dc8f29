import type { ScreenId } from '../screens';
import { DashboardScreen } from './DashboardScreen';
import { ImportScreen } from './ImportScreen';
import { InitiativesScreen } from './InitiativesScreen';
import { PlannedScreen } from './PlannedScreen';
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
      return <PlannedScreen title="Budget" />;
    case 'narrative':
      return <PlannedScreen title="Narrative" />;
    case 'pack':
      return <PlannedScreen title="Briefing pack" />;
    case 'settings':
      return <SettingsScreen />;
  }
}
