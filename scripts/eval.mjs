// Scores the parser where the shared material is checked out beside the repository (../shared):
// builds, runs `pykala parse --out` over the seeds and the dev documents, scores each set with the shared
// scorer, then scores the repository's own golden corpus with the TypeScript port.
// usage: node scripts/eval.mjs [--tables] [--verbose] [--no-build]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SHARED = resolve(process.env.PYKALA_SHARED ?? join(ROOT, '..', 'shared'));
const args = process.argv.slice(2);
const tables = args.includes('--tables') || args.includes('--verbose');
const verbose = args.includes('--verbose');

function run(command, commandArgs, options = {}) {
  return spawnSync(command, commandArgs, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
}

function lastLine(text) {
  return (text ?? '').trimEnd().split('\n').pop() ?? '';
}

function filesIn(dir) {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => join(dir, name));
}

/** Parses `docs` into `out` with the built CLI, then scores `out` against `gold` with the shared scorer. */
function scoreSet(label, docs, gold, out) {
  const parse = run(process.execPath, ['bin/pykala.js', 'parse', '--out', out, ...filesIn(docs)]);
  if (parse.error) throw parse.error;
  if (parse.status !== 0) {
    process.stderr.write(parse.stderr);
    process.stdout.write(
      `${label} pykala parse exited with ${parse.status ?? parse.signal}; missing outputs score as empty\n`,
    );
  }
  const scoreArgs = [join(SHARED, 'tools', 'score_parse.py'), gold, out, ...(verbose ? ['--verbose'] : [])];
  const score = run('python3', scoreArgs);
  if (score.error || score.status !== 0) {
    process.stdout.write(
      `${label}: the shared scorer did not run (${score.error?.message ?? score.stderr.trim()})\n`,
    );
    return;
  }
  if (tables) process.stdout.write(`\n== ${label}\n${score.stdout}`);
  else process.stdout.write(`${label.padEnd(9)} ${lastLine(score.stdout)}\n`);
}

if (!existsSync(join(SHARED, 'tools', 'score_parse.py'))) {
  process.stdout.write(`eval: no shared material at ${SHARED}; skipping the seed and dev scores.\n`);
} else {
  if (!args.includes('--no-build')) {
    const build = run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
    if (build.status !== 0) {
      process.stderr.write(`eval: build failed\n${build.stdout}${build.stderr}`);
      process.exit(1);
    }
  }
  const out = mkdtempSync(join(tmpdir(), 'pykala-eval-'));
  try {
    scoreSet('seeds:', join(SHARED, 'seeds'), join(SHARED, 'gold'), join(out, 'seeds'));
    if (existsSync(join(SHARED, 'dev', 'docs'))) {
      scoreSet('dev:', join(SHARED, 'dev', 'docs'), join(SHARED, 'dev', 'gold'), join(out, 'dev'));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const fixtures = run(process.execPath, [
  '--import',
  'tsx',
  'scripts/eval-fixtures.ts',
  ...(verbose ? ['--verbose'] : []),
]);
if (fixtures.error || fixtures.status !== 0) {
  process.stderr.write(`eval: scoring the fixtures failed\n${fixtures.stderr}`);
  process.exit(1);
}
if (fixtures.stderr) process.stderr.write(fixtures.stderr);
if (tables) process.stdout.write(`\n== fixtures\n${fixtures.stdout}`);
else process.stdout.write(`${'fixtures:'.padEnd(9)} ${lastLine(fixtures.stdout)}\n`);
