import type { BenefitType, CommitmentType, Confidence, RiskTier, SpendCategory, Stage } from '../domain';

/** Text as people write enumerations: OMB-style "a) Pilot – ...", any case, spaces or underscores. */
function norm(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[a-z0-9]\)\s*/, '') // "a) Pre-deployment" → "pre-deployment"
    .split(/\s[–—-]\s|:/)[0]!
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const CATEGORY_WORDS: [RegExp, SpendCategory][] = [
  [/^(model ?api|api|llm|models?|tokens?|inference api|ai api|model usage)$/, 'model_api'],
  [/^(compute|gpu|gpus|cloud compute|training compute|inference compute)$/, 'compute'],
  [/^(labor|labour|people|staff|salaries|payroll|contractors?|headcount|services)$/, 'labor'],
  [/^(tooling|tools|software|licen[cs]es?|saas|subscriptions?)$/, 'tooling'],
  [/^(platform|infrastructure|infra|cloud|hosting|data platform)$/, 'platform'],
  [/^(other|misc|miscellaneous)$/, 'other'],
];

const categoryMemo = new Map<string, SpendCategory | null>();

/** Memoised: a category column repeats a handful of words over millions of rows. */
export function categoryFromText(text: string): SpendCategory | null {
  let c = categoryMemo.get(text);
  if (c !== undefined) return c;
  const t = norm(text);
  c = CATEGORY_WORDS.find(([re]) => re.test(t))?.[1] ?? null;
  if (categoryMemo.size < 10_000) categoryMemo.set(text, c);
  return c;
}

const AI_SERVICE =
  /openai|bedrock|cognitive|machine learning|sagemaker|vertex|anthropic|claude|gemini|generative|\bai\b|comprehend|textract|rekognition|translate|polly|transcribe|lex\b|kendra/i;
const COMPUTE_SERVICE =
  /compute|virtual machine|\bec2\b|amazonec2|gpu|kubernetes|container|batch|lambda|functions/i;

/** Cloud bills: AI services are model/API spend, compute is compute, the rest is platform. */
const serviceMemo = new Map<string, SpendCategory>();

export function categoryFromCloudService(service: string | null): SpendCategory {
  if (!service) return 'platform';
  let c = serviceMemo.get(service);
  if (c === undefined) {
    c = AI_SERVICE.test(service) ? 'model_api' : COMPUTE_SERVICE.test(service) ? 'compute' : 'platform';
    if (serviceMemo.size < 10_000) serviceMemo.set(service, c);
  }
  return c;
}

const STAGE_WORDS: [RegExp, Stage][] = [
  [/^(idea|concept|proposed|proposal|planned|backlog|intake|ideation)/, 'idea'],
  [
    /^(experiment|poc|proof of concept|prototype|pre deployment|development|in development|discovery|research)/,
    'experiment',
  ],
  [/^(pilot|beta|limited)/, 'pilot'],
  [/^(production|deployed|live|operational|in production|ga|scaled|scaling)/, 'production'],
  [/^(retired|decommissioned|discontinued|sunset|cancelled|canceled|stopped)/, 'retired'],
];

export function stageFromText(text: string): Stage | null {
  const t = norm(text);
  for (const [re, s] of STAGE_WORDS) if (re.test(t)) return s;
  return null;
}

export function boolFromText(text: string): boolean | null {
  const t = norm(text);
  if (/^(yes|y|true|1|x|✓|✔|checked|done)$/.test(t)) return true;
  if (/^(no|n|false|0|unchecked)$/.test(t)) return false;
  return null;
}

/** Risk tiers 1–4, from a number, "Tier 3", or a low/medium/high/critical word. */
export function riskTierFromText(text: string): RiskTier | null {
  const t = norm(text);
  const m = /^(?:tier\s*)?([1-4])$/.exec(t);
  if (m) return Number(m[1]) as RiskTier;
  const words: Record<string, RiskTier> = {
    low: 1,
    minimal: 1,
    medium: 2,
    moderate: 2,
    limited: 2,
    high: 3,
    critical: 4,
    unacceptable: 4,
  };
  return words[t] ?? null;
}

/** A high-impact flag (OMB inventory): high-impact is tier 3, "presumed but determined not" tier 2. */
export function riskTierFromHighImpact(text: string): RiskTier | null {
  const t = norm(text);
  if (/^presumed/.test(t)) return 2;
  if (/^(not|no\b|low)/.test(t)) return 1;
  if (/^(high|yes|true)/.test(t)) return 3;
  const b = boolFromText(text);
  return b === null ? null : b ? 3 : 1;
}

const BENEFIT_WORDS: [RegExp, BenefitType][] = [
  [/^(revenue|sales|upsell|new revenue|revenue uplift)/, 'revenue'],
  [/^(cost savings?|savings?|cost reduction|cost avoidance|efficiency)/, 'cost_savings'],
  [/^(productivity|time saved|hours saved)/, 'productivity'],
  [/^(risk|risk avoidance|risk reduction|compliance)/, 'risk_avoidance'],
  [/^other/, 'other'],
];

export function benefitTypeFromText(text: string): BenefitType | null {
  const t = norm(text);
  for (const [re, b] of BENEFIT_WORDS) if (re.test(t)) return b;
  return null;
}

/** A benefit assumption's confidence, in the languages the headers are read in (and L/M/H). */
export function confidenceFromText(text: string): Confidence | null {
  const t = norm(text);
  if (/^(low|l|niedrig|gering|faible|basse?|baj[ao]|bass[ao]|laag|baixa?)$/.test(t)) return 'low';
  if (/^(medium|med|m|moderate|mittel|moyenne?|media|medio|middel|gemiddeld|média|médio)$/.test(t))
    return 'medium';
  if (/^(high|h|hoch|élevée?|haute?|alta|alto|hoog|elevata?|elevad[ao])$/.test(t)) return 'high';
  return null;
}

export function realizedFromText(text: string): boolean | null {
  const t = norm(text);
  if (/^(realized|realised|actual|actuals|achieved|delivered|booked)$/.test(t)) return true;
  if (/^(projected|forecast|planned|expected|estimate|estimated|target)$/.test(t)) return false;
  return boolFromText(text);
}

const COMMITMENT_TYPE_WORDS: [RegExp, CommitmentType][] = [
  [
    /^(prepaid|pre paid|prepayment|prepaid credits?|credits?|credit balance|vorauszahlung|guthaben|prépayé|prepago|prepagato|vooruitbetaald|tegoed|pré pago)$/,
    'prepaid',
  ],
  [
    /^(commitment|commit|committed|committed spend|minimum commit|spend commitment|reserved|zusage|abnahmeverpflichtung|engagement|compromiso|impegno|verplichting|toezegging|compromisso)$/,
    'commitment',
  ],
];

/** "Prepaid", "credits", "Commit", "Zusage": a commitment's type; null for anything else. */
export function commitmentTypeFromText(text: string): CommitmentType | null {
  const t = norm(text);
  return COMMITMENT_TYPE_WORDS.find(([re]) => re.test(t))?.[1] ?? null;
}
