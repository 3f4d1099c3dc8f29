import type { z } from 'zod';
import { benefitMethods } from './benefits';
import type { MethodDef } from './contract';
import { fxMethods } from './fx';
import { packMethods } from './pack';
import { importMethods } from './import';
import { reportMethods } from './report';
import { workspaceMethods } from './workspace';

/** Every operation of the app, one map. Each domain adds its methods here, one line each. */
export const methods = {
  ...workspaceMethods,
  ...importMethods,
  ...reportMethods,
  ...packMethods,
  ...fxMethods,
  ...benefitMethods,
};

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type Input<K extends MethodName> = z.input<Methods[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Methods[K]['input']>;
export type Output<K extends MethodName> = Methods[K] extends MethodDef<z.ZodType, infer O> ? O : never;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

export * from './contract';
export * from './workspace';
export * from './report';
export * from './import';
export * from './fx';
export * from './benefits';
