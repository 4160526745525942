import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findItemMarkers } from './item-segments.js';

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

  it('prefers a chain that starts at one', () => {
    const text = '1. Kokouksen avaus Avattiin. 2. Työjärjestys Hyväksyttiin. 3. Muut asiat Ei muita asioita.';
    assert.deepEqual(numbersOf(text), ['1', '2', '3']);
  });
});
