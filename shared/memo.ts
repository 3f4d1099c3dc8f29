/**
 * A function of a string key computed once per key. Screens and packs format thousands of figures, and an
 * Intl formatter costs far more to build than to use: each is built once per currency or precision.
 */
export function memo<T>(make: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(key)));
    return value;
  };
}
