import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { prepareDocument } from '../ingest/prepare-document.js';
import { storeDocument } from '../ingest/store-document.js';
import { buildApp } from '../server/app.js';
import type { TestDatabase } from '../store/test-databases.js';
import { createTestDatabase } from '../store/test-databases.js';
import { readSearchParameters } from './search-route.js';

const DOCUMENTS = 'test/fixtures/search/documents';

describe('GET /api/search', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const get = async (query: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/search?${query}` });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  };
  before(async () => {
    t = await createTestDatabase('pglite');
    const db = await t.open();
    for (const name of (await readdir(DOCUMENTS)).sort()) {
      await storeDocument(db, await prepareDocument(await readFile(join(DOCUMENTS, name)), name, name));
    }
    app = await buildApp({ db, baseUrl: 'http://localhost' });
  });
  after(async () => {
    await app.close();
    await t.drop();
  });

  test('answers hits, total and facets as JSON', async () => {
    const { status, body } = await get('q=Virtaselle&limit=5');
    assert.equal(status, 200);
    const hits = body.hits as { meeting_id: string | null; title: string; source: string; snippet: string }[];
    assert.deepEqual(hits.map((h) => h.source).sort(), ['kaupunginhallitus-12-2022.txt', 'sote-lautakunta-5-2023.txt']); // prettier-ignore
    assert.equal(body.total, 2);
    assert.match(hits[0]?.snippet ?? '', /<mark>/);
    assert.ok(hits.every((h) => 'meeting_id' in h && 'title' in h));
    const facets = body.facets as Record<string, { value: string; count: number }[]>;
    assert.equal(
      facets.kind?.reduce((n, f) => n + f.count, 0),
      2,
    );
  });

  test('filters as the search page does, and pages', async () => {
    assert.equal((await get('q=kokous&language=sv')).body.total, 0);
    const dated = await get('q=lautakunta&from=2024-01-01&to=2024-12-31');
    assert.deepEqual((dated.body.hits as { source: string }[]).map((h) => h.source), ['ymparistolautakunta-3-2024.txt']); // prettier-ignore
    const second = await get('q=kokous&limit=1&page=2');
    const skipped = await get('q=kokous&limit=1&offset=1');
    assert.deepEqual(second.body.hits, skipped.body.hits);
    assert.equal((second.body.hits as unknown[]).length, 1);
    assert.ok(((await get('kind=minutes')).body.total as number) > 0);
  });

  test('never shows non-public content: not in hits, counts, facets or snippets', async () => {
    const hidden = await get('q=irtisanomisriita');
    assert.equal(hidden.body.total, 0);
    assert.deepEqual(hidden.body.facets, { body: [], kind: [], language: [], year: [] });
    const open = await get('q=valinnanvapaus*%20OR%20sovintoehdotus&limit=50');
    for (const h of open.body.hits as { snippet: string }[])
      assert.doesNotMatch(h.snippet, /sovinto|irtisanomis/i);
  });

  test('refuses bad parameters with 400 and says which', async () => {
    for (const [query, parameter] of [
      ['q=x&limit=abc', 'limit'],
      ['q=x&limit=0', 'limit'],
      ['q=x&limit=101', 'limit'],
      ['q=x&offset=-1', 'offset'],
      ['q=x&offset=1&page=2', 'page'],
      ['q=x&from=2024-13-01', 'from'],
      ['q=x&from=2024-02-30', 'from'],
      ['q=x&from=2024-05-01&to=2024-01-01', 'to'],
      ['q=x&kind=memo', 'kind'],
      ['q=x&language=de', 'language'],
      ['q=x&sort=date', 'sort'],
      ['q=x&q=y', 'q'],
      ['', 'q'],
      ['q=%20', 'q'],
    ]) {
      const { status, body } = await get(query ?? '');
      assert.equal(status, 400, query);
      const error = body.error as { code: string; parameter: string; message: string };
      assert.equal(error.code, 'bad_parameter', query);
      assert.equal(error.parameter, parameter, query);
      assert.ok(error.message.length > 0);
    }
  });
});

test('parameters become search options for the public only', () => {
  const read = readSearchParameters({ q: 'talousarvio', body: 'kaupunginhallitus', page: '3', limit: '20' });
  assert.deepEqual(read, { q: 'talousarvio', options: { body: 'kaupunginhallitus', limit: 20, offset: 40 } });
  assert.ok(!('parameter' in read) && !('includeNonPublic' in read.options));
});
