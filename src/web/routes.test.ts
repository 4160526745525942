import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { portalFixturePaths } from '../../test/support/portal-fixtures.js';
import { ingestPaths } from '../ingest/ingest.js';
import { buildApp } from '../server/app.js';
import type { Db } from '../store/db.js';
import type { TestDatabase } from '../store/test-databases.js';
import { createTestDatabase } from '../store/test-databases.js';

describe('portal pages', () => {
  let t: TestDatabase;
  let db: Db;
  let app: FastifyInstance;
  let crafted = { id: '', body_id: '' };
  before(async () => {
    t = await createTestDatabase('pglite');
    db = await t.open();
    await ingestPaths(db, await portalFixturePaths(), { workers: 2 });
    app = await buildApp({ db, baseUrl: 'http://portal.test/', today: () => '2026-01-01' });
    const [row] = await db.query<{ id: string; body_id: string }>(
      `SELECT id, body_id FROM meetings WHERE date = '2099-04-14'`,
    );
    crafted = row ?? crafted;
  });
  after(async () => {
    await app.close();
    await t.drop();
  });
  const get = async (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

  test('home lists upcoming meetings and the latest decisions, in Finnish by default', async () => {
    const res = await get('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="fi">/);
    assert.match(
      res.body,
      /Tulevat kokoukset<\/h2>\s*<ul>\s*<li>\s*<a href="\/meetings\/[0-9a-f]+">Tekninen lautakunta 3\/2099 14\.4\.2099<\/a>\s*klo 17\.00/,
    );
    assert.match(res.body, /class="skip" href="#main"/);
    assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
  });

  test('a meeting page has its header, attendance, items with permalinks, and escapes what it shows', async () => {
    const res = await get(`/meetings/${crafted.id}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<dt>Aika<\/dt>\s*<dd>\s*klo 17\.00–19\.30/);
    assert.match(res.body, /Kunnantalo, valtuustosali/);
    assert.match(
      res.body,
      /<th scope="row"><a href="\/people\/[0-9a-f]+">[^<]*Virtanen[^<]*<\/a><\/th>\s*<td>\s*puheenjohtaja/,
    );
    assert.match(res.body, /poissa/);
    assert.match(res.body, /KOKOUKSEN LAILLISUUS &#60;script&#62;/);
    assert.doesNotMatch(res.body, /<script>/);
    assert.match(res.body, /id="item-[0-9a-f]+"[\s\S]*KATUVALAISTUKSEN UUSIMINEN/);
    assert.match(res.body, /href="\/items\/[0-9a-f]+"/);
  });

  test('non-public items are shown nowhere', async () => {
    const [secret] = await db.query<{ id: string }>(`SELECT id FROM items WHERE NOT public`);
    assert.ok(secret, 'the fixture has a non-public item');
    for (const url of [
      `/meetings/${crafted.id}`,
      '/',
      '/sitemap.xml',
      `/bodies/${crafted.body_id}/feed.atom`,
      '/search?q=Zyxwvutsalainen',
    ]) {
      const res = await get(url);
      assert.doesNotMatch(res.body, /SALAINEN KIINTEISTÖKAUPPA|Zyxwvutsalainen Oy/, url);
      assert.ok(!res.body.includes(secret.id), url);
    }
    assert.equal((await get(`/items/${secret.id}`)).statusCode, 404);
    assert.match((await get('/search?q=Zyxwvutsalainen')).body, /<h2>0 tulosta<\/h2>/);
  });

  test('the item, person, organisation, body and action pages answer', async () => {
    const [item] = await db.query<{ id: string }>(
      `SELECT id FROM items WHERE title LIKE 'KATUVALAISTUKSEN%'`,
    );
    assert.match((await get(`/items/${item?.id ?? ''}`)).body, /<h1>12 KATUVALAISTUKSEN UUSIMINEN<\/h1>/);
    const [person] = await db.query<{ id: string }>(`SELECT p.canonical_id AS id FROM attendance a JOIN people p ON p.id = a.person_id WHERE a.meeting_id = $1 AND a.chair`, [crafted.id]); // prettier-ignore
    const personPage = await get(`/people/${person?.id ?? ''}`);
    assert.equal(personPage.statusCode, 200);
    assert.match(personPage.body, /Tekninen lautakunta 3\/2099/);
    const body = await get(`/bodies/${crafted.body_id}`);
    assert.match(body.body, /Läsnäoloaste/);
    assert.match(body.body, /calendar\.ics/);
    const [org] = await db.query<{ id: string }>(`SELECT id FROM organisations LIMIT 1`);
    assert.equal((await get(`/organisations/${org?.id ?? ''}`)).statusCode, 200);
    assert.equal((await get('/actions?status=open')).statusCode, 200);
    assert.equal((await get('/meetings/ffff')).statusCode, 404);
    assert.equal((await get('/meetings/%3Cx%3E')).statusCode, 400);
  });

  test('search shows hits with highlights, facets and a query box', async () => {
    const res = await get('/search?q=katuvalaistus');
    assert.match(res.body, /<label for="q">Hakusanat<\/label>/);
    assert.match(res.body, /<mark>/);
    assert.match(res.body, /Toimielin<\/h3>/);
  });

  test('the interface switches language by ?lang= and keeps it in a cookie', async () => {
    const sv = await get('/?lang=sv');
    assert.match(sv.body, /<html lang="sv">/);
    assert.match(sv.body, /Kommande möten/);
    assert.match(String(sv.headers['set-cookie']), /lang=sv/);
    assert.match((await get('/', { cookie: 'lang=en' })).body, /Upcoming meetings/);
  });

  test('feeds, calendars and the sitemap are well-formed', async () => {
    const atom = await get(`/bodies/${crafted.body_id}/feed.atom`);
    assert.match(String(atom.headers['content-type']), /application\/atom\+xml/);
    assert.match(atom.body, /^<\?xml[^>]*>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    assert.match(
      atom.body,
      /<entry>[\s\S]*<link rel="alternate" type="text\/html" href="http:\/\/portal\.test\/meetings\//,
    );
    assert.doesNotMatch(atom.body, /<script>/);
    const ics = await get(`/bodies/${crafted.body_id}/calendar.ics`);
    assert.match(ics.body, /^BEGIN:VCALENDAR\r\n/);
    assert.match(
      ics.body,
      /BEGIN:VEVENT[\s\S]*DTSTART:20990414T170000\r\n[\s\S]*LOCATION:Kunnantalo\\, valtuustosali[\s\S]*END:VEVENT/,
    );
    assert.match(ics.body, /END:VCALENDAR(\r\n)?$/);
    const sitemap = await get('/sitemap.xml');
    assert.match(sitemap.body, new RegExp(`<loc>http://portal\\.test/meetings/${crafted.id}</loc>`));
  });
});
