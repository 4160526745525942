import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { search } from '../search/query/search.js';
import { findSimilar } from '../search/query/similar.js';
import type { Sql } from '../store/db.js';
import { findPerson } from '../store/person.repository.js';
import * as portal from '../store/portal.queries.js';
import { renderAtom, renderCalendar, renderSitemap } from './feeds.js';
import type { Lang } from './i18n.js';
import { messages, toLang } from './i18n.js';
import type { PageContext } from './layout.js';
import { SITE_CSS } from './layout.js';
import { PageCache } from './page-cache.js';
import { renderItemPage, renderMeetingPage } from './pages/meeting-page.js';
import { renderActionsPage, renderBodyPage, renderHome, renderNotFound, renderOrganisationPage, renderPersonPage } from './pages/portal-pages.js'; // prettier-ignore
import { PAGE_SIZE, renderSearchPage } from './pages/search-page.js';

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

function helsinkiToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date());
}

/** The public portal: server-rendered pages, feeds, calendars and the sitemap. */
export async function webRoutes(app: FastifyInstance, options: WebOptions): Promise<void> {
  const { db, baseUrl } = options;
  const today = options.today ?? helsinkiToday;
  const cache = new PageCache(() => portal.readDataVersion(db));

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
    schema: {
      params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{1,64}$' } } },
    },
  };

  app.get('/static/site.css', (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SITE_CSS),
  );

  app.get('/', async (request, reply) => {
    const ctx = context(request, reply);
    const page = await cache.get(`home:${ctx.lang}:${today()}`, async () => {
      const [latest, upcoming, bodies] = await Promise.all([portal.listLatestDocuments(db, 10), portal.listUpcomingMeetings(db, today(), 10), portal.listBodies(db)]); // prettier-ignore
      return renderHome(ctx, { latest, upcoming, bodies });
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
      const similar = first ? await findSimilar(db, first.id, 5) : [];
      return renderMeetingPage(ctx, data, similar);
    });
    return send(reply, ctx, page);
  });

  app.get<{ Params: { id: string } }>('/items/:id', idParams, async (request, reply) => {
    const ctx = context(request, reply);
    const page = await cache.get(`item:${ctx.lang}:${request.params.id}`, async () => {
      const data = await portal.findItemPage(db, request.params.id);
      return data ? renderItemPage(ctx, data.item, data.meeting) : null;
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
    if (page === null) return send(reply, ctx, null);
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
      return renderBodyPage(
        ctx,
        data,
        await portal.listActions(db, { bodyId: request.params.id, status: 'open' }),
      );
    });
    return send(reply, ctx, page);
  });

  app.get<{ Params: { id: string } }>('/bodies/:id/feed.atom', idParams, async (request, reply) => {
    const data = await portal.findBodyPage(db, request.params.id);
    if (!data) return reply.code(404).send('not found');
    const docs = await portal.listLatestDocuments(db, 50, data.body.id);
    const updated = `${docs[0]?.date ?? today()}T00:00:00Z`;
    return reply
      .type('application/atom+xml; charset=utf-8')
      .send(renderAtom(baseUrl, data.body, docs, updated));
  });

  app.get<{ Params: { id: string } }>('/bodies/:id/calendar.ics', idParams, async (request, reply) => {
    const data = await portal.findBodyPage(db, request.params.id);
    if (!data) return reply.code(404).send('not found');
    const upcoming = data.meetings.filter((m) => m.date && m.date >= today()).reverse();
    return reply.type('text/calendar; charset=utf-8').send(renderCalendar(baseUrl, data.body, upcoming));
  });

  app.get('/actions', async (request, reply) => {
    const ctx = context(request, reply);
    const status = (request.query as Query).status;
    const chosen = status === 'open' || status === 'done' ? status : '';
    const actions = await portal.listActions(db, chosen ? { status: chosen } : {});
    return send(reply, ctx, renderActionsPage(ctx, actions, chosen));
  });

  app.get('/search', async (request, reply) => {
    const ctx = context(request, reply);
    const q = request.query as Query;
    const params = {
      q: (q.q ?? '').slice(0, 500),
      body: q.body ?? '',
      kind: q.kind ?? '',
      language: q.language ?? '',
      year: /^\d{4}$/.test(q.year ?? '') ? (q.year ?? '') : '',
      page: Math.max(1, Math.min(1000, Number.parseInt(q.page ?? '1', 10) || 1)),
    };
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

  app.get('/sitemap.xml', async (_request, reply) =>
    reply
      .type('application/xml; charset=utf-8')
      .send(renderSitemap(baseUrl, await portal.listPermalinks(db))),
  );

  app.setNotFoundHandler((request, reply) => send(reply, context(request, reply), null));
}
