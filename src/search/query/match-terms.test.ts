import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../analysis/analyzer.js';
import { loadVoikko } from '../analysis/voikko.js';
import type { TermQuery } from './match-terms.js';
import { matchesTerms, textMatcher, toTermQuery } from './match-terms.js';
import { parseQuery } from './query-parser.js';

const voikko = loadVoikko();

/** Whether `text` in `language` concerns query `q` under `analyzer`. */
function concerns(analyzer: Analyzer, q: string, text: string, language: string): boolean {
  const query = toTermQuery(parseQuery(q), analyzer);
  assert.ok(query, q);
  return textMatcher(query, analyzer)(text, language);
}

describe('Finnish with Voikko', { skip: voikko ? false : 'libvoikko is not installed' }, () => {
  const analyzer = new Analyzer(voikko);
  const fi = (q: string, text: string) => concerns(analyzer, q, text, 'fi');

  test('an inflected form meets its base form, both ways', () => {
    assert.ok(fi('päiväkoti', 'Päiväkotien aukioloajat'));
    assert.ok(fi('päiväkodeista', 'Uusi päiväkoti'));
    assert.ok(!fi('päiväkoti', 'Koulukuljetukset'));
  });

  test('a compound part meets the compound', () => {
    assert.ok(fi('pilotti', 'Periaatelinjaus valinnanvapauspilotteihin'));
    assert.ok(fi('valinnanvapaus', 'Periaatelinjaus valinnanvapauspilotteihin'));
  });

  test('NOT, OR and AND as search has them', () => {
    const text = 'Valinnanvapauspilotin arviointi ja sote-uudistus';
    assert.ok(fi('pilotti -koulu', text));
    assert.ok(!fi('pilotti -arviointi', text));
    assert.ok(!fi('pilotti EI uudistus', text));
    assert.ok(fi('koulu OR pilotti', text));
    assert.ok(!fi('koulu OR päiväkoti', text));
    assert.ok(fi('pilotti arviointi', text));
    assert.ok(!fi('pilotti koulu', text));
    assert.ok(fi('(koulu TAI arviointi) pilotti', text));
  });

  test('a phrase needs all its words, a prefix any term that starts with it', () => {
    assert.ok(fi('"sote uudistus"', 'Sote-uudistuksen valmistelu'));
    assert.ok(!fi('"sote uudistus"', 'Sote-palvelut'));
    assert.ok(fi('valinnanvap*', 'Valinnanvapauspilotteihin'));
    assert.ok(!fi('valinnanvap*', 'Vapauspilotteihin'));
  });
});

describe('Swedish', () => {
  const analyzer = new Analyzer(null);
  const sv = (q: string, text: string) => concerns(analyzer, q, text, 'sv');

  test('inflections and compound parts meet', () => {
    assert.ok(sv('nämnd', 'Socialnämndens budget'));
    assert.ok(sv('budgeten', 'Budget för år 2025'));
    assert.ok(sv('omsorg', 'Äldreomsorgen i kommunen'));
    assert.ok(!sv('omsorg', 'Detaljplan för centrum'));
  });

  test('NOT and OR', () => {
    assert.ok(sv('omsorg -skola', 'Äldreomsorgen i kommunen'));
    assert.ok(!sv('omsorg INTE kommun', 'Äldreomsorgen i kommunen'));
    assert.ok(sv('skola ELLER omsorg', 'Äldreomsorgen i kommunen'));
  });
});

test('terms match by set: stopwords drop out, NOT alone is its absence', () => {
  const analyzer = new Analyzer(null);
  assert.equal(toTermQuery(parseQuery('ja och'), analyzer), null);
  const query: TermQuery = { kind: 'not', child: { kind: 'terms', terms: ['koulu'] } };
  assert.ok(matchesTerms(query, new Set(['pilotti'])));
  assert.ok(!matchesTerms(query, new Set(['koulu'])));
  assert.deepEqual(toTermQuery(parseQuery('ja pilotti'), analyzer), toTermQuery(parseQuery('pilotti'), analyzer)); // prettier-ignore
});
