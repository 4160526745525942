/**
 * The portal under load: autocannon against a meeting page and a search page; new searches, topic
 * timelines and a source page timed one by one.
 *
 *   node --import tsx bench/web.bench.ts [--docs N] [--data DIR] [--seconds S] [--connections C] [--pages P]
 *
 * Ingests `--docs` (2,000) synthetic documents (bench/synthetic-corpus.ts) into a fresh PGlite data dir,
 * or reuses `--data DIR` when it already holds documents (ingest 100,000 once, then measure many times);
 * with DATABASE_URL set, the same on that PostgreSQL database. It serves the portal in this process and
 * runs autocannon in another, spread over `--pages` (100) different meeting pages: the hot set a portal
 * serves from its page cache. What a page costs the first time it is asked for is timed apart, one page
 * at a time, on other meetings. Rendered pages are cached until the
 * store changes, so the repeated-query search figure measures that cache; new queries are timed apart. Human-readable lines first; the
 * last line is one JSON object.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ingestPaths } from '../src/ingest/ingest.js';
import { buildApp, listen } from '../src/server/app.js';
import { openDb } from '../src/store/db.js';
import { migrate } from '../src/store/migrations.js';
import { generateDocument, mixSeed } from './synthetic-corpus.js';

const run = promisify(execFile);
const FRESH_QUERIES = ['kotihoito', 'lastensuojelu', 'kaavoitus', 'tilinpäätös', 'hankinta', 'varhaiskasvatus', 'jätehuolto', 'henkilöstö', 'äldreomsorg', 'budget', 'rekrytointi', 'palveluverkko']; // prettier-ignore
// Meeting pages timed one at a time, each the first time it is asked for.
const FIRST_VIEWS = 50;
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Options {
  docs: number;
  data: string | null;
  seconds: number;
  connections: number;
  pages: number;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { docs: 2_000, data: null, seconds: 10, connections: 50, pages: 100 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => argv[++i] ?? '';
    if (arg === '--docs') o.docs = Number(next());
    else if (arg === '--data') o.data = next();
    else if (arg === '--seconds') o.seconds = Number(next());
    else if (arg === '--connections') o.connections = Number(next());
    else if (arg === '--pages') o.pages = Number(next());
    else throw new Error(`unknown argument: ${arg}`);
  }
  return o;
}

interface CannonResult {
  requests: { average: number };
  latency: { p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

/**
 * autocannon in a child process (so the load generator does not share the server's event loop), cycling
 * through `urls` one request after another.
 */
async function cannon(urls: readonly string[], o: Options): Promise<CannonResult> {
  const autocannon = join(import.meta.dirname, '..', 'node_modules', 'autocannon', 'autocannon.js');
  const code = `
    const autocannon = require(${JSON.stringify(autocannon)});
    const { urls, connections, duration } = JSON.parse(process.env.CANNON);
    const first = new URL(urls[0]);
    const paths = urls.map((u) => { const url = new URL(u); return url.pathname + url.search; });
    let next = 0;
    autocannon({ url: first.origin, connections, duration,
      requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }] },
      (error, result) => { if (error) throw error; process.stdout.write(JSON.stringify(result)); });`;
  const env = {
    ...process.env,
    CANNON: JSON.stringify({ urls, connections: o.connections, duration: o.seconds }),
  };
  const { stdout } = await run(process.execPath, ['-e', code], { env, maxBuffer: 1 << 26 });
  return JSON.parse(stdout) as CannonResult;
}

/** Milliseconds to fetch a page and read its body; throws on an error status. */
async function timeFetch(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url);
  await res.text();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - started;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0);
}

const median = (values: readonly number[]) => percentile(values, 0.5);

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const dataDir = o.data ?? (await mkdtemp(join(tmpdir(), 'pykala-web-bench-')));
  const db = await openDb({ databaseUrl: process.env.DATABASE_URL?.trim() || undefined, dataDir });
  await migrate(db);
  const [stored] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
  let documents = stored?.n ?? 0;
  if (documents === 0) {
    const corpus = await mkdtemp(join(tmpdir(), 'pykala-web-corpus-'));
    for (let i = 0; i < o.docs; i++) {
      const d = generateDocument(mixSeed(20_260_101, i));
      const dir = join(corpus, String(Math.floor(i / 1000)).padStart(3, '0'));
      if (i % 1000 === 0) await mkdir(dir, { recursive: true });
      await writeFile(join(dir, d.fileName), d.text);
    }
    log(`ingesting ${o.docs} synthetic documents into ${dataDir}`);
    const report = await ingestPaths(db, [corpus]);
    await rm(corpus, { recursive: true, force: true });
    documents = report.stored;
    log(`ingested ${report.stored} in ${(report.elapsedMs / 1000).toFixed(1)} s`);
  }
  // The meetings with the most items first: the largest pages.
  const meetings = await db.query<{ id: string }>(
    `SELECT m.id FROM meetings m JOIN items i ON i.meeting_id = m.id WHERE m.public GROUP BY m.id ORDER BY count(*) DESC, m.id LIMIT $1`,
    [o.pages + FIRST_VIEWS],
  );
  const app = await buildApp({ db, baseUrl: 'http://localhost' });
  const base = (await listen(app, 0)).replace(/\/$/, '');
  const meetingUrls = meetings.slice(0, o.pages).map((m) => `${base}/meetings/${m.id}`);
  const firstViews: number[] = [];
  for (const m of meetings.slice(o.pages)) firstViews.push(await timeFetch(`${base}/meetings/${m.id}`));
  const firstP50 = median(firstViews);
  const firstP95 = percentile(firstViews, 0.95);
  log(`meeting page, first view: p50 ${firstP50} ms, p95 ${firstP95} ms (${firstViews.length} pages)`);
  const meetingUrl = meetingUrls[0] ?? `${base}/meetings/`;
  const searchUrl = `${base}/search?q=${encodeURIComponent('talousarvio')}`;
  const warm = await fetch(meetingUrl);
  log(
    `meeting page: ${(await warm.text()).length} bytes, status ${warm.status}; ${meetingUrls.length} pages in turn`,
  );
  // A short run first on one page, so the figures are of a warmed-up process (JIT), as a long-running
  // server is; the measured run then meets most of the other pages for the first time.
  await cannon([meetingUrl], { ...o, seconds: 2 });
  const m = await cannon(meetingUrls, o);
  log(`meeting pages: ${m.requests.average} req/s, p99 ${m.latency.p99} ms`);
  // Each distinct query once, so no page comes from the cache: what a new search costs.
  const fresh: number[] = [];
  for (const word of FRESH_QUERIES)
    fresh.push(await timeFetch(`${base}/search?q=${encodeURIComponent(word)}`));
  const freshP50 = median(fresh);
  log(`search page, new queries: p50 ${freshP50} ms, max ${Math.round(Math.max(...fresh))} ms`);
  // A topic timeline pages through search by year; a source page reads and redacts one document's text.
  const topics: number[] = [];
  for (const word of FRESH_QUERIES)
    topics.push(await timeFetch(`${base}/topics/${encodeURIComponent(word)}`));
  const topicP50 = median(topics);
  log(`topic page, new topics: p50 ${topicP50} ms, max ${Math.round(Math.max(...topics))} ms`);
  const sourceMs = Math.round(await timeFetch(`${meetingUrl}/source?field=/items/0/decision`));
  log(`source page, first view: ${sourceMs} ms`);
  await cannon([searchUrl], { ...o, seconds: 2 });
  const s = await cannon([searchUrl], o);
  log(`search page, one repeated query: ${s.requests.average} req/s, p99 ${s.latency.p99} ms`);
  await app.close();
  await db.close();
  if (!o.data && !process.env.DATABASE_URL) await rm(dataDir, { recursive: true, force: true });
  const errors = m.errors + m.timeouts + m.non2xx + s.errors + s.timeouts + s.non2xx;
  process.stdout.write(`${JSON.stringify({ documents, connections: o.connections, seconds: o.seconds, meeting_rps: m.requests.average, meeting_p99_ms: m.latency.p99, meeting_first_view_p50_ms: firstP50, meeting_first_view_p95_ms: firstP95, search_rps: s.requests.average, search_p99_ms: s.latency.p99, search_uncached_p50_ms: freshP50, topic_uncached_p50_ms: topicP50, source_first_ms: sourceMs, errors })}\n`); // prettier-ignore
}

await main();
