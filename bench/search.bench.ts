/**
 * Search benchmark on synthetic documents, embedded (PGlite): 5,000 documents by default, 100,000 with
 * --full, or --docs N. The corpus is built once through the real analyzer and cached (bench/.cache). Times
 * searches (facets and snippets included) with top-k ranking and, as the in-process baseline, the same
 * queries ranking every match (a sample) and how far the pages agree; similar documents; index size. The
 * last line is JSON.
 */
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { getAnalyzer } from '../src/search/analysis/analyzer.js';
import type { SearchOptions } from '../src/search/query/search.js';
import { search } from '../src/search/query/search.js';
import { findSimilar } from '../src/search/query/similar.js';
import type { Sql } from '../src/store/db.js';
import { corpusDocument, openBenchCorpus } from './search-corpus.js';
import type { BenchQuery } from './search-queries.js';
import { pickQuery } from './search-queries.js';
import { createRng } from './synthetic-corpus.js';

const args = process.argv.slice(2);
const docsArg = args.indexOf('--docs');
const COUNT = docsArg >= 0 ? Number(args[docsArg + 1]) : args.includes('--full') ? 100_000 : 5_000;
const SEED = 20_240_601;
const QUERIES = 300;
const SIMILAR = 100;
const EXHAUSTIVE = 100;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

async function timeQueries(db: Sql, queries: readonly BenchQuery[], extra: SearchOptions) {
  for (const q of queries.slice(0, 10)) await search(db, q.q, { ...q.options, ...extra });
  const times: number[] = [];
  const hits: { id: string; score: number }[][] = [];
  const t0 = performance.now();
  for (const q of queries) {
    const s = performance.now();
    const result = await search(db, q.q, { ...q.options, ...extra });
    times.push(performance.now() - s);
    hits.push(result.hits.map((h) => ({ id: h.documentId, score: h.score })));
  }
  return { times, hits, wall: performance.now() - t0 };
}

/** Reads every file under `dir` once, discarding what it reads. */
async function readFilesOnce(dir: string): Promise<{ bytes: number; seconds: number }> {
  const started = performance.now();
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    for await (const chunk of createReadStream(join(entry.parentPath, entry.name)))
      bytes += (chunk as Buffer).length;
  }
  return { bytes, seconds: (performance.now() - started) / 1000 };
}

function summary(times: readonly number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) };
}

async function main(): Promise<void> {
  const analyzer = getAnalyzer();
  const { db, dir, buildSeconds } = await openBenchCorpus(COUNT, SEED, analyzer);
  try {
    // Timed as a running server serves: with the store's files in the operating system's cache. The first
    // searches after a restart also wait for the disk.
    const warm = await readFilesOnce(dir);
    console.log(
      `read the store's files once: ${Math.round(warm.bytes / 1048576)} MB in ${warm.seconds.toFixed(1)} s`,
    );
    const rng = createRng(SEED + 1);
    const queries: BenchQuery[] = [];
    while (queries.length < QUERIES) {
      const q = pickQuery(corpusDocument(SEED, rng.int(0, COUNT - 1)), rng, analyzer);
      if (q) queries.push(q);
    }
    const fast = await timeQueries(db, queries, {});
    // The baseline ranks every match: slow at 100k, so on the first EXHAUSTIVE queries only.
    const baseline = queries.slice(0, EXHAUSTIVE);
    const exact = await timeQueries(db, baseline, { ranking: 'exhaustive' });
    // Agreement with ranking every match: a hit counts when it scores at least the exhaustive page's last
    // (ties at the cut are equally good to ts_rank), and pages count when their scores are the same.
    let agree = 0;
    let samePages = 0;
    let judged = 0;
    exact.hits.forEach((want, i) => {
      const got = fast.hits[i] ?? [];
      const last = want[want.length - 1];
      if (!last) return;
      agree += got.filter((h) => h.score >= last.score - 1e-9).length / want.length;
      if (got.map((h) => h.score.toFixed(6)).join() === want.map((h) => h.score.toFixed(6)).join())
        samePages++;
      judged++;
    });
    const byKind = new Map<string, number[]>();
    queries.forEach((q, i) => byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), fast.times[i] ?? 0]));
    for (const [kind, times] of [...byKind].sort()) {
      const s = summary(times);
      process.stderr.write(`${kind.padEnd(14)} n=${String(times.length).padStart(3)}  p50 ${s.p50} ms  p95 ${s.p95} ms\n`); // prettier-ignore
    }
    const similarTimes: number[] = [];
    const similarRng = createRng(SEED + 2);
    for (let i = 0; i < SIMILAR; i++) {
      const id = corpusDocument(SEED, similarRng.int(0, COUNT - 1)).id;
      const s = performance.now();
      await findSimilar(db, id);
      similarTimes.push(performance.now() - s);
    }
    const size = async (table: string) =>
      (await db.query<{ bytes: number }>(`SELECT pg_total_relation_size('${table}')::float8 AS bytes`))[0]?.bytes ?? 0; // prettier-ignore
    const postings = await size('search_postings');
    const bytes = (await size('search_documents')) + (await size('search_terms')) + postings;
    const f = summary(fast.times);
    const e = summary(exact.times);
    const s = summary(similarTimes);
    const result = {
      documents: COUNT,
      queries: queries.length,
      p50_ms: f.p50,
      p95_ms: f.p95,
      qps: round((queries.length / fast.wall) * 1000),
      similar_p50_ms: s.p50,
      similar_p95_ms: s.p95,
      index_mb: round(bytes / 1024 / 1024),
      postings_mb: round(postings / 1024 / 1024),
      exhaustive_p50_ms: e.p50,
      exhaustive_p95_ms: e.p95,
      exhaustive_queries: baseline.length,
      top10_agreement_with_exhaustive: Math.round((agree / Math.max(1, judged)) * 1000) / 1000,
      same_page_as_exhaustive: Math.round((samePages / Math.max(1, judged)) * 1000) / 1000,
      build_seconds: buildSeconds === null ? 'cached' : round(buildSeconds),
      analysis: analyzer.engine,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await db.close();
  }
}

await main();
