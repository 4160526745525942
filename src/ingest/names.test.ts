import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayPersonName, normaliseBodyName, normaliseOrganisation, personNameKey } from './names.js';
import { findNonPublicBasis } from './non-public.js';

test('the ways a name is written give one key', () => {
  const keys = ['Heikkilä. Marja', 'Heikkilä, Marja', 'Marja Heikkilä', ' marja  HEIKKILÄ '].map(
    personNameKey,
  );
  assert.equal(new Set(keys).size, 1);
  assert.equal(displayPersonName('Heikkilä, Marja'), 'Marja Heikkilä');
  assert.notEqual(personNameKey('Marja Heikkilä'), personNameKey('Maria Heikkilä'));
});

test('municipality forms are one organisation; others keep their name', () => {
  const turku = ['Turun kaupunki', 'Turku', 'Åbo stad', 'Åbo'].map((n) => normaliseOrganisation(n).key);
  assert.deepEqual(new Set(turku), new Set(['municipality:turku']));
  assert.equal(normaliseOrganisation('Korsholms kommun').key, normaliseOrganisation('Mustasaaren kunta').key);
  assert.equal(normaliseOrganisation('Turun yliopisto').kind, 'other');
  assert.equal(normaliseOrganisation('Länsi-Pohjan sote-projekti').key, 'org:länsi-pohjan sote-projekti');
});

test('a body carries its municipality only through a known genitive', () => {
  assert.deepEqual(normaliseBodyName('Vaasan kaupunginhallitus'), {
    key: 'kaupunginhallitus',
    organisation: { key: 'municipality:vaasa', name: 'Vaasa', kind: 'municipality' },
  });
  assert.equal(normaliseBodyName('Socialnämnden i Vasa').organisation?.name, 'Vaasa');
  assert.equal(normaliseBodyName('Länsi-Pohjan sote-projektin ohjausryhmä').organisation, null);
});

test('non-public markings are found with their basis', () => {
  assert.equal(
    findNonPublicBasis('§ 16 Oikaisuvaatimus\nEi julkinen, JulkL 24 § 1 mom. 25 k\nAsia'),
    'Ei julkinen, JulkL 24 § 1 mom. 25 k',
  );
  assert.equal(findNonPublicBasis('Liite 3 (salassa pidettävä)'), 'Liite 3 (salassa pidettävä)');
  assert.equal(findNonPublicBasis('Merkitään tiedoksi.'), null);
});
