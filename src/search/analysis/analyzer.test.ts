import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from './analyzer.js';
import { loadVoikko } from './voikko.js';

const voikko = loadVoikko();

describe('Finnish with Voikko', { skip: voikko ? false : 'libvoikko is not installed' }, () => {
  const analyzer = new Analyzer(voikko);

  test('a compound gives its lemma, its parts and its leading sub-compound', () => {
    const terms = analyzer.indexTerms('valinnanvapauspilotteihin', 'fi');
    for (const t of ['valinnanvapauspilotti', 'valinnanvapaus', 'valinta', 'vapaus', 'pilotti']) {
      assert.ok(terms.includes(t), `${t} in ${terms.join(' ')}`);
    }
    assert.ok(analyzer.indexTerms('valinnanvapauslainsäädäntöön', 'fi').includes('valinnanvapaus'));
  });

  test('names in case forms meet their nominative', () => {
    assert.ok(analyzer.indexTerms('Virtaselle', 'fi').includes('virtanen'));
    assert.ok(analyzer.queryAlternatives('virtasen').includes('virtanen'));
    assert.ok(analyzer.indexTerms('Helsingin', 'sv').includes('helsinki'));
  });

  test('a query word matches its lemma', () => {
    assert.ok(analyzer.queryAlternatives('pilotteja').includes('pilotti'));
  });
});

describe('Swedish', () => {
  const analyzer = new Analyzer(null);

  test('compounds split against the lexicon', () => {
    const terms = analyzer.indexTerms('socialnämnden', 'sv');
    assert.ok(terms.includes('socialnämnd') && terms.includes('nämnd'), terms.join(' '));
    assert.ok(analyzer.indexTerms('byggnadsnämndens', 'sv').includes('nämnd'));
  });

  test('stems meet across inflections', () => {
    assert.ok(analyzer.queryAlternatives('nämnder').includes(analyzer.indexTerms('nämnden', 'sv')[0] ?? ''));
  });
});

test('without Voikko, Finnish falls back to Snowball', () => {
  const analyzer = new Analyzer(null);
  assert.equal(analyzer.engine, 'snowball');
  assert.deepEqual(analyzer.indexTerms('pilotteihin', 'fi'), analyzer.indexTerms('pilotteja', 'fi'));
  assert.deepEqual(analyzer.indexTerms('ja', 'fi'), []);
});
