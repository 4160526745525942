import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encodeArray } from './binary-array.js';
import { testEngines } from './test-databases.js';
import { suiteDatabase } from '../../test/support/suite-database.js';

for (const engine of await testEngines()) {
  describe(`binary arrays on ${engine}`, () => {
    const suite = suiteDatabase(engine);

    const roundTrip = async (type: string, values: unknown[]) => {
      const rows = await suite.db.query<{ v: string | null }>(
        `SELECT v::text AS v FROM unnest($1::${type}[]) WITH ORDINALITY AS t(v, i) ORDER BY i`,
        [encodeArray(type as 'text', values)],
      );
      return rows.map((r) => r.v);
    };

    test('text arrives as written: quotes, backslashes, braces, commas, new lines, non-Latin letters, NULL', async () => {
      const values = ['a"b', 'c\\d', '{e,f}', 'NULL', '', 'rivi\nrivi\ttab', 'Äänekoski ★ 𝔘', null];
      assert.deepEqual(await roundTrip('text', values), values);
    });

    test('a text or JSON given as its UTF-8 bytes arrives as the same text', async () => {
      const texts = ['Äänekoski ★ 𝔘', '', 'rivi\nrivi'];
      const utf8 = texts.map((t) => new TextEncoder().encode(t));
      assert.deepEqual(await roundTrip('text', [...utf8, null]), [...texts, null]);
      assert.deepEqual(encodeArray('text', utf8), encodeArray('text', texts));
      const json = '{"b": [1, "ä"],"a":null}';
      assert.deepEqual(await roundTrip('json', [Buffer.from(json)]), [json]);
      assert.deepEqual(await roundTrip('jsonb', [Buffer.from(json)]), ['{"a": null, "b": [1, "ä"]}']);
    });

    test('dates and JSON in their own binary forms; a date that does not exist is refused', async () => {
      assert.deepEqual(
        await roundTrip('date', ['2000-01-01', '1999-12-31', '2024-02-29', '1066-10-14', null]),
        ['2000-01-01', '1999-12-31', '2024-02-29', '1066-10-14', null],
      );
      assert.throws(() => encodeArray('date', ['2019-02-30']), /not a date \(YYYY-MM-DD\): "2019-02-30"/);
      assert.throws(() => encodeArray('date', ['1.2.2019']), /not a date/);
      assert.deepEqual(await roundTrip('jsonb', ['{"b": [1, "ä"], "a": null}', '"\\u00e4 \\n ei"', null]), [
        '{"a": null, "b": [1, "ä"]}',
        '"ä \\n ei"',
        null,
      ]);
      // json keeps its text as written: key order and spacing.
      assert.deepEqual(await roundTrip('json', ['{"b": [1, "ä"],"a":null}', null]), ['{"b": [1, "ä"],"a":null}', null]); // prettier-ignore
    });

    test('numbers and booleans in their own binary forms', async () => {
      assert.deepEqual(await roundTrip('int4', [0, -1, 2_147_483_647, null]), [
        '0',
        '-1',
        '2147483647',
        null,
      ]);
      assert.deepEqual(await roundTrip('int2', [7, -32_768]), ['7', '-32768']);
      assert.deepEqual(await roundTrip('int8', ['-9223372036854775808', 42]), ['-9223372036854775808', '42']);
      assert.deepEqual(await roundTrip('bool', [true, false, null]), ['true', 'false', null]);
      // float4 rounds as the text form does: to the nearest single-precision value.
      const floats = [0.1, 1 / 3, 123456.789];
      const asText = await suite.db.query<{ v: string }>('SELECT unnest($1::float4[])::text AS v', [floats]);
      assert.deepEqual(
        await roundTrip('float4', floats),
        asText.map((r) => r.v),
      );
    });
  });
}
