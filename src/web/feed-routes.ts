import type { FastifyInstance } from 'fastify';
import type { Sql } from '../store/db.js';
import * as portal from '../store/portal.queries.js';
import { atomTime, documentEntries, hitEntries, renderAtom, renderCalendar, renderSitemap } from './feeds.js';
import type { PageCache } from './page-cache.js';
import { readSearchParams, searchQueryString } from './pages/search-page.js';
import { topicHref } from './pages/topic-page.js';
import { findLatestHits } from './topics.js';

export interface FeedOptions {
  db: Sql;
  baseUrl: string;
  today: () => string;
  cache: PageCache;
  /** Topics to list in the sitemap. */
  topics: () => Promise<string[]>;
}

type Query = Record<string, string | undefined>;

const ATOM = 'application/atom+xml; charset=utf-8';

/** Atom feeds per body, topic and saved search; iCalendar per body; the sitemap. */
export async function feedRoutes(app: FastifyInstance, options: FeedOptions): Promise<void> {
  const { db, baseUrl, today, cache, topics } = options;
  const idParams = {
    schema: {
      params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{1,64}$' } } },
    },
  };
  const now = () => `${today()}T00:00:00Z`;

  app.get<{ Params: { id: string } }>('/bodies/:id/feed.atom', idParams, async (request, reply) => {
    const data = await portal.findBodyPage(db, request.params.id);
    if (!data) return reply.code(404).send('not found');
    const docs = await portal.listLatestDocuments(db, 50, data.body.id);
    const updated = atomTime(docs[0]?.date ?? null, now());
    const page = `${baseUrl}/bodies/${data.body.id}`;
    const feed = { id: `urn:pykala:body:${data.body.id}`, title: data.body.name, self: `${page}/feed.atom`, page, updated }; // prettier-ignore
    return reply.type(ATOM).send(renderAtom(feed, documentEntries(baseUrl, docs, updated)));
  });

  app.get<{ Params: { id: string } }>('/bodies/:id/calendar.ics', idParams, async (request, reply) => {
    const data = await portal.findBodyPage(db, request.params.id);
    if (!data) return reply.code(404).send('not found');
    const upcoming = data.meetings.filter((m) => m.date && m.date >= today()).reverse();
    return reply.type('text/calendar; charset=utf-8').send(renderCalendar(baseUrl, data.body, upcoming));
  });

  app.get<{ Params: { topic: string } }>('/topics/:topic/feed.atom', async (request, reply) => {
    const topic = request.params.topic.trim().slice(0, 200);
    if (!topic) return reply.code(404).send('not found');
    const body = await cache.get(`feed:topic:${topic}`, async () => {
      const hits = await findLatestHits(db, topic, {});
      const page = `${baseUrl}${topicHref(topic)}`;
      const updated = atomTime(hits[0]?.date ?? null, now());
      const feed = { id: `urn:pykala:topic:${encodeURIComponent(topic.toLowerCase())}`, title: topic, self: `${page}/feed.atom`, page, updated }; // prettier-ignore
      return renderAtom(feed, hitEntries(baseUrl, hits, page, updated));
    });
    return reply.type(ATOM).send(body);
  });

  app.get('/search/feed.atom', async (request, reply) => {
    const params = readSearchParams(request.query as Query);
    const qs = searchQueryString(params);
    const body = await cache.get(`feed:search:${qs}`, async () => {
      const hits = await findLatestHits(db, params.q, params);
      const page = `${baseUrl}/search${qs ? `?${qs}` : ''}`;
      const updated = atomTime(hits[0]?.date ?? null, now());
      const title = [params.q, params.body, params.kind, params.language, params.year]
        .filter(Boolean)
        .join(' · ');
      const feed = { id: `urn:pykala:search:${qs}`, title: title || 'Pykälä', self: `${baseUrl}/search/feed.atom${qs ? `?${qs}` : ''}`, page, updated }; // prettier-ignore
      return renderAtom(feed, hitEntries(baseUrl, hits, page, updated));
    });
    return reply.type(ATOM).send(body);
  });

  app.get(
    '/sitemap.xml',
    async (_request, reply) =>
    reply
      .type('application/xml; charset=utf-8')
      .send(renderSitemap(baseUrl, [...(await portal.listPermalinks(db)), ...(await topics()).map((t) => ({ kind: 'topics', id: encodeURIComponent(t) }))])), // prettier-ignore
  );
}
