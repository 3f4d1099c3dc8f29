import type { MethodName } from '../../../shared/api';
import type { HandlerMap } from './types';
import { benefitHandlers } from './benefits';
import { fxHandlers } from './fx';
import { importHandlers } from './import';
import { packHandlers } from './pack';
import { reportHandlers } from './report';
import { workspaceHandlers } from './workspace';

/** The service's handler map: every API method has exactly one handler (checked by the type). */
export const handlers: HandlerMap<MethodName> = {
  ...workspaceHandlers,
  ...importHandlers,
  ...reportHandlers,
  ...packHandlers,
  ...fxHandlers,
  ...benefitHandlers,
};
