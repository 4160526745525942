import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readItemRecords } from './item-records.js';

describe('readItemRecords', () => {
  it('reads a Finnish vote with its question and counts', () => {
    const region =
      'Äänestystavaksi hyväksyttiin sähköinen äänestys: JAA = kaupunginjohtajan ehdotus, EI = Mäenpään muutosehdotus. ' +
      'Äänestyksen jälkeen puheenjohtaja totesi, että ehdotus on hyväksytty äänin 7 JAA, 4 EI, 1 tyhjä. Poissa 1 kpl';
    const { votes } = readItemRecords(region, 'Toimitilojen vuokrasopimus');
    assert.equal(votes.length, 1);
    assert.deepEqual([votes[0]?.yes, votes[0]?.no, votes[0]?.blank, votes[0]?.absent], [7, 4, 1, 1]);
    assert.match(votes[0]?.question ?? '', /^Toimitilojen vuokrasopimus – JAA = kaupunginjohtajan ehdotus/u);
  });

  it('reads a Swedish vote', () => {
    const { votes } = readItemRecords(
      'Efter omröstning med rösterna 9 (A, B) – 4 (C, D) beslutade styrelsen återremittera ärendet.',
      'Budget',
    );
    assert.deepEqual([votes[0]?.yes, votes[0]?.no], [9, 4]);
  });

  it('names who declared a conflict of interest and who dissented', () => {
    const region =
      'Sari Mustonen ilmoitti olevansa esteellinen eikä osallistunut asian käsittelyyn. Päätös: Hyväksyttiin. ' +
      'Hanna Koskela jätti päätöksestä eriävän mielipiteen.';
    const records = readItemRecords(region, 'Sote-keskuspilotti');
    assert.deepEqual(records.disqualified, ['Sari Mustonen']);
    assert.equal(records.dissents[0]?.name, 'Hanna Koskela');
    assert.deepEqual(records.votes, []);
  });
});
