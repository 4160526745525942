import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findItemMarkers, findSubItemMarkers } from './item-segments.js';

function numbersOf(text: string): string[] {
  return findItemMarkers(text, 0, text.length).map((m) => m.number);
}

describe('findItemMarkers', () => {
  it('reads an excerpt whose dotted items go on from an earlier meeting', () => {
    const text =
      'KALLELSE Sammanträdestid Tisdagen den 8 mars 2016, kl. 18:00 Ärende 41. LAGLIGHET OCH BESLUTFÖRHET ' +
      '42. VAL AV PROTOKOLLJUSTERARE 43. GODKÄNNANDE AV FÖREDRAGNINGSLISTAN 44. BYGGNADSLOV Ansökan om lov';
    assert.deepEqual(numbersOf(text), ['41', '42', '43', '44']);
  });

  it('does not take two later numbers in running text for items', () => {
    const text =
      'Kokous pidettiin salissa. Asiasta keskusteltiin. 12. Kesäkuuta pidetään seminaari. 13. Heinäkuuta ei.';
    assert.deepEqual(numbersOf(text), []);
  });

  it('takes numbered attachments for attachments, not for items', () => {
    const body = 'Asiasta keskusteltiin laajasti ja todettiin tilanne.\n\n';
    const text =
      `1 Kokouksen avaaminen\n\n${body}2 Toimintasuunnitelma\n\n${body}Liite 1. Riskiarvio\nLiite 2. Aikataulu\n\n` +
      `3 Talousarvio\n\n${body}Liite 3. Toimintasuunnitelma 2018\nLiite 4. Esitysmateriaali\n\n4 Muut asiat\n\n${body}`;
    const titles = findItemMarkers(text, 0, text.length).map((m) => text.slice(m.titleStart).split('\n')[0]);
    assert.deepEqual(titles, ['Kokouksen avaaminen', 'Toimintasuunnitelma', 'Talousarvio', 'Muut asiat']);
  });

  it('prefers a chain that starts at one', () => {
    const text = '1. Kokouksen avaus Avattiin. 2. Työjärjestys Hyväksyttiin. 3. Muut asiat Ei muita asioita.';
    assert.deepEqual(numbersOf(text), ['1', '2', '3']);
  });

  it('lets the written-out items take the place of their table-of-contents entries', () => {
    const text =
      'Esityslista 1. Kokouksen avaus 2. Työjärjestys 3. Talousarvio 4. Muut asiat ' +
      '1. Kokouksen avaus Puheenjohtaja avaa kokouksen. 2. Työjärjestys Hyväksytään työjärjestys.';
    const markers = findItemMarkers(text, 0, text.length);
    assert.deepEqual(
      markers.map((m) => [m.number, text.slice(m.titleStart, m.end).trim()]),
      [
        ['1', 'Kokouksen avaus Puheenjohtaja avaa kokouksen.'],
        ['2', 'Työjärjestys Hyväksytään työjärjestys.'],
        ['3', 'Talousarvio'],
        ['4', 'Muut asiat'],
      ],
    );
  });

  it('keeps a numbered list inside the last item out of the items', () => {
    const text =
      '1. Avaus Avattiin. 2. Talous Merkittiin. 3. Muut asiat Keskusteltiin: 1. Kesäpäivät 2. Koulutukset.';
    assert.deepEqual(
      findItemMarkers(text, 0, text.length).map((m) => [m.number, m.end ?? null]),
      [
        ['1', null],
        ['2', null],
        ['3', null],
      ],
    );
  });

  it('reads items numbered without a dot, titles in capitals or not', () => {
    const text =
      'Närvarande\nAnna Holm\n\n1 ÖPPNANDE\nMötet öppnades.\n\n2 Godkännande av dagordningen\nGodkändes.\n\n' +
      '3 BOKSLUT 2015\nAntecknades.\n';
    assert.deepEqual(numbersOf(text), ['1', '2', '3']);
  });
});

describe('findSubItemMarkers', () => {
  it('reads lettered sub-items written with their item number', () => {
    const text = '12 Talous\nEhdotus.\n12 a. Ensihoidon palvelutasopäätös\nEhdotus.\n';
    const at = text.indexOf('Ehdotus');
    assert.deepEqual(
      findSubItemMarkers(text, at, text.length, '12').map((m) => [
        m.number,
        text.slice(m.titleStart, m.titleStart + 9),
      ]),
      [['12 a', 'Ensihoido']],
    );
    const swedish = 'Beslut.\n6 a § Uppdatering av projektplanen\nBeslut.\n';
    assert.deepEqual(
      findSubItemMarkers(swedish, 0, swedish.length, '6').map((m) => m.number),
      ['6 a'],
    );
  });

  it('finds a numbered sub-item inside a flattened line', () => {
    const text = 'Beslut: Antecknades för kännedom. 8 a. Personalbokslut 2021 Resultaten var goda.';
    assert.deepEqual(
      findSubItemMarkers(text, 0, text.length, '8').map((m) => [
        m.number,
        text.slice(m.titleStart, m.titleStart + 15),
      ]),
      [['8 a', 'Personalbokslut']],
    );
  });

  it('needs two bare letters, and the number of its own item', () => {
    const text = 'Keskusteltiin.\na) Talous\nTodettiin.\n7 a. Toinen asia\n';
    assert.deepEqual(findSubItemMarkers(text, 0, text.length, '6'), []);
  });
});
