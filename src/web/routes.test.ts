import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { parseDocument } from 'htmlparser2';
import { portalFixturePaths } from '../../test/support/portal-fixtures.js';
import { ingestPaths } from '../ingest/ingest.js';
import { buildApp } from '../server/app.js';
import type { Db } from '../store/db.js';
import type { TestDatabase } from '../store/test-databases.js';
import { createTestDatabase, testEngines } from '../store/test-databases.js';

for (const engine of await testEngines()) {
  describe(`portal pages on ${engine}`, () => {
    let t: TestDatabase;
    let db: Db;
    let app: FastifyInstance;
    let crafted = { id: '', body_id: '' };
    before(async () => {
      t = await createTestDatabase(engine);
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
        /<th scope="row"[^>]*><a href="\/people\/[0-9a-f]+">[^<]*Virtanen[^<]*<\/a>[^]*?<\/th>\s*<td[^>]*>\s*puheenjohtaja/,
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
        `/meetings/${crafted.id}/source`,
        `/meetings/${crafted.id}/source?field=/items/1/decision`,
        `/meetings/${crafted.id}/source?field=/items/1`,
        '/',
        '/sitemap.xml',
        `/bodies/${crafted.body_id}/feed.atom`,
        '/search?q=Zyxwvutsalainen',
        '/search/feed.atom?q=Zyxwvutsalainen',
        '/search/feed.atom?q=kiinteistökauppa',
        '/topics/Zyxwvutsalainen',
        '/topics/kiinteist%C3%B6kauppa/feed.atom',
        '/topics',
      ]) {
        const res = await get(url);
        assert.doesNotMatch(res.body, /SALAINEN|Zyxwvutsalainen Oy|hyväksyy kaupan|JulkL/, url);
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
      assert.match(sitemap.body, /<loc>http:\/\/portal\.test\/topics\/[^<]+<\/loc>/);
    });
    test('each field on the meeting page links to its source, which marks the span and cuts out what is not public', async () => {
      const meeting = (await get(`/meetings/${crafted.id}`)).body;
      const href = `/meetings/${crafted.id}/source?field=/items/2/decision#source-mark`;
      assert.ok(meeting.includes(`href="${href}"`), 'a link to the decision of § 12');
      assert.match(meeting, /näytä lähde<span class="vh">: Päätös – 12 KATUVALAISTUKSEN UUSIMINEN<\/span>/);
      assert.match(meeting, new RegExp(`/meetings/${crafted.id}/source\\?field=/participants/0#source-mark`));
      assert.match(meeting, /source\?field=\/place#source-mark/);
      assert.match(meeting, /source\?field=\/actions\/0#source-mark/);
      assert.doesNotMatch(meeting, /field=\/items\/1/);

      const source = await get(href.replace(/#.*/, ''));
      assert.equal(source.statusCode, 200);
      assert.match(
        source.body,
        /<mark id="source-mark">Ehdotus hyväksyttiin\. Päätettiin, että Liisa Korhonen[^<]*<\/mark><\/pre>/,
      );
      assert.match(
        source.body,
        /<dt>Korostettu kohta<\/dt>\s*<dd><a href="#source-mark">Päätös, asia 12<\/a><\/dd>/,
      );
      assert.match(source.body, /<span class="withheld">\[ei-julkinen osa poistettu\]<\/span>\n§ 12/);
      assert.match(source.body, /KOKOUKSEN LAILLISUUS &#60;script&#62;/);
      assert.equal((source.body.match(/<mark/g) ?? []).length, 1);

      const place = await get(`/meetings/${crafted.id}/source?field=/place&lang=sv`);
      assert.match(place.body, /Paikka: <mark id="source-mark">Kunnantalo, valtuustosali<\/mark>/);
      assert.match(place.body, /<dt>Markerat<\/dt>/);
      assert.match((await get(`/meetings/${crafted.id}?lang=en`)).body, />show source<span class="vh">/);

      const hidden = await get(`/meetings/${crafted.id}/source?field=/items/1/decision`);
      assert.doesNotMatch(hidden.body, /<mark/);
      assert.match(hidden.body, /ei ole tallennettu lähdekohtaa/);
      const junk = await get(`/meetings/${crafted.id}/source?field=%3Cscript%3E&doc=zz`);
      assert.equal(junk.statusCode, 200);
      assert.doesNotMatch(junk.body, /<script|<mark/);
      assert.equal((await get('/meetings/ffff/source?field=/place')).statusCode, 404);
      const [other] = await db.query<{ id: string }>(`SELECT id FROM documents WHERE meeting_id <> $1 LIMIT 1`, [crafted.id]); // prettier-ignore
      assert.equal((await get(`/meetings/${crafted.id}/source?doc=${other?.id ?? ''}`)).statusCode, 404);
    });

    test('item pages link to their sources and list similar documents', async () => {
      const [item] = await db.query<{ id: string; document_id: string }>(
        `SELECT id, document_id FROM items WHERE title LIKE 'Valinnanvapauspilotin%' AND public LIMIT 1`,
      );
      const page = await get(`/items/${item?.id ?? ''}`);
      assert.equal(page.statusCode, 200);
      assert.match(
        page.body,
        /<h2>Samankaltaiset asiakirjat<\/h2>\s*<ul class="similar">\s*<li><a href="\/meetings\/[0-9a-f]+">/,
      );
      assert.match(
        page.body,
        new RegExp(`source\\?doc=${item?.document_id ?? ''}&#38;field=/items/\\d+/decision#source-mark`),
      );
    });

    test('a topic is a timeline of its documents across bodies and years, in date order', async () => {
      const redirect = await get('/topics?q=valinnanvapaus');
      assert.equal(redirect.statusCode, 303);
      assert.equal(redirect.headers.location, '/topics/valinnanvapaus');
      const res = await get('/topics/valinnanvapaus');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<h1>Aihe: valinnanvapaus<\/h1>/);
      const dates = [...res.body.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})">/g)].map((m) => m[1] ?? '');
      assert.ok(dates.length >= 5, `several dated documents: ${dates.join(', ')}`);
      assert.deepEqual(dates, [...dates].sort());
      assert.ok(new Set(dates.map((d) => d.slice(0, 4))).size >= 3, 'several years');
      assert.ok((res.body.match(/<h2 id="y-\d{4}">/g) ?? []).length >= 3);
      assert.match(res.body, /<mark>/);
      assert.match(
        res.body,
        /<ul class="items" aria-label="Asiat"[^>]*>\s*<li><a href="\/items\/[0-9a-f]+">7 Periaatelinjaus valinnanvapauspilotteihin/,
      );
      assert.match(res.body, /href="\/topics\/valinnanvapaus\/feed\.atom"/);
      const year = await get('/topics/valinnanvapaus?year=2017');
      const yearDates = [...year.body.matchAll(/<time datetime="(\d{4})-/g)].map((m) => m[1]);
      assert.ok(yearDates.length >= 2 && yearDates.every((y) => y === '2017'), yearDates.join());
      assert.match(year.body, /<a href="\/topics\/valinnanvapaus">Kaikki vuodet<\/a>/);
      assert.match(year.body, /<strong aria-current="page">2017<\/strong>/);
      const topics = await get('/topics');
      assert.match(topics.body, /<form method="get" action="\/topics"/);
      assert.match(
        (await get('/')).body,
        /<h2>Aiheet<\/h2>\s*<ul class="topics">\s*<li><a href="\/topics\/[^"]+">/,
      );
      assert.match(
        (await get('/topics/ei-mit%C3%A4%C3%A4n-t%C3%A4llaista')).body,
        /<strong>Asiakirjoja: 0<\/strong>/,
      );
    });

    test('topic and saved-search feeds are valid Atom, newest first, with the search page linking its own', async () => {
      const search = await get('/search?q=pilotti&kind=minutes');
      assert.match(
        search.body,
        /<a href="\/search\/feed\.atom\?q=pilotti&#38;kind=minutes">Tilaa hakusyöte \(Atom\)<\/a\s*>/,
      );
      assert.match(
        search.body,
        /<link rel="alternate" type="application\/atom\+xml" href="\/search\/feed\.atom\?q=pilotti&#38;kind=minutes" \/>/,
      );
      for (const url of [
        '/search/feed.atom?q=pilotti&kind=minutes',
        '/topics/pilotti/feed.atom',
        '/search/feed.atom',
      ]) {
        const res = await get(url);
        assert.equal(res.statusCode, 200, url);
        assert.match(String(res.headers['content-type']), /^application\/atom\+xml/);
        const entries = assertAtom(res.body, url);
        assert.ok(entries.length > 0, url);
        const updated = entries.map((e) => e.updated);
        assert.deepEqual(updated, [...updated].sort().reverse(), url);
      }
      const minutesOnly = await get('/search/feed.atom?q=pilotti&kind=agenda');
      const all = await get('/search/feed.atom?q=pilotti');
      assert.ok(assertAtom(minutesOnly.body, 'agenda').length < assertAtom(all.body, 'all').length);
    });

    test('the action tracker filters by owner, body, status and due date with a plain form', async () => {
      const all = await get('/actions');
      assert.match(all.body, /<form method="get" action="\/actions"/);
      for (const name of ['owner', 'body', 'status', 'due_from', 'due_to'])
        assert.match(all.body, new RegExp(`name="${name}"`));
      const count = (body: string) => Number(/<p role="status">Toimenpiteitä: (\d+)</.exec(body)?.[1] ?? -1);
      const total = count(all.body);
      assert.ok(total >= 2);
      const owner = await get('/actions?owner=korhonen');
      assert.equal(count(owner.body), 1);
      assert.match(owner.body, /selvittää valaisinten hankinnan/);
      assert.match(owner.body, /value="korhonen"/);
      assert.equal(count((await get(`/actions?body=${crafted.body_id}`)).body), 1);
      assert.equal(count((await get('/actions?status=done')).body), 0);
      assert.equal(count((await get('/actions?status=open')).body), total);
      assert.equal(count((await get('/actions?due_from=2099-05-01&due_to=2099-05-31')).body), 1);
      assert.equal(count((await get('/actions?due_to=2099-05-29')).body), 0);
      assert.equal(count((await get('/actions?due_from=not-a-date&body=%3Cx%3E')).body), total);
    });

    // Last: it stores one more meeting.
    test('a topic lists the public items that concern it in any inflection or compound, in document order', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'pykala-topic-'));
      await writeFile(join(dir, 'saaristolautakunta-2-2098.txt'), FERRY_MINUTES);
      await ingestPaths(db, [dir], { workers: 2 });
      const res = await get('/topics/lautta');
      assert.equal(res.statusCode, 200);
      const items = [...res.body.matchAll(/<li><a href="\/items\/[0-9a-f]+">(\d+) [^<]*<\/a><\/li>/g)].map((m) => m[1]); // prettier-ignore
      assert.deepEqual(items, ['21', '23']);
      assert.match(res.body, /<a href="\/items\/[0-9a-f]+">21 SAARISTOLAUTTOJEN TALVIAIKATAULU<\/a>/);
      assert.doesNotMatch(res.body, /KIRJASTON AUKIOLOAJAT|LAUTTAHANKINTA/);
      const both = await get(`/topics/${encodeURIComponent('lautta kunnossapito')}`);
      assert.deepEqual([...both.body.matchAll(/<li><a href="\/items\/[0-9a-f]+">(\d+) /g)].map((m) => m[1]), ['23']); // prettier-ignore
    });
  });
}

/**
 * A ferry board's minutes: one item names ferries only in a compound's inflection ('saaristolauttojen'),
 * far from the passage search shows; one says them in many forms; one does not concern them; one is not
 * public.
 */
const FERRY_MINUTES = `TESTILÄN KUNTA                     PÖYTÄKIRJA

Saaristolautakunta – pöytäkirja 2/2098

Aika: tiistai 10.3.2098 klo 17.00–18.00
Paikka: Kunnantalo, kokoushuone

Läsnä
Virtanen Matti, puheenjohtaja
Korhonen Liisa

Muut läsnäolijat
Laine Kaisa, sihteeri

§ 20
KOKOUKSEN LAILLISUUS

Ehdotus: Kokous todetaan lailliseksi ja päätösvaltaiseksi.

Päätös: Ehdotus hyväksyttiin.

§ 21
SAARISTOLAUTTOJEN TALVIAIKATAULU

Ehdotus: Lautakunta hyväksyy talven aikataulun liitteen mukaisesti. Aikataulu on laadittu yhdessä
kyläyhdistysten kanssa, ja se noudattaa aiempien vuosien vuorovälejä. Muutokset tiedotetaan
asukkaille kunnan verkkosivuilla ja ilmoitustauluilla hyvissä ajoin ennen voimaantuloa.

Päätös: Ehdotus hyväksyttiin.

§ 22
KIRJASTON AUKIOLOAJAT

Ehdotus: Lautakunta hyväksyy kirjaston aukioloajat kesäkaudelle.

Päätös: Ehdotus hyväksyttiin.

§ 23
LIIKENNÖINTISOPIMUS

Ehdotus: Lautta liikennöi ympäri vuoden. Lautan kunnossapito kuuluu liikennöitsijälle, lautalla on
oltava kaksi kansimiestä ja lautat tarkastetaan vuosittain. Lautan vuorot ajetaan aikataulun mukaan.

Päätös: Ehdotus hyväksyttiin.

§ 24
SALAINEN LAUTTAHANKINTA
Ei julkinen, JulkL 24 § 1 mom. 17 k

Ehdotus: Lautakunta hyväksyy lautan hankinnan.

Päätös: Ehdotus hyväksyttiin.
`;

interface XmlNode {
  name?: string;
  attribs?: Record<string, string>;
  children?: XmlNode[];
  data?: string;
}

/** Checks the elements RFC 4287 requires of a feed and its entries; returns the entries' updated times. */
function assertAtom(xml: string, label: string): { updated: string }[] {
  assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/, label); // prettier-ignore
  const doc = parseDocument(xml, { xmlMode: true }) as unknown as XmlNode;
  const children = (n: XmlNode) => (n.children ?? []).filter((c) => c.name !== undefined);
  const feed = children(doc).find((n) => n.name === 'feed');
  assert.ok(feed, label);
  const text = (n: XmlNode, name: string) => {
    const found = children(n).filter((c) => c.name === name);
    assert.equal(found.length, 1, `${label}: one ${name}`);
    return (found[0]?.children ?? []).map((c) => c.data ?? '').join('');
  };
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
  assert.ok(text(feed, 'id').length > 0 && text(feed, 'title').length > 0, label);
  assert.match(text(feed, 'updated'), rfc3339, label);
  assert.ok(
    children(feed).some((c) => c.name === 'author'),
    `${label}: author`,
  );
  assert.ok(
    children(feed).some((c) => c.name === 'link' && c.attribs?.rel === 'self'),
    `${label}: self link`,
  );
  return children(feed)
    .filter((c) => c.name === 'entry')
    .map((e) => {
      assert.match(text(e, 'id'), /^urn:pykala:document:[0-9a-f]+$/, label);
      assert.ok(text(e, 'title').length > 0, label);
      assert.ok(children(e).some((c) => c.name === 'link' && c.attribs?.rel === 'alternate' && /^http:\/\/portal\.test\//.test(c.attribs.href ?? '')), label); // prettier-ignore
      const updated = text(e, 'updated');
      assert.match(updated, rfc3339, label);
      return { updated };
    });
}
