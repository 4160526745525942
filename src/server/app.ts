import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Sql } from '../store/db.js';
import { webRoutes } from '../web/routes.js';

export interface AppConfig {
  /** An open, migrated database. */
  db: Sql;
  /** Absolute URL the portal is reached at (feeds, calendars, sitemap). */
  baseUrl: string;
  logger?: boolean;
  /** Today's date, 'YYYY-MM-DD'; Helsinki's by default. */
  today?: () => string;
}

/** The composition root: one Fastify app with the portal's routes, used by `pykala serve` and the tests. */
export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  const app = Fastify({ logger: config.logger ?? false });
  await app.register(webRoutes, { db: config.db, baseUrl: config.baseUrl.replace(/\/$/, ''), ...(config.today ? { today: config.today } : {}) }); // prettier-ignore
  await app.register(import('../api/search-route.js'), { db: config.db });
  return app;
}

/** Starts listening; resolves to the URL. */
export async function listen(app: FastifyInstance, port: number, host = '127.0.0.1'): Promise<string> {
  await app.listen({ port, host });
  const address = app.server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/`;
}
