import { columnsOf } from '../columns';
import { defineSource } from './source';

/** The U.S. federal AI use-case inventory (OMB M-25-21): an initiative register. */
export const ombInventory = defineSource({
  id: 'omb-inventory',
  kind: 'initiatives',
  identify: (view) =>
    view.keys.has('usecasename') && (view.keys.has('stageofdevelopment') || view.keys.has('developmentstage'))
      ? 'U.S. federal AI use-case inventory'
      : null,
  mapping: (view) => ({
    kind: 'initiatives',
    format: 'omb-inventory',
    columns: columnsOf(view.headers, {
      name: ['usecasename'],
      nameQualifier: ['usecaseidagencyabbrev', 'usecaseid'],
      owner: ['agencyname', 'agency'],
      businessUnit: ['bureaucomponent', 'bureau'],
      stage: ['stageofdevelopment', 'developmentstage'],
      highImpact: ['istheaiusecasehighimpact', 'ishighimpact'],
      description: ['whatproblemistheaiintendedtosolve', 'problemsolved'],
    }),
    dateOrder: 'mdy',
    duplicateNames: 'qualify-with-row',
  }),
});
