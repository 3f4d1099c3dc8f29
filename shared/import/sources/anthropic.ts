import { columnsOf } from '../columns';
import { defineSource, hasAll } from './source';

/** Anthropic Console cost export (USD, one row per day, model and workspace). */
export const anthropicCost = defineSource({
  id: 'anthropic',
  kind: 'spend',
  identify: (view) => (hasAll(view, 'usagedateutc', 'costusd') ? 'Anthropic Console cost export' : null),
  mapping: (view) => ({
    kind: 'spend',
    format: 'anthropic',
    columns: columnsOf(view.headers, { date: ['usagedateutc'], amount: ['costusd'], description: ['model'] }),
    currency: 'USD',
    vendor: 'Anthropic',
    decimal: '.',
    dateOrder: 'ymd',
    categoryRule: 'constant',
    category: 'model_api',
  }),
});

/** Anthropic Console token export: recognised, so the user is told to export the cost CSV instead. */
export const anthropicTokens = defineSource({
  id: 'anthropic-tokens',
  kind: null,
  reported: 'anthropic',
  identify: (view) =>
    hasAll(view, 'usagedateutc', 'usageinputtokensnocache') ? 'Anthropic Console token export' : null,
  unsupported: 'it counts tokens but carries no cost; export the Cost CSV instead',
});
