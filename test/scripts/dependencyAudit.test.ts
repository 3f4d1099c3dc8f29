import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script (CI runs it with node), no type declarations
import { abandonedMatches, auditVerdict, productionPackages } from '../../scripts/dependency-audit.mjs';

const ROOT = path.resolve(__dirname, '../..');

describe('dependency audit (CI runs scripts/dependency-audit.mjs before the tests)', () => {
  it('an audit the registry refuses is SKIPPED, never passed', () => {
    // What npm 11 prints when the registry mirror refuses the bulk advisory endpoint (as here).
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    });
    const verdict = auditVerdict(refused);
    expect(verdict.verdict).toBe('skipped');
    expect(verdict.line).toContain('SKIPPED, not passed');
    expect(verdict.line).toContain('405 Method Not Allowed');
    expect(auditVerdict('', 'getaddrinfo ENOTFOUND registry.npmjs.org').line).toContain('ENOTFOUND');
  });

  it('an audit that answers passes on low advisories and fails on high or critical ones', () => {
    const answer = (counts: Record<string, number>) =>
      JSON.stringify({ metadata: { vulnerabilities: counts } });
    expect(
      auditVerdict(answer({ info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 })).verdict,
    ).toBe('passed');
    expect(auditVerdict(answer({ low: 2, moderate: 1, high: 0, critical: 0, total: 3 })).line).toContain(
      '2 low, 1 moderate',
    );
    expect(auditVerdict(answer({ low: 0, high: 1, critical: 0, total: 1 })).verdict).toBe('failed');
    expect(auditVerdict(answer({ critical: 1, total: 1 })).verdict).toBe('failed');
  });

  it('finds an abandoned package anywhere in the tree, by major version where one is maintained again', () => {
    const tree = {
      dependencies: {
        a: {
          version: '1.0.0',
          dependencies: { glob: { version: '7.2.3', dependencies: { inflight: { version: '1.0.6' } } } },
        },
        b: { version: '2.0.0', dependencies: { glob: { version: '13.0.7' } } },
      },
    };
    const list = [
      { name: 'glob', below: 9, reason: 'old glob' },
      { name: 'inflight', reason: 'leaks' },
    ];
    const hits = abandonedMatches(productionPackages(tree), list);
    expect(hits.map((h: { name: string; version: string }) => `${h.name}@${h.version}`).sort()).toEqual([
      'glob@7.2.3',
      'inflight@1.0.6',
    ]);
  });

  it('the production tree as installed ships no known-abandoned package', () => {
    const ls = spawnSync('npm', ['ls', '--omit=dev', '--all', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const list = require('../../scripts/abandoned-packages.json') as { packages: unknown[] };
    const packages = productionPackages(JSON.parse(ls.stdout));
    expect(packages.length).toBeGreaterThan(50);
    expect(abandonedMatches(packages, list.packages)).toEqual([]);
  });
});
