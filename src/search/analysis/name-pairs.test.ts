import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer } from './analyzer.js';
import { pairsOf, queryPairs } from './name-pairs.js';

const analyzer = new Analyzer(null);
const stems = (word: string) => analyzer.stems(word);

test('a given name, or a body or organisation word on either side, makes a pair', () => {
  assert.deepEqual(pairsOf(['raimo'], ['halonen'], stems), ['~raimo~halonen']);
  assert.deepEqual(pairsOf(['valinnanvapauspilotti'], ['ohjausryhmä', 'ryhmä'], stems), [
    '~valinnanvapauspilotti~ohjausryhmä',
    '~valinnanvapauspilotti~ryhmä',
  ]);
  assert.deepEqual(pairsOf(['turku'], ['kaupunki'], stems), ['~turku~kaupunki']);
  assert.deepEqual(pairsOf(['styrgrupp'], ['vårdreform'], stems), ['~styrgrupp~vårdreform']);
});

test('other words, a surname first, a meeting word alone and "kunta" inside "liikunta" make none', () => {
  assert.deepEqual(pairsOf(['päätös'], ['tehdä'], stems), []);
  assert.deepEqual(pairsOf(['halonen'], ['avata'], stems), []);
  assert.deepEqual(pairsOf(['seuraava'], ['kokous'], stems), []);
  assert.deepEqual(pairsOf(['liikunta'], ['palvelu'], stems), []);
  assert.deepEqual(pairsOf(['sote'], ['johtajakokous'], stems), ['~sote~johtajakokous']);
});

test('a query uses pairs only when every combination of its alternatives makes one', () => {
  assert.deepEqual(queryPairs(['raimo'], ['halonen', 'halon'], stems), ['~raimo~halonen', '~raimo~halon']);
  assert.equal(queryPairs(['halonen', 'halon'], ['raimo'], stems), null);
  assert.equal(queryPairs(['pilotti', 'ohjaus'], ['hanke'], stems), null);
});
