import type { BenefitAssumptions, Confidence } from '../../shared/domain';
import type { IsoDate } from '../../shared/fiscal';
import type { Micro } from '../../shared/money';

interface DemoAssumption {
  assumption: string;
  owner: string;
  source: string;
  confidence: Confidence;
  evidenceDate: IsoDate;
  /** The range as multiples of each line's amount (low ≤ 1 ≤ high). */
  low: number;
  high: number;
}

/**
 * What each demo initiative's benefit lines rest on, as a benefits owner would write it: wider ranges where
 * the evidence is thin (surveys, vendor benchmarks), narrow where it is measured (ticket queues).
 */
const DEMO_ASSUMPTIONS: Record<string, DemoAssumption> = {
  'Customer Support Copilot': {
    assumption: 'tickets deflected × cost per ticket',
    owner: 'Head of Customer Service',
    source: 'Zendesk deflection report vs 2024 baseline',
    confidence: 'medium',
    evidenceDate: '2026-06-30',
    low: 0.75,
    high: 1.15,
  },
  'Fraud Detection Uplift': {
    assumption: 'chargebacks avoided × average loss per chargeback',
    owner: 'Fraud Risk Lead',
    source: 'Chargeback ledger (Finance), model holdout',
    confidence: 'medium',
    evidenceDate: '2026-03-31',
    low: 0.6,
    high: 1.2,
  },
  'Developer Code Assistant': {
    assumption: 'engineer hours saved × loaded hourly rate',
    owner: 'VP Engineering',
    source: 'Developer survey + PR cycle-time telemetry',
    confidence: 'low',
    evidenceDate: '2025-11-15',
    low: 0.5,
    high: 1.3,
  },
  'Sales Email Assistant': {
    assumption: 'reply-rate uplift × pipeline conversion × deal size',
    owner: 'Chief Revenue Officer',
    source: 'CRM A/B test, Q1',
    confidence: 'low',
    evidenceDate: '2026-02-28',
    low: 0.4,
    high: 1.4,
  },
  'Knowledge Search': {
    assumption: 'search minutes saved × employees × hourly rate',
    owner: 'CIO',
    source: 'Time-and-motion sample (n = 60)',
    confidence: 'medium',
    evidenceDate: '2026-05-31',
    low: 0.7,
    high: 1.2,
  },
  'HR Policy Chatbot': {
    assumption: 'HR tickets avoided × handling cost',
    owner: 'HR Operations Manager',
    source: 'ServiceNow HR queue',
    confidence: 'high',
    evidenceDate: '2026-08-31',
    low: 0.9,
    high: 1.05,
  },
  'Contract Review AI': {
    assumption: 'review hours saved × outside counsel rate',
    owner: 'General Counsel',
    source: 'Pilot on 120 NDAs',
    confidence: 'low',
    evidenceDate: '2026-04-30',
    low: 0.5,
    high: 1.25,
  },
  'Claims Triage Automation': {
    assumption: 'claims auto-triaged × handling cost per claim',
    owner: 'Claims Director',
    source: 'Vendor benchmark',
    confidence: 'low',
    evidenceDate: '2025-12-15',
    low: 0.45,
    high: 1.2,
  },
  'Marketing Content Studio': {
    assumption: 'content pieces × agency cost avoided',
    owner: 'CMO',
    source: 'Agency rate card 2026',
    confidence: 'medium',
    evidenceDate: '2026-01-31',
    low: 0.6,
    high: 1.3,
  },
};

/** The register fields of one of the initiative's benefit lines of `amount` (none for an initiative not listed). */
export function demoAssumptions(initiative: string, amount: Micro): BenefitAssumptions | undefined {
  const a = DEMO_ASSUMPTIONS[initiative];
  if (!a) return undefined;
  return {
    low: Math.round(amount * a.low),
    high: Math.round(amount * a.high),
    assumption: a.assumption,
    owner: a.owner,
    source: a.source,
    confidence: a.confidence,
    evidenceDate: a.evidenceDate,
  };
}
