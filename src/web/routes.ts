import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getAnalyzer } from '../search/analysis/analyzer.js';
import { ensureLexicon } from '../search/index/index-document.js';
import { search } from '../search/query/search.js';
import { findSimilar } from '../search/query/similar.js';
import type { Sql } from '../store/db.js';
import { findPerson } from '../store/person.repository.js';
import { findDocumentSource } from '../store/portal-source.queries.js';
import * as portal from '../store/portal.queries.js';
import { feedRoutes } from './feed-routes.js';
import type { Lang } from './i18n.js';
import { messages, toLang } from './i18n.js';
import type { PageContext } from './layout.js';
import { SITE_CSS } from './layout.js';
import { PageCache } from './page-cache.js';
import { readActionParams, renderActionsPage } from './pages/actions-page.js';
import { renderItemPage, renderMeetingPage } from './pages/meeting-page.js';
import { renderBodyPage, renderHome, renderNotFound, renderOrganisationPage, renderPersonPage } from './pages/portal-pages.js'; // prettier-ignore
import { PAGE_SIZE, readSearchParams, renderSearchPage } from './pages/search-page.js';
import { POINTER, renderSourcePage } from './pages/source-page.js';
import { renderTopicPage, renderTopicsPage, topicHref } from './pages/topic-page.js';
import { curateTopics, findTimeline, topicItems } from './topics.js';

export interface WebOptions {
  db: Sql;
  /** Absolute URL the portal is reached at, for feeds and the sitemap. */
  baseUrl: string;
  /** Today's date in Helsinki, 'YYYY-MM-DD'; injectable for tests. */
  today?: () => string;
}

type Query = Record<string, string | undefined>;

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  vary: 'cookie',
};

const ID = '^[0-9a-f]{1,64}$';
const TOPICS_TTL_MS = 60_000;

function helsinkiToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date());
}

/** The public portal: server-rendered pages, feeds, calendars and the sitemap. */
export async function webRoutes(app: FastifyInstance, options: WebOptions): Promise<void> {
  const { db, baseUrl } = options;
  const today = options.today ?? helsinkiToday;
  const cache = new PageCache(() => portal.readDataVersion(db));
  const similarTo = (documentId: string) => cache.remember(`similar:${documentId}`, () => findSimilar(db, documentId, 5)); // prettier-ignore
  let topics: { at: number; list: Promise<string[]> } | null = null;
  /** Topics found in the data, for the home and topics pages and the sitemap; re-read after a minute. */
  const curatedTopics = () => {
    if (!topics || Date.now() - topics.at > TOPICS_TTL_MS) {
      topics = { at: Date.now(), list: portal.listTopicTerms(db, 60).then((terms) => curateTopics(terms)).catch(() => []) }; // prettier-ignore
    }
    return topics.list;
  };
  await app.register(feedRoutes, { db, baseUrl, today, cache, topics: curatedTopics });

  const context = (request: FastifyRequest, reply: FastifyReply): PageContext => {
    const asked = toLang((request.query as Query).lang);
    if (asked) void reply.header('set-cookie', `lang=${asked}; Path=/; Max-Age=31536000; SameSite=Lax`);
    const cookie = /(?:^|;\s*)lang=(\w+)/.exec(request.headers.cookie ?? '')?.[1];
    const lang: Lang = asked ?? toLang(cookie) ?? 'fi';
    return { lang, t: messages(lang), path: request.url.split('?')[0] ?? '/' };
  };
  const send = (reply: FastifyReply, ctx: PageContext, page: string | Buffer | null) => {
    // No page runs a script: the policy keeps any that slipped through escaping from running.
    void reply.headers(PAGE_HEADERS).header('content-language', ctx.lang);
    if (page === null) return reply.code(404).send(renderNotFound(ctx));
    return reply.send(page);
  };
  const idParams = {
    schema: { params: { type: 'object', properties: { id: { type: 'string', pattern: ID } } } },
  };

  app.get('/static/site.css', (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SITE_CSS),
  );

  app.get('/', async (request, reply) => {
    const ctx = context(request, reply);
    const page = await cache.get(`home:${ctx.lang}:${today()}`, async () => {
      const [latest, upcoming, bodies, topics] = await Promise.all([portal.listLatestDocuments(db, 10), portal.listUpcomingMeetings(db, today(), 10), portal.listBodies(db), curatedTopics()]); // prettier-ignore
      return renderHome(ctx, { latest, upcoming, bodies, topics });
    });
    return send(reply, ctx, page);
  });

  app.get<{ Params: { id: string } }>('/meetings/:id', idParams, async (request, reply) => {
    const ctx = context(request, reply);
    const { id } = request.params;
    const page = await cache.get(`meeting:${ctx.lang}:${id}`, async () => {
      const data = await portal.findMeetingPage(db, id);
      if (!data) return null;
      const first = data.documents[0];
      const similar = first ? await similarTo(first.id) : [];
      return renderMeetingPage(ctx, data, similar);
    });
    return send(reply, ctx, page);
  });

  app.get<{ Params: { id: string } }>('/meetings/:id/source', idParams, async (request, reply) => {
    const ctx = context(request, reply);
    const { id } = request.params;
    const q = request.query as Query;
    const doc = new RegExp(ID).test(q.doc ?? '') ? (q.doc ?? null) : null;
    const field = POINTER.test(q.field ?? '') ? (q.field ?? null) : null;
    const page = await cache.get(`source:${ctx.lang}:${id}:${doc ?? ''}:${field ?? ''}`, async () => {
      const [data, source] = await Promise.all([portal.findMeetingPage(db, id), findDocumentSource(db, id, doc)]); // prettier-ignore
      if (!data || !source) return null;
      const items = source.document.id === data.documents[0]?.id ? data.items : await portal.listDocumentItems(db, source.document.id); // prettier-ignore
      const byOrdinal = new Map(items.map((i) => [i.ordinal, i]));
      const item = byOrdinal.get(Number(/^\/items\/(\d+)/.exec(field ?? '')?.[1] ?? -1));
      const back = `/meetings/${id}${item && item.meeting_id === id ? `#item-${item.id}` : ''}`;
      return renderSourcePage(ctx, data.meeting, source, field, (ordinal) => byOrdinal.get(ordinal)?.number ?? String(ordinal + 1), back); // prettier-ignore
    });
    return send(reply, ctx, page);
  });

  app.get<{ Params: { id: string } }>('/items/:id', idParams, async (request, reply) => {
    const ctx = context(request, reply);
    const page = await cache.get(`item:${ctx.lang}:${request.params.id}`, async () => {
      const data = await portal.findItemPage(db, request.params.id);
      if (!data) return null;
      return renderItemPage(ctx, data.item, data.meeting, await similarTo(data.item.document_id));
    });
    return send(reply, ctx, page);
  });

  app.get<{ Params: { id: string } }>('/people/:id', idParams, async (request, reply) => {
    const ctx = context(request, reply);
    const page = await cache.get(`person:${ctx.lang}:${request.params.id}`, async () => {
      const person = await findPerson(db, request.params.id);
      if (!person) return null;
      const [meetings, actions] = await Promise.all([portal.listPersonMeetings(db, person.members), portal.listActions(db, { personIds: person.members })]); // prettier-ignore
      return renderPersonPage(ctx, person, meetings, actions);
    });
    return send(reply, ctx, page);
  });

  app.get<{ Params: { id: string } }>('/organisations/:id', idParams, async (request, reply) => {
    const ctx = context(request, reply);
    const page = await cache.get(`organisation:${ctx.lang}:${request.params.id}`, async () => {
      const data = await portal.findOrganisationPage(db, request.params.id);
      return data ? renderOrganisationPage(ctx, data) : null;
    });
    return send(reply, ctx, page);
  });

  app.get<{ Params: { id: string } }>('/bodies/:id', idParams, async (request, reply) => {
    const ctx = context(request, reply);
    const page = await cache.get(`body:${ctx.lang}:${request.params.id}`, async () => {
      const data = await portal.findBodyPage(db, request.params.id);
      if (!data) return null;
      const actions = await portal.listActions(db, { bodyId: request.params.id, status: 'open' });
      return renderBodyPage(ctx, data, actions);
    });
    return send(reply, ctx, page);
  });

  app.get('/actions', async (request, reply) => {
    const ctx = context(request, reply);
    const params = readActionParams(request.query as Query);
    const page = await cache.get(`actions:${ctx.lang}:${JSON.stringify(params)}`, async () => {
      const [actions, bodies] = await Promise.all([
        portal.listActions(db, {
          ...(params.status ? { status: params.status } : {}),
          ...(params.body ? { bodyId: params.body } : {}),
          ...(params.owner ? { owner: params.owner } : {}),
          ...(params.dueFrom ? { dueFrom: params.dueFrom } : {}),
          ...(params.dueTo ? { dueTo: params.dueTo } : {}),
        }),
        portal.listBodies(db),
      ]);
      return renderActionsPage(ctx, actions, params, bodies);
    });
    return send(reply, ctx, page);
  });

  app.get('/search', async (request, reply) => {
    const ctx = context(request, reply);
    const params = readSearchParams(request.query as Query);
    // Repeated searches (a popular query, paging back) are served from the cache until the store changes.
    const page = await cache.get(`search:${ctx.lang}:${JSON.stringify(params)}`, async () => {
      const active = params.q.trim() || params.body || params.kind || params.language || params.year;
      const result = active
        ? await search(db, params.q, {
            limit: PAGE_SIZE,
            offset: (params.page - 1) * PAGE_SIZE,
            ...(params.body ? { body: params.body } : {}),
            ...(params.kind ? { kind: params.kind } : {}),
            ...(params.language ? { language: params.language } : {}),
            ...(params.year ? { from: `${params.year}-01-01`, to: `${params.year}-12-31` } : {}),
          })
        : null;
      return renderSearchPage(ctx, params, result);
    });
    return send(reply, ctx, page);
  });

  app.get('/topics', async (request, reply) => {
    const ctx = context(request, reply);
    const q = ((request.query as Query).q ?? '').trim().slice(0, 200);
    if (q) return reply.redirect(topicHref(q), 303);
    const page = await cache.get(`topics:${ctx.lang}`, async () =>
      renderTopicsPage(ctx, await curatedTopics()),
    );
    return send(reply, ctx, page);
  });

  app.get<{ Params: { topic: string } }>('/topics/:topic', async (request, reply) => {
    const ctx = context(request, reply);
    const topic = request.params.topic.trim().slice(0, 200);
    const asked = (request.query as Query).year;
    const year = /^\d{4}$/.test(asked ?? '') ? (asked ?? null) : null;
    if (!topic) return reply.redirect('/topics', 303);
    const page = await cache.get(`topic:${ctx.lang}:${year ?? ''}:${topic}`, async () => {
      const timeline = await findTimeline(db, topic, year);
      const items = await portal.listDocumentItemTexts(db, timeline.hits.map((h) => h.documentId)); // prettier-ignore
      const analyzer = await ensureLexicon(db, getAnalyzer());
      return renderTopicPage(ctx, topic, timeline, topicItems(topic, timeline.hits, items, analyzer));
    });
    return send(reply, ctx, page);
  });

  app.setNotFoundHandler((request, reply) => send(reply, context(request, reply), null));
}
