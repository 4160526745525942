/**
 * Search benchmark on synthetic documents, embedded (PGlite): builds the index straight from generated
 * texts (no parse), then times searches, similar-document look-ups and the index's size. 5,000 documents
 * by default, 100,000 with --full, or --docs N. The last line is JSON.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getAnalyzer } from '../src/search/analysis/analyzer.js';
import { tokenize } from '../src/search/analysis/tokenize.js';
import { buildDocumentVectors, buildNameVector } from '../src/search/index/term-vector.js';
import { search } from '../src/search/query/search.js';
import { findSimilar } from '../src/search/query/similar.js';
import { openDb } from '../src/store/db.js';
import { migrate } from '../src/store/migrations.js';
import { createRng, generateDocument, mixSeed } from './synthetic-corpus.js';

const args = process.argv.slice(2);
const docsArg = args.indexOf('--docs');
const COUNT = docsArg >= 0 ? Number(args[docsArg + 1]) : args.includes('--full') ? 100_000 : 5_000;
const SEED = 20_240_601;
const CHUNK = 250;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pykala-bench-search-'));
  const db = await openDb({ dataDir });
  const analyzer = getAnalyzer();
  const df = new Map<string, number>();
  const queryPool: string[] = [];
  const rng = createRng(SEED);
  try {
    await migrate(db);
    const started = Date.now();
    for (let from = 0; from < COUNT; from += CHUNK) {
      const rows = [];
      for (let i = from; i < Math.min(COUNT, from + CHUNK); i++) {
        const doc = generateDocument(mixSeed(SEED, i));
        const id = createHash('sha256').update(doc.text).digest('hex');
        const v = buildDocumentVectors({ text: doc.text, language: doc.meta.language, title: doc.meta.title, bodyName: doc.meta.body, spans: [], hiddenItems: new Set(), hiddenAttachments: new Set() }, analyzer); // prettier-ignore
        for (const term of v.publicVector.counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
        const top = [...v.publicVector.counts].filter(([t]) => t.length >= 3 && !/^\d+$/.test(t)).sort((a, b) => b[1] - a[1]).slice(0, 40); // prettier-ignore
        if (rng.chance(0.01)) queryPool.push(...pickQueries(doc.meta, rng));
        rows.push({ id, doc, v, top });
      }
      await db.query(
        `WITH d AS (INSERT INTO documents (id, source_path, file_name, byte_size, kind, language, reader, body_name, title, date, text, item_count, participant_count)
           SELECT id, file_name, file_name, length(text), kind, language, 'text', body, title, date, text, 0, 0
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[])
             AS t(id, file_name, kind, language, body, title, date, text) RETURNING id)
         INSERT INTO search_documents (document_id, audience, complete, body_name, kind, language, date, title, file_name, people, organisations, vector, top_terms, top_counts)
         SELECT id, 'public', true, body, kind, language, date, title, file_name, people::tsvector, orgs::tsvector, vector::tsvector, string_to_array(top_terms, ' '), string_to_array(top_counts, ' ')::int4[]
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
           AS t(id, file_name, kind, language, body, title, date, people, orgs, vector, top_terms, top_counts)`,
        [
          rows.map((r) => r.id), rows.map((r) => r.doc.fileName), rows.map((r) => r.doc.meta.kind), rows.map((r) => r.doc.meta.language),
          rows.map((r) => r.doc.meta.body), rows.map((r) => r.doc.meta.title), rows.map((r) => r.doc.meta.date), rows.map((r) => r.doc.text),
          rows.map((r) => buildNameVector(r.doc.meta.participants, analyzer)), rows.map((r) => buildNameVector([r.doc.meta.organisation], analyzer)),
          rows.map((r) => r.v.publicVector.literal), rows.map((r) => r.top.map((t) => t[0]).join(' ')), rows.map((r) => r.top.map((t) => t[1]).join(' ')),
        ], // prettier-ignore
      );
      if ((from / CHUNK) % 40 === 0) process.stderr.write(`indexed ${from + rows.length}/${COUNT}\n`);
    }
    df.set('', COUNT);
    const terms = [...df];
    for (let i = 0; i < terms.length; i += 20_000) {
      const part = terms.slice(i, i + 20_000);
      await db.query('INSERT INTO search_terms (term, df) SELECT * FROM unnest($1::text[], $2::int4[])', [part.map((t) => t[0]), part.map((t) => t[1])]); // prettier-ignore
    }
    await db.exec('VACUUM ANALYZE search_documents');
    const indexSeconds = (Date.now() - started) / 1000;
    process.stderr.write(`indexed ${COUNT} documents in ${indexSeconds.toFixed(1)} s\n`);

    const queries = queryPool.slice(0, 200);
    for (const q of queries.slice(0, 10)) await search(db, q);
    const times: number[] = [];
    const t0 = performance.now();
    for (const q of queries) {
      const s = performance.now();
      await search(db, q);
      times.push(performance.now() - s);
    }
    const wall = performance.now() - t0;
    const ids = (await db.query<{ id: string }>(`SELECT document_id AS id FROM search_documents ORDER BY document_id LIMIT 100`)).map((r) => r.id); // prettier-ignore
    const similarTimes: number[] = [];
    for (const id of ids) {
      const s = performance.now();
      await findSimilar(db, id);
      similarTimes.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    similarTimes.sort((a, b) => a - b);
    const [size] = await db.query<{ bytes: number }>(
      `SELECT (pg_total_relation_size('search_documents') + pg_total_relation_size('search_terms'))::float8 AS bytes`,
    );
    const result = {
      documents: COUNT,
      queries: queries.length,
      p50_ms: round(percentile(times, 50)),
      p95_ms: round(percentile(times, 95)),
      qps: round((queries.length / wall) * 1000),
      similar_p50_ms: round(percentile(similarTimes, 50)),
      similar_p95_ms: round(percentile(similarTimes, 95)),
      index_mb: round((size?.bytes ?? 0) / 1024 / 1024),
      index_seconds: round(indexSeconds),
      analysis: analyzer.engine,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Queries a user might type about this document: a word of an item title, a surname, the body. */
function pickQueries(
  meta: { body: string; participants: string[]; itemTitles: string[] },
  rng: ReturnType<typeof createRng>,
): string[] {
  // prettier-ignore
  const words = (s: string) => tokenize(s).map((t) => t.text).filter((w) => w.length > 4);
  const out: string[] = [];
  const title = rng.pick(meta.itemTitles.length > 0 ? meta.itemTitles : [meta.body]);
  const w = words(title);
  if (w.length > 0) out.push(rng.pick(w));
  if (w.length > 1) out.push(`${w[0]} ${w[w.length - 1]}`);
  const person = meta.participants[0];
  if (person) out.push(person.split(' ').pop() ?? person);
  out.push(`"${meta.body}"`);
  return out;
}

const round = (x: number) => Math.round(x * 10) / 10;

await main();
