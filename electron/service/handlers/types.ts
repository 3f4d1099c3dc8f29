import type { MethodName, Output, ParsedInput } from '../../../shared/api';
import type { ServiceContext } from '../context';

export type Handler<K extends MethodName> = (
  input: ParsedInput<K>,
  ctx: ServiceContext,
) => Output<K> | Promise<Output<K>>;

export type HandlerMap<K extends MethodName> = { [P in K]: Handler<P> };
