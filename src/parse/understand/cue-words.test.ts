import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CASELESS_CUE_WORDS, CUE_WORDS, type CueKind, findCueWords } from './cue-words.js';

/** Every start of a word of `kind` in `text`, found the slow way: each word tried at each place. */
function startsOf(text: string, kind: CueKind): number[] {
  const caseless = kind in CASELESS_CUE_WORDS;
  const words: readonly string[] = caseless
    ? CASELESS_CUE_WORDS[kind as keyof typeof CASELESS_CUE_WORDS]
    : CUE_WORDS[kind as keyof typeof CUE_WORDS];
  const haystack = caseless ? text.toLowerCase() : text;
  const starts: number[] = [];
  for (let at = 0; at < text.length; at++) {
    const found = words.some(
      (word) =>
        haystack.startsWith(word, at) &&
        (kind !== 'taskVerb' || !/[a-zåäöé0-9]/iu.test(text.charAt(at + word.length))),
    );
    if (found) starts.push(at);
  }
  return starts;
}

function nextOffsets(text: string, kind: CueKind): number[] {
  const cues = findCueWords(text);
  const starts: number[] = [];
  for (let at = cues.next(kind, 0); at >= 0; at = cues.next(kind, at + 1)) starts.push(at);
  return starts;
}

describe('findCueWords', () => {
  it('finds words that overlap and words inside longer words', () => {
    const text = 'Pöytäkirjanpitäjä Sihteeri Sekreterare; Muistion laati Anna Aho. Seuraava kokous.';
    const cues = findCueWords(text);
    const at = (word: string): number => text.indexOf(word);
    assert.deepEqual(nextOffsets(text, 'recorderLabel'), [
      0,
      at('Sihteeri'),
      at('Sekreterare'),
      at('Muistion'),
    ]);
    // 'pitäjä' inside 'Pöytäkirjanpitäjä', 'ekreterare' inside 'Sekreterare'.
    assert.deepEqual(nextOffsets(text, 'recorder'), [
      at('pitäjä'),
      at('Sihteeri'),
      at('ekreterare'),
      at('laati'),
    ]);
    assert.equal(cues.has('nextMeeting', 0, text.length), true);
    assert.equal(cues.has('vote', 0, text.length), false);
  });

  it('reads caseless words in any case, and task verbs only where a word ends', () => {
    const text =
      'PÖYTÄKIRJAN TARKASTAJAT. Anna Aho VIE asian eteenpäin; viestintä; Nästa möte. Bo Ek tar fram.';
    const cues = findCueWords(text);
    assert.equal(cues.has('checkers', 0, text.length), true);
    assert.deepEqual(nextOffsets(text, 'taskVerb'), [text.indexOf('VIE'), text.indexOf('tar fram')]);
    assert.deepEqual(nextOffsets(text, 'nextMeetingLabel'), [text.indexOf('Nästa')]);
    assert.equal(cues.beginsIn('taskVerb', 0, text.indexOf('VIE')), false);
    assert.equal(cues.beginsIn('taskVerb', 0, text.indexOf('VIE') + 1), true);
  });

  it('says whether a word lies wholly inside a span', () => {
    const text = 'Hän poistui kokouksesta.';
    const cues = findCueWords(text);
    assert.equal(cues.has('movement', 4, 11), true);
    assert.equal(cues.has('movement', 4, 10), false);
    assert.equal(cues.has('movement', 5, 24), false);
  });

  it('finds what trying every word at every place finds', () => {
    const pieces = [
      ...Object.values(CUE_WORDS).flat(),
      ...Object.values(CASELESS_CUE_WORDS).flat(),
      'VIE',
      'Seuraava',
      'ä',
      'x',
      ' ',
      '\n',
      '–',
      '1',
    ];
    const kinds = [...Object.keys(CUE_WORDS), ...Object.keys(CASELESS_CUE_WORDS)] as CueKind[];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        for (const kind of kinds) assert.deepEqual(nextOffsets(text, kind), startsOf(text, kind), kind);
      }),
      { numRuns: 300 },
    );
  });
});
