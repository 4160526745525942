import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCueWords } from './cue-words.js';
import { isDecisionSentence, isProposalSentence, splitSentences } from './item-content.js';

describe('item sentences', () => {
  it('takes a sentence that reports a vote for a decision', () => {
    assert.ok(isDecisionSentence('Äänestyksen jälkeen päätettiin palauttaa asia valmisteluun.'));
    assert.ok(isDecisionSentence('Efter omröstning med rösterna 7–4 beslutade nämnden godkänna förslaget.'));
    assert.ok(isDecisionSentence('➤ Hyväksyttiin.'));
    assert.ok(!isDecisionSentence('Keskustelussa todettiin, että asiaan palataan.'));
  });

  it('takes a decision told after an adverbial, the body after its verb', () => {
    assert.ok(
      isDecisionSentence('I de övriga ärendena beslutade stadsstyrelsen enhälligt enligt beslutsförslagen.'),
    );
    assert.ok(isDecisionSentence('Asiassa kunnanhallitus päätti yksimielisesti hyväksyä esityksen.'));
    assert.ok(!isDecisionSentence('I fjol beslutade vi att utreda frågan.'));
    assert.ok(!isDecisionSentence('Asiasta kunnanhallitus päättää myöhemmin.'));
  });

  it('tells proposals by their opening verb', () => {
    assert.ok(isProposalSentence('Merkitään tiedoksi.'));
    assert.ok(isProposalSentence('Förslag: nämnden godkänner budgeten.'));
    assert.ok(!isProposalSentence('Talousarvio on tiukka.'));
  });

  it('does not join a sentence that ends with a clock or a date to the next', () => {
    const text =
      'Juha Lehto poistui kokouksesta klo 10.15.\nPäätettiin jatkaa valmistelua. Kokous pidettiin 4.4.\nMuuta ei.';
    assert.deepEqual(
      splitSentences(text, 0, text.length, findCueWords(text)).map((s) => s.text),
      [
        'Juha Lehto poistui kokouksesta klo 10.15.',
        'Päätettiin jatkaa valmistelua.',
        'Kokous pidettiin 4.4.',
        'Muuta ei.',
      ],
    );
  });

  it('marks arrivals, departures and attachment notes as asides', () => {
    const text =
      'Liite 1: Talousarvio. Matti Virtanen poistui kokouksesta. Hyväksyttiin ehdotuksen mukaisesti.';
    const sentences = splitSentences(text, 0, text.length, findCueWords(text));
    assert.deepEqual(
      sentences.map((s) => [s.text, s.aside]),
      [
        ['Liite 1: Talousarvio.', true],
        ['Matti Virtanen poistui kokouksesta.', true],
        ['Hyväksyttiin ehdotuksen mukaisesti.', false],
      ],
    );
  });
});
