// The production dependency check CI runs before the tests (and anyone can run: `npm run audit:deps`).
//
// 1. `npm audit --omit=dev`: fails on a high or critical advisory. When the registry does not answer the
//    audit endpoint (the CI machine reaches a registry mirror that refuses it), the audit is reported as
//    SKIPPED, never as passed; run it on a networked machine (README, "Dependency audit").
// 2. `npm ls --omit=dev --all`: fails when a package the app ships is one of the known-abandoned ones
//    listed in scripts/abandoned-packages.json (its maintainers deprecated it, or it is unmaintained).
//    The registry mirror here carries no deprecation notices, so the list is kept by hand.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function runNpm(args) {
  const result = spawnSync(npm, args, { cwd: root, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  return {
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    error: result.error,
  };
}

/**
 * What `npm audit --omit=dev --json` printed, as a verdict and one line to print.
 * @returns {{ verdict: 'passed' | 'failed' | 'skipped', line: string }}
 */
export function auditVerdict(stdout, fallbackReason = 'no answer') {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    report = undefined;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why = (report?.message ?? report?.error?.summary ?? fallbackReason).trim();
    return {
      verdict: 'skipped',
      line:
        `npm audit --omit=dev: SKIPPED, not passed — the registry did not answer the audit request (${why}). ` +
        'Run `npm audit --omit=dev` on a machine that reaches registry.npmjs.org.',
    };
  }
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  const summary = Object.entries(counts)
    .filter(([k, n]) => k !== 'total' && n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  if (serious > 0)
    return {
      verdict: 'failed',
      line: `npm audit --omit=dev: FAILED — ${summary}. Details: npm audit --omit=dev`,
    };
  return { verdict: 'passed', line: `npm audit --omit=dev: passed (${summary || 'no advisories'})` };
}

function audit() {
  const { stdout, stderr, error } = runNpm(['audit', '--omit=dev', '--json']);
  const { verdict, line } = auditVerdict(stdout, error?.message ?? stderr.split('\n').find((l) => l.trim()));
  console.log(line);
  return verdict;
}

/** Every package (name@version) in the production tree, from `npm ls --json`. */
export function productionPackages(tree) {
  const found = new Map();
  const walk = (deps) => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      if (!node.version) continue;
      const key = `${name}@${node.version}`;
      if (found.has(key)) continue;
      found.set(key, { name, version: node.version });
      walk(node.dependencies);
    }
  };
  walk(tree.dependencies);
  return [...found.values()];
}

/** The abandoned entries matching a package: `below` is the first major that is maintained again. */
export function abandonedMatches(packages, list) {
  const hits = [];
  for (const pkg of packages) {
    const major = Number(pkg.version.split('.')[0]);
    for (const entry of list) {
      if (entry.name !== pkg.name) continue;
      if (entry.below !== undefined && !(major < entry.below)) continue;
      hits.push({ ...pkg, reason: entry.reason });
    }
  }
  return hits;
}

function abandoned() {
  const { stdout } = runNpm(['ls', '--omit=dev', '--all', '--json']);
  const list = JSON.parse(fs.readFileSync(path.join(root, 'scripts/abandoned-packages.json'), 'utf8'));
  const hits = abandonedMatches(productionPackages(JSON.parse(stdout)), list.packages);
  if (hits.length === 0) {
    console.log(`npm ls --omit=dev: no known-abandoned package (${list.packages.length} checked)`);
    return 'passed';
  }
  console.log('npm ls --omit=dev: FAILED — the app ships known-abandoned packages:');
  for (const hit of hits) console.log(`  ${hit.name}@${hit.version}: ${hit.reason} (npm ls ${hit.name})`);
  return 'failed';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = [audit(), abandoned()];
  process.exit(results.includes('failed') ? 1 : 0);
}
