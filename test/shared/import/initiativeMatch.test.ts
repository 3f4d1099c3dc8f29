import { describe, expect, it } from 'vitest';
import {
  INITIATIVE_MATCH_THRESHOLD,
  normaliseInitiativeName,
  proposeInitiativeMatch,
} from '../../../shared/import/initiativeMatch';

const WORKSPACE = [
  'Customer Support Copilot',
  'Fraud Detection Uplift',
  'Sales Email Assistant',
  'Contract Review AI',
  'HR Policy Chatbot',
  'Sales Copilot',
];

describe('a new initiative name close to an existing one is proposed as it', () => {
  it('normalises case, accents, punctuation and spacing', () => {
    expect(normaliseInitiativeName('  Customer-Support  Copilot® ')).toBe('customer support copilot');
    expect(normaliseInitiativeName('Détection  de fraude')).toBe('detection de fraude');
  });

  it('proposes the initiative whose words contain the name (token-set ratio at or above the threshold)', () => {
    expect(proposeInitiativeMatch('Support Copilot', WORKSPACE)).toEqual({
      initiative: 'Customer Support Copilot',
      score: 100,
    });
    expect(proposeInitiativeMatch('Fraud detection', WORKSPACE)?.initiative).toBe('Fraud Detection Uplift');
    expect(proposeInitiativeMatch('Customer-Support Copilot', WORKSPACE)?.initiative).toBe(
      'Customer Support Copilot',
    );
    // A misspelling of a word.
    const typo = proposeInitiativeMatch('Customer Suport Copilot', WORKSPACE);
    expect(typo?.initiative).toBe('Customer Support Copilot');
    expect(typo!.score).toBeGreaterThanOrEqual(INITIATIVE_MATCH_THRESHOLD);
  });

  it('proposes nothing for different initiatives, or a lone word many names share', () => {
    expect(proposeInitiativeMatch('Marketing Content Generator', WORKSPACE)).toBeNull();
    expect(proposeInitiativeMatch('IT Helpdesk Chatbot', WORKSPACE)).toBeNull();
    // "Copilot" is in two names: too little to say which, if either.
    expect(proposeInitiativeMatch('Copilot', WORKSPACE)).toBeNull();
    expect(proposeInitiativeMatch('', WORKSPACE)).toBeNull();
    expect(proposeInitiativeMatch('Support Copilot', [])).toBeNull();
  });

  it('prefers the closer whole name when several contain it', () => {
    expect(proposeInitiativeMatch('Sales Copilot Team', WORKSPACE)?.initiative).toBe('Sales Copilot');
  });
});
