import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encodeArray } from '../../store/binary-array.js';
import { testEngines } from '../../store/test-databases.js';
import { tsvectorBinary } from './tsvector-binary.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';

const A = 3 << 14;
const B = 2 << 14;
const C = 1 << 14;

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
      const rows = await suite.db.query<{ binary: string; text: string; sent: Uint8Array }>(
        'SELECT ($1::tsvector[])[1]::text AS binary, $2::tsvector::text AS text, tsvectorsend($2::tsvector) AS sent',
        [encodeArray('tsvector', [binary]), literal],
      );
      assert.equal(rows[0]?.binary, rows[0]?.text);
      // In the database's own order, which it would otherwise sort them into on receipt.
      assert.deepEqual(Buffer.from(binary), Buffer.from(rows[0]?.sent ?? []));
    });

    test('an empty vector', async () => {
      const rows = await suite.db.query<{ n: number }>('SELECT length(($1::tsvector[])[1])::int4 AS n', [encodeArray('tsvector', [tsvectorBinary([], [])])]); // prettier-ignore
      assert.equal(rows[0]?.n, 0);
    });
  });
}
