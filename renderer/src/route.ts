import { useEffect, useState } from 'react';

/** `#/initiatives/7` → ['initiatives', '7']. */
export function hashParts(): string[] {
  return window.location.hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((p) => p !== '')
    .map((p) => decodeURIComponent(p));
}

/** The part of the route after the screen id (e.g. an initiative id), kept in sync with the hash. */
export function useSubRoute(): string | null {
  const [sub, setSub] = useState<string | null>(() => hashParts()[1] ?? null);
  useEffect(() => {
    const on = () => setSub(hashParts()[1] ?? null);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return sub;
}
