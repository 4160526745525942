import { encodeArray } from '../../store/binary-array.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { searchRanking } from '../../store/migrations/0003-search-ranking.js';
import { searchBounds } from '../../store/migrations/0004-search-bounds.js';
import { testEngines } from '../../store/test-databases.js';
import { Analyzer } from '../analysis/analyzer.js';
import { preparePostings, writePostings } from '../index/postings.js';
import { buildDocumentVectors } from '../index/term-vector.js';
import type { SearchOptions } from './search.js';
import { search } from './search.js';
import { rankCandidates } from './top-k.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';

const engines = await testEngines();
// No Voikko, so the terms are Snowball's and the same on every machine.
// Without names' word pairs: the migrations' SQL below computes postings from vectors of before them.
const analyzer = new Analyzer(null, { namePairs: false });
const WORDS = ('talousarvio kaavoitus päiväkoti koulu kirjasto liikenne katu puisto vesihuolto jätehuolto ' +
  'tarkastus lautakunta valtuusto hallitus sopimus hankinta avustus maksu taksa lupa rakennus asemakaava ' +
  'yleiskaava ympäristö terveys sosiaali vanhus nuoriso kulttuuri liikunta').split(' '); // prettier-ignore
const DOCUMENTS = 260;
// Few postings per row, so that most matches lie outside them and the bounds are exercised.
const POSTINGS = 6;
const hitsByEngine = new Map<string, string[]>();

/** A deterministic document: a title of two words and a body of 20–200 words, some of them repeated. */
function makeDocument(i: number): {
  id: string;
  title: string;
  text: string;
  date: string;
  language: string;
} {
  let x = (i + 1) * 0x9e3779b9;
  // mulberry32
  const next = (n: number) => {
    x = (x + 0x6d2b79f5) | 0;
    let z = Math.imul(x ^ (x >>> 15), 1 | x);
    z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
    return ((z ^ (z >>> 14)) >>> 0) % n;
  };
  const pick = () => WORDS[Math.min(WORDS.length - 1, Math.floor(Math.sqrt(next(WORDS.length * WORDS.length))))] ?? 'katu'; // prettier-ignore
  const words = Array.from({ length: 20 + next(180) }, pick);
  return { id: `doc-${String(i).padStart(4, '0')}`, title: `${pick()} ${pick()}`, text: words.join(' '), date: `20${10 + (i % 15)}-0${1 + (i % 9)}-15`, language: i % 7 === 0 ? 'sv' : 'fi' }; // prettier-ignore
}

for (const engine of engines) {
  describe(`top-k ranking on ${engine}`, () => {
    const suite = suiteDatabase(engine, async (db) => {
      await db.exec('UPDATE search_format SET name_pairs = false');
      for (let i = 0; i < DOCUMENTS; i++) {
        const d = makeDocument(i);
        const v = buildDocumentVectors({ text: d.text, language: 'fi', title: d.title, bodyName: null, spans: [], hiddenItems: new Set(), hiddenAttachments: new Set() }, analyzer).publicVector; // prettier-ignore
        const postings = preparePostings(v, POSTINGS);
        await db.query(
          `INSERT INTO documents (id, source_path, file_name, byte_size, kind, language, reader, title, date, text, item_count, participant_count)
           VALUES ($1, $1, $1, 1, 'minutes', $2, 'text', $3, $4, $5, 0, 0)`,
          [d.id, d.language, d.title, d.date, d.text],
        );
        await db.query(
          `INSERT INTO search_documents (document_id, audience, complete, kind, language, date, title, file_name, people, organisations, vector, top_terms, top_counts, rest_impact)
           VALUES ($1, 'public', true, 'minutes', $2, $3, $4, $1, '', '', ($5::tsvector[])[1], '{}', '{}', $6)`,
          [d.id, d.language, d.date, d.title, encodeArray('tsvector', [v.binary]), postings.rest],
        );
        await writePostings(db, [{ documentId: d.id, audience: 'public', ...postings }]);
      }
      // A row only callers allowed to see non-public content may find, with postings of its own.
      const hidden = buildDocumentVectors({ text: 'salainen irtisanominen talousarvio', language: 'fi', title: null, bodyName: null, spans: [], hiddenItems: new Set(), hiddenAttachments: new Set() }, analyzer).publicVector; // prettier-ignore
      await db.query(
        `INSERT INTO search_documents (document_id, audience, complete, kind, language, file_name, people, organisations, vector, top_terms, top_counts, rest_impact)
         VALUES ('doc-0000', 'all', false, 'minutes', 'fi', 'doc-0000', '', '', ($1::tsvector[])[1], '{}', '{}', 0)`,
        [encodeArray('tsvector', [hidden.binary])],
      );
      await writePostings(db, [
        { documentId: 'doc-0000', audience: 'all', ...preparePostings(hidden, POSTINGS) },
      ]);
    });

    /** One query's page ranked from the postings (top-k) and by ranking every match, the exact one. */
    const rankBothWays = async (q: string, options: SearchOptions = {}) => ({
      fast: await search(suite.db, q, { ...options, analyzer, facets: false }),
      exact: await search(suite.db, q, { ...options, analyzer, facets: false, ranking: 'exhaustive' }),
    });

    test("a posting's impact is the term's own ts_rank in that row", async () => {
      const rows = await suite.db.query<{ term: string; impact: number; rank: number }>(
        `SELECT p.term, p.impact, ts_rank('{0.05, 0.2, 0.5, 1.0}', s.vector, quote_literal(p.term)::tsquery, 1) AS rank
         FROM search_postings p JOIN search_documents s ON ('x' || left(md5(s.document_id), 16))::bit(64)::int8 = p.doc_key
           AND s.audience = 'public' AND p.public
         ORDER BY p.doc_key, p.term LIMIT 200`,
      );
      assert.equal(rows.length, 200);
      for (const r of rows)
        assert.ok(Math.abs(r.impact - r.rank) <= 1e-6 * r.rank, `${r.term}: ${r.impact} ≠ ${r.rank}`);
    });

    test('the migrations compute the same postings and bounds from stored vectors', async () => {
      const before = await suite.db.query<{ k: string; t: string; i: number }>(`SELECT doc_key::text AS k, term AS t, impact AS i FROM search_postings ORDER BY 1, 2`); // prettier-ignore
      const bounds = await suite.db.query<{ id: string; r: number }>(`SELECT document_id || audience AS id, rest_impact AS r FROM search_documents ORDER BY 1`); // prettier-ignore
      await suite.db.exec('DELETE FROM search_postings');
      await suite.db.exec(searchRanking.slice(searchRanking.indexOf('INSERT INTO search_postings')).replace(/k <= 64/, `k <= ${POSTINGS}`)); // prettier-ignore
      await suite.db.exec(
        searchBounds.slice(searchBounds.indexOf('UPDATE')).replace(/k = 65/, `k = ${POSTINGS + 1}`),
      );
      const again = await suite.db.query<{ k: string; t: string; i: number }>(`SELECT doc_key::text AS k, term AS t, impact AS i FROM search_postings ORDER BY 1, 2`); // prettier-ignore
      const boundsAgain = await suite.db.query<{ id: string; r: number }>(`SELECT document_id || audience AS id, rest_impact AS r FROM search_documents ORDER BY 1`); // prettier-ignore
      // Ties at the cut may fall either way; the impacts of the postings and the bounds agree.
      assert.equal(again.length, before.length);
      const impacts = (rows: { i: number }[]) => rows.map((r) => r.i.toFixed(5)).sort();
      assert.deepEqual(impacts(again), impacts(before));
      assert.deepEqual(boundsAgain.map((b) => b.r.toFixed(5)), bounds.map((b) => b.r.toFixed(5))); // prettier-ignore
    });

    test('one word or words joined by OR: the same page as ranking every match', async () => {
      for (const q of [
        'liikunta',
        'kulttuuri',
        'nuoriso',
        'puisto',
        'liikunta OR vanhus',
        'terveys TAI sosiaali',
      ]) {
        for (const options of [
          { limit: 10 },
          { limit: 5, offset: 5 },
          { limit: 10, language: 'fi' },
          { limit: 10, from: '2015-01-01', to: '2019-12-31' },
        ]) {
          const { fast, exact } = await rankBothWays(q, options);
          if (options.limit === 10 && Object.keys(options).length === 1 && q !== 'puisto') assert.ok(fast.total > 120, `${q}: ${fast.total} matches do not exercise top-k`); // prettier-ignore
          assert.deepEqual(fast.hits.map((h) => [h.documentId, h.score]), exact.hits.map((h) => [h.documentId, h.score]), `${q} ${JSON.stringify(options)}`); // prettier-ignore
        }
      }
    });

    test('words joined by AND and phrases: the page is made of matches and mostly the exact one', async () => {
      let overlap = 0;
      const queries = ['liikunta kulttuuri', 'nuoriso vanhus', '"terveys sosiaali"', 'liikunta -ympäristö'];
      const report: string[] = [];
      for (const q of queries) {
        const { fast, exact } = await rankBothWays(q);
        assert.equal(fast.total, exact.total);
        assert.equal(fast.hits.length, exact.hits.length);
        const want = new Set(exact.hits.map((h) => h.documentId));
        overlap += fast.hits.filter((h) => want.has(h.documentId)).length / Math.max(1, want.size);
        report.push(`${q}: ${fast.total}`);
      }
      assert.ok(
        overlap / queries.length >= 0.6,
        `overlap ${overlap / queries.length} (${report.join(', ')})`,
      );
    });

    test('few matches, read by id from the count: the same page as ranking every match', async () => {
      for (const q of ['"terveys sosiaali"', '"liikunta kulttuuri"', '"katu puisto"']) {
        for (const options of [{ limit: 10 }, { limit: 3, offset: 2 }, { limit: 10, language: 'fi' }]) {
          const { fast, exact } = await rankBothWays(q, options);
          assert.equal(fast.total, exact.total);
          assert.ok(fast.total > 0 && fast.total <= 120, `${q}: ${fast.total} matches`);
          assert.deepEqual(fast.hits.map((h) => [h.documentId, h.score]), exact.hits.map((h) => [h.documentId, h.score]), `${q} ${JSON.stringify(options)}`); // prettier-ignore
        }
      }
    });

    test("postings of non-public rows never reach the public's candidates", async () => {
      const filter = `s.audience = 'public' AND s.vector @@ $1::tsquery`;
      const ranking = { filter, params: ["'salainen'"], rank: 's.vector <-> s.vector', limit: 10, offset: 0 };
      assert.deepEqual(
        await rankCandidates(suite.db, { ...ranking, rank: '1' }, ['salainen'], [true], true),
        [],
      );
      assert.equal((await search(suite.db, 'salainen', { analyzer })).total, 0);
      assert.equal((await search(suite.db, 'salainen', { analyzer, includeNonPublic: true })).total, 1);
    });

    test('collects hits to compare across engines', async () => {
      const out: string[] = [];
      for (const q of ['liikunta', 'terveys OR koulu', 'liikunta kulttuuri']) {
        const r = await search(suite.db, q, { analyzer, limit: 20 });
        out.push(`${q}:${r.total}:${r.hits.map((h) => `${h.documentId}@${h.score.toFixed(6)}`).join(',')}`);
      }
      hitsByEngine.set(engine, out);
    });
  });
}

test('both engines give the same top-k hits in the same order', { skip: engines.length < 2 }, () => {
  const [a, b] = [...hitsByEngine.values()];
  assert.deepEqual(a, b);
});
