// The golden corpus: every case in test/fixtures/parse/manifest.json is parsed, checked against the
// contract and scored against its expected.json with the port of the shared scorer.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadExpected, loadManifest, parseCase, type CorpusCase } from './support/corpus.js';
import {
  formatMisses,
  formatTable,
  microF1,
  prf,
  scoreDocument,
  sumTallies,
  totals,
  type Tallies,
} from './support/score.js';
import { contractErrors } from './support/validate-contract.js';
import { describeFailure } from '../src/parse/describe-failure.js';

const MISSES_SHOWN = 60;

interface CaseResult {
  spec: CorpusCase;
  error: unknown;
  contract: string[];
  groups: Tallies;
  f1: number;
  misses: string;
}

const manifest = loadManifest();
const results = new Map<string, CaseResult>();

async function runCase(spec: CorpusCase): Promise<CaseResult> {
  const { json, error } = await parseCase(spec);
  // A document the parser cannot read scores as an empty prediction, as the shared scorer treats it.
  const { groups, misses } = scoreDocument(loadExpected(spec), json ?? {}, spec.name);
  return {
    spec,
    error,
    contract: json ? contractErrors(json) : [],
    groups,
    f1: prf(totals(groups)).f1,
    misses: formatMisses(misses, MISSES_SHOWN),
  };
}

describe('golden corpus', () => {
  before(async () => {
    for (const spec of manifest.cases) results.set(spec.name, await runCase(spec));
  });

  for (const spec of manifest.cases) {
    it(`${spec.name} scores F1 >= ${spec.min_f1}`, (t) => {
      const r = results.get(spec.name)!;
      assert.equal(r.error, null, `${spec.name}: parse failed: ${describeFailure(r.error)}`);
      assert.deepEqual(r.contract, [], `${spec.name}: output breaks the contract`);
      t.diagnostic(`F1 ${r.f1.toFixed(3)} (min ${spec.min_f1}) — ${spec.about}`);
      assert.ok(
        r.f1 >= spec.min_f1,
        `${spec.name}: F1 ${r.f1.toFixed(3)} < ${spec.min_f1}\n${formatTable(r.groups)}\n${r.misses}`,
      );
    });
  }

  it(`micro F1 over the corpus >= ${manifest.min_micro_f1}`, (t) => {
    const all = [...results.values()];
    const groups = sumTallies(all.map((r) => r.groups));
    const f1 = microF1(groups);
    t.diagnostic(`per case: ${all.map((r) => `${r.spec.name} ${r.f1.toFixed(2)}`).join(', ')}`);
    t.diagnostic(`corpus micro F1 ${f1.toFixed(3)}`);
    assert.ok(
      f1 >= manifest.min_micro_f1,
      `corpus micro F1 ${f1.toFixed(3)} < ${manifest.min_micro_f1}\n${formatTable(groups)}`,
    );
  });
});
