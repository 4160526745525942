import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { encodeArray } from '../../store/binary-array.js';
import { testEngines } from '../../store/test-databases.js';
import { tsvectorBinary } from './tsvector-binary.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';

const A = 3 << 14;
const B = 2 << 14;
const C = 1 << 14;

/** The lexemes and positions a binary vector holds, in its order. */
function readBinary(binary: Uint8Array): { lexeme: string; positions: number[] }[] {
  const bytes = Buffer.from(binary.buffer, binary.byteOffset, binary.byteLength);
  const out: { lexeme: string; positions: number[] }[] = [];
  let at = 4;
  for (let n = bytes.readInt32BE(0); n > 0; n--) {
    const end = bytes.indexOf(0, at);
    const lexeme = bytes.toString('utf8', at, end);
    const count = bytes.readUInt16BE(end + 1);
    at = end + 3;
    const positions = Array.from({ length: count }, (_, i) => bytes.readUInt16BE(at + 2 * i));
    at += 2 * count;
    out.push({ lexeme, positions });
  }
  assert.equal(at, bytes.length);
  return out;
}

test('each lexeme once, as UTF-8 (a lone surrogate as U+FFFD), in the order given, with its positions', () => {
  const unit = fc.oneof(fc.constantFrom('a', 'ä', 'ö', 'Ā', 'ш', '~', 'ｆ', '𝔘', '\uD800', '\uDC00', 'z'), fc.string({ unit: 'binary', maxLength: 1 })); // prettier-ignore
  // Words never hold NUL, which ends a lexeme in the binary form.
  const lexeme = fc.string({ unit, minLength: 1, maxLength: 6 }).filter((l) => !l.includes('\u0000'));
  fc.assert(
    fc.property(fc.uniqueArray(lexeme, { maxLength: 30 }), (lexemes) => {
      const positions = lexemes.map((_, i) => (i % 3 === 0 ? [] : [i + 1, ((i + 2) | C) & 0xffff]));
      const read = readBinary(tsvectorBinary(lexemes, positions));
      const expected = lexemes.map((l, i) => ({ lexeme: Buffer.from(l).toString('utf8'), positions: positions[i] as number[] })); // prettier-ignore
      assert.deepEqual(read, expected);
    }),
  );
});

for (const engine of await testEngines()) {
  describe(`binary tsvectors on ${engine}`, () => {
    const suite = suiteDatabase(engine);

    test('the database reads the same vector as from its text form: any lexeme order, quotes, characters beyond the BMP and above its surrogates, backslashes, non-Latin letters, weights, no positions', async () => {
      const lexemes = [
        'öljy',
        "o'connor",
        'back\\slash',
        'ääni',
        'aa',
        'a',
        '~sote~johtoryhmä',
        '𝔘nicode',
        'zeta',
        'ｆｕｌｌ',
      ];
      const positions = [
        [1 | A, 7 | C],
        [2 | B],
        [3 | C],
        [4 | A, 16_383 | C],
        [5 | C],
        [6 | C],
        [],
        [8 | B],
        [9 | C],
        [10 | C],
      ];
      const literal = "'öljy':1A,7C 'o''connor':2B 'back\\\\slash':3C 'ääni':4A,16383C 'aa':5C 'a':6C '~sote~johtoryhmä' '𝔘nicode':8B 'zeta':9C 'ｆｕｌｌ':10C"; // prettier-ignore
      const binary = tsvectorBinary(lexemes, positions);
      const rows = await suite.db.query<{ same: boolean; text: string }>(
        'SELECT ($1::tsvector[])[1] = $2::tsvector AS same, ($1::tsvector[])[1]::text AS text',
        [encodeArray('tsvector', [binary]), literal],
      );
      // Sorted into the database's own order on receipt: bytes compared, a prefix first, surrogates too.
      assert.deepEqual(rows[0], {
        same: true,
        text: "'a':6C 'aa':5C 'back\\\\slash':3C 'o''connor':2B 'zeta':9C '~sote~johtoryhmä' 'ääni':4A,16383C 'öljy':1A,7C 'ｆｕｌｌ':10C '𝔘nicode':8B", // prettier-ignore
      });
    });

    test('an empty vector', async () => {
      const rows = await suite.db.query<{ n: number }>('SELECT length(($1::tsvector[])[1])::int4 AS n', [encodeArray('tsvector', [tsvectorBinary([], [])])]); // prettier-ignore
      assert.equal(rows[0]?.n, 0);
    });
  });
}
