import type { CommentaryScope } from '../../shared/api/workspace';

/** The narrative a CAIO would have drafted for the demo's latest quarter. */
export const DEMO_COMMENTARY: { period: string; scope: CommentaryScope; ref: string; body: string }[] = [
  {
    period: 'FY2026-Q3',
    scope: 'kpi',
    ref: 'high_risk_approved_pct',
    body: 'Claims Triage Automation (tier 4) entered pilot before its formal approval; the risk committee reviews it on 14 October and the pilot is limited to 5% of claims until then.',
  },
  {
    period: 'FY2026-Q3',
    scope: 'kpi',
    ref: 'third_party_risk_compliance',
    body: 'Two critical vendors have overdue security reassessments; both are scheduled to close in Q4.',
  },
  {
    period: 'FY2026-Q3',
    scope: 'kpi',
    ref: 'token_budget_variance',
    body: 'Model API spend ran over plan after Claims Triage token usage tripled in August; rate limits and caching were added on 2 September.',
  },
  {
    period: 'FY2026-Q3',
    scope: 'kpi',
    ref: 'time_to_production_days',
    body: 'The median is held up by Sales Email Assistant and Knowledge Search, both of which waited on data-access reviews; the new fast-track review for tier 1–2 use cases starts in Q4.',
  },
  {
    period: 'FY2026-Q3',
    scope: 'kpi',
    ref: 'incident_count',
    body: 'Six minor incidents, all contained within the SLO; four traced to one prompt-template release that skipped the evaluation gate, which is now mandatory.',
  },
  {
    period: 'FY2026-Q3',
    scope: 'risks',
    ref: '',
    body: 'Tier-4 pilot running ahead of approval (Claims Triage).\nVendor concentration: 58% of model API spend with one provider.\nEU AI Act obligations for high-risk systems apply from August 2026.',
  },
  {
    period: 'FY2026-Q3',
    scope: 'decisions',
    ref: '',
    body: 'Approve a 12% increase in the FY2026 model API budget, funded from the unused tooling line.\nEndorse the production go-live of Contract Review AI in Q1 FY2027, subject to legal sign-off.',
  },
  {
    period: 'FY2026-Q3',
    scope: 'priorities',
    ref: '',
    body: 'Close the Claims Triage approval and vendor reassessments.\nInstrument drift detection for all production models.\nCut inference cost per key action by 15% through caching and model routing.',
  },
];
