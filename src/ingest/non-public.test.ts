import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findNonPublicBasis } from './non-public.js';

test('finds each marking in any case, on its own line', () => {
  const markings = ['Ei julkinen', 'SALASSA PIDETTÄVÄ', 'salassapidettävä', 'Luottamuksellinen', 'Sekretessbelagd', 'sekretess', 'Icke offentlig', 'JulkL (621/1999) 24 §', 'julkl 24 §', 'OffL 6 §', 'ſalaſſa pidettävä']; // prettier-ignore
  for (const marking of markings) {
    assert.equal(findNonPublicBasis(`Otsikko\nLiite 3, ${marking} \nMuuta`), `Liite 3, ${marking}`);
  }
});

test('needs a marking to start a word', () => {
  assert.equal(findNonPublicBasis('Pöytäkirja on julkinen.\nEi-julkinen osa: ei julkinen'), 'Ei-julkinen osa: ei julkinen'); // prettier-ignore
  assert.equal(findNonPublicBasis('osaei julkinen\nkolmas'), null);
  assert.equal(findNonPublicBasis(''), null);
  assert.equal(findNonPublicBasis('e'), null);
});
