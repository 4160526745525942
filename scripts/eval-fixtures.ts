// Scores the parser on the repository's own golden corpus (test/fixtures/parse) with the TypeScript port
// of the shared scorer, and prints the same table and summary lines as score_parse.py.
// usage: node --import tsx scripts/eval-fixtures.ts [--verbose]
import { loadExpected, loadManifest, parseCase } from '../test/support/corpus.js';
import {
  formatMisses,
  formatTable,
  prf,
  scoreDocument,
  sumTallies,
  totals,
  type Tallies,
} from '../test/support/score.js';
import { describeFailure } from '../src/parse/describe-failure.js';

const verbose = process.argv.includes('--verbose');
const manifest = loadManifest();
const perCase: Tallies[] = [];
const perCaseF1: string[] = [];
const misses: string[] = [];
const below: string[] = [];
let failed = 0;

for (const spec of manifest.cases) {
  const { json, error } = await parseCase(spec);
  if (error) {
    failed += 1;
    process.stderr.write(`${spec.name}: ${describeFailure(error)}\n`);
  }
  const score = scoreDocument(loadExpected(spec), json ?? {}, spec.name);
  const f1 = prf(totals(score.groups)).f1;
  perCase.push(score.groups);
  perCaseF1.push(`${spec.name} ${f1.toFixed(2)}`);
  if (f1 < spec.min_f1) below.push(`${spec.name} ${f1.toFixed(3)} < ${spec.min_f1}`);
  if (verbose && score.misses.length > 0) misses.push(formatMisses(score.misses));
}

const groups = sumTallies(perCase);
const { precision, recall, f1 } = prf(totals(groups));
const macro = perCase.reduce((sum, g) => sum + prf(totals(g)).f1, 0) / Math.max(perCase.length, 1);
const lines = [formatTable(groups), ...misses, `per document F1: ${perCaseF1.join(', ')}`];
if (failed) lines.push(`documents without a prediction: ${failed}`);
if (below.length) lines.push(`below their min_f1: ${below.join(', ')}`);
lines.push(
  `overall micro: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} F1 ${f1.toFixed(3)} | ` +
    `macro F1 over ${perCase.length} documents ${macro.toFixed(3)}`,
);
process.stdout.write(lines.join('\n') + '\n');
