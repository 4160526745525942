import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { prepareDocument } from '../ingest/prepare-document.js';
import { storeDocument } from '../ingest/store-document.js';
import type { Db } from '../store/db.js';
import type { TestDatabase } from '../store/test-databases.js';
import { createTestDatabase, testEngines } from '../store/test-databases.js';
import { Analyzer } from './analysis/analyzer.js';
import { loadVoikko } from './analysis/voikko.js';
import { reindexAll } from './index/index-document.js';
import type { SearchOptions } from './query/search.js';
import { compileQuery } from './query/compile-query.js';
import { parseQuery } from './query/query-parser.js';
import { search } from './query/search.js';
import { findSimilar } from './query/similar.js';

const engines = await testEngines();
const DOCUMENTS = 'test/fixtures/search/documents';
const voikko = loadVoikko();
const hitsByEngine = new Map<string, string[]>();

for (const engine of engines) {
  describe(`search on ${engine}`, () => {
    let t: TestDatabase;
    let db: Db;
    const analyzer = new Analyzer(voikko);
    const find = async (q: string, o: SearchOptions = {}) => {
      const r = await search(db, q, { analyzer, ...o });
      return { ...r, files: r.hits.map((h) => h.source).sort() };
    };
    before(async () => {
      t = await createTestDatabase(engine);
      db = await t.open();
      for (const name of (await readdir(DOCUMENTS)).sort()) {
        const bytes = await readFile(join(DOCUMENTS, name));
        await storeDocument(db, await prepareDocument(bytes, name, name));
      }
      // Indexed at ingest already; rebuilt here so both engines learn the same lexicon in the same order.
      await reindexAll(db, { analyzer });
    });
    after(() => t.drop());

    test('a compound part finds the compound in any case form', { skip: !voikko }, async () => {
      assert.deepEqual((await find('pilotti')).files, ['sote-lautakunta-5-2023.txt']);
      assert.deepEqual((await find('valinnanvapaus')).files, ['sote-lautakunta-5-2023.txt']);
      const { hits } = await find('pilotti');
      assert.match(hits[0]?.snippet ?? '', /<mark>valinnanvapauspilotteihin<\/mark>/);
    });

    test('names match in any case form', async () => {
      assert.deepEqual((await find('Virtaselle')).files, ['kaupunginhallitus-12-2022.txt', 'sote-lautakunta-5-2023.txt']); // prettier-ignore
      assert.deepEqual((await find('Korhonen', { person: 'Mikko Korhoselle' })).files, ['kaupunginvaltuusto-1-2020.txt']); // prettier-ignore
    });

    test('Swedish compounds split: nämnd finds socialnämnden and byggnadsnämnden', async () => {
      const { files } = await find('nämnd');
      assert.ok(files.includes('socialnamnden-4-2023.txt') && files.includes('byggnadsnamnden-2-2022.txt'), files.join()); // prettier-ignore
    });

    test('operators, phrases, prefixes and filters', async () => {
      assert.deepEqual((await find('"detaljplan för Kvarnbacken"')).files, ['byggnadsnamnden-2-2022.txt']);
      assert.deepEqual((await find('hemvården OCH NOT budget')).files, []);
      assert.deepEqual((await find('skolskjuts* TAI raitiotie*')).files, ['bildningsnamnden-6-2024.txt', 'kaupunginhallitus-12-2022.txt']); // prettier-ignore
      assert.deepEqual((await find('kokous', { language: 'sv' })).total, 0);
      assert.deepEqual((await find('lautakunta', { from: '2024-01-01', to: '2024-12-31' })).files, ['ymparistolautakunta-3-2024.txt']); // prettier-ignore
      const facets = (await find('lautakunta')).facets;
      assert.ok(facets.year.length > 0 && facets.kind.length > 0);
      assert.equal((await find('kokous', { limit: 1, offset: 1 })).hits.length, 1);
    });

    test('phrases of names match through their word pairs as they match without', async () => {
      const phrases = ['"Pekka Mäkinen"', '"Liisa Korhosen"', '"johanna virtanen"', '"Turun kaupunki"', '"Vasa stad"', '"Tampereen kaupunki" OR "Borgå stad"', '"turun kaupungin"', 'kaupunki -"Turun kaupunki"', '"Mäkinen Pekka"']; // prettier-ignore
      const compiled = compileQuery(parseQuery('"Pekka Mäkinen"'), analyzer, { namePairs: true });
      assert.match(compiled.match ?? '', /'~pekka~mäkinen'/u);
      const page = async (q: string) => (await search(db, q, { analyzer, limit: 20 })).hits.map((h) => [h.documentId, h.score]); // prettier-ignore
      await db.exec('UPDATE search_format SET name_pairs = false');
      const without = await Promise.all(phrases.map(page));
      await db.exec('UPDATE search_format SET name_pairs = true');
      const through = await Promise.all(phrases.map(page));
      assert.deepEqual(through, without);
      assert.ok(without.filter((hits) => hits.length > 0).length >= 7, JSON.stringify(without));
    });

    test('non-public items never leak into hits, counts, facets or snippets', async () => {
      const hidden = await find('irtisanomisriita');
      assert.equal(hidden.total, 0);
      assert.deepEqual(hidden.facets.body, []);
      const open = await find('valinnanvapaus* OR sovintoehdotus');
      for (const h of open.hits) assert.doesNotMatch(h.snippet, /sovinto|irtisanomis/i);
      const allowed = await find('irtisanomisriita', { includeNonPublic: true });
      assert.deepEqual(allowed.files, ['sote-lautakunta-5-2023.txt']);
    });

    test('similar documents are others, most alike first', async () => {
      const [doc] = await db.query<{ id: string }>(`SELECT id FROM documents WHERE file_name = 'socialnamnden-4-2023.txt'`); // prettier-ignore
      const similar = await findSimilar(db, doc?.id ?? '');
      assert.ok(similar.length > 0);
      assert.ok(similar.every((s) => s.documentId !== doc?.id));
      assert.equal(similar[0]?.source, 'byggnadsnamnden-2-2022.txt');
    });

    test('every search row has its postings and its bound', async () => {
      const [row] = await db.query<{ rows: number; bounded: number; posted: number }>(
        `SELECT count(*)::int AS rows, count(rest_impact)::int AS bounded,
           (SELECT count(DISTINCT (doc_key, public))::int FROM search_postings) AS posted FROM search_documents`,
      );
      assert.ok(row && row.rows > 0);
      assert.equal(row.bounded, row.rows);
      assert.equal(row.posted, row.rows);
    });

    test('collects hits to compare across engines', async () => {
      const out: string[] = [];
      for (const q of ['kokous', 'nämnd', 'Virtanen', 'talousarvio', 'lautakunta OR nämnd']) {
        const r = await find(q, { limit: 20 });
        out.push(`${q}:${r.total}:${r.hits.map((h) => `${h.source}@${h.score.toFixed(5)}`).join(',')}`);
      }
      hitsByEngine.set(engine, out);
    });
  });
}

test('both engines give the same hits in the same order', { skip: engines.length < 2 }, () => {
  const [a, b] = [...hitsByEngine.values()];
  assert.deepEqual(a, b);
});
