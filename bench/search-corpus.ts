/**
 * The search benchmark's corpus: synthetic documents analysed by the real analyzer into the real search
 * rows (vectors, name vectors, top terms, postings, document frequencies), bulk-loaded without parsing.
 * The built database is kept under bench/.cache, so later runs open it at once.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Analyzer } from '../src/search/analysis/analyzer.js';
import type { Postings } from '../src/search/index/postings.js';
import { preparePostings, writePostings } from '../src/search/index/postings.js';
import type { TermVector } from '../src/search/index/term-vector.js';
import { buildDocumentVectors, buildNameVector } from '../src/search/index/term-vector.js';
import type { Db } from '../src/store/db.js';
import { openDb } from '../src/store/db.js';
import { MIGRATIONS, migrate } from '../src/store/migrations.js';
import type { SyntheticDocument } from './synthetic-corpus.js';
import { generateDocument, mixSeed } from './synthetic-corpus.js';

const CHUNK = 250;

export interface BenchCorpus {
  db: Db;
  /** Seconds spent building it; null when it came from the cache. */
  buildSeconds: number | null;
}

/** The i-th document of the corpus; the same for any corpus size. */
export function corpusDocument(seed: number, i: number): SyntheticDocument & { id: string } {
  const doc = generateDocument(mixSeed(seed, i));
  return { ...doc, id: createHash('sha256').update(doc.text).digest('hex') };
}

/** Opens the cached corpus of `count` documents, building it first when it is not there. */
export async function openBenchCorpus(count: number, seed: number, analyzer: Analyzer): Promise<BenchCorpus> {
  // The schema version is part of the name: a new migration builds a new corpus.
  const dir = join('bench', '.cache', `search-${count}-${seed}-v${MIGRATIONS.length}-${analyzer.engine}`);
  if (existsSync(join(dir, 'complete'))) return { db: await openDb({ dataDir: dir }), buildSeconds: null };
  const building = `${dir}.building`;
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  const started = Date.now();
  const db = await openDb({ dataDir: building });
  await migrate(db);
  await load(db, count, seed, analyzer);
  await db.close();
  await rm(dir, { recursive: true, force: true });
  await rename(building, dir);
  await writeFile(join(dir, 'complete'), new Date().toISOString());
  return { db: await openDb({ dataDir: dir }), buildSeconds: (Date.now() - started) / 1000 };
}

async function load(db: Db, count: number, seed: number, analyzer: Analyzer): Promise<void> {
  const df = new Map<string, number>();
  for (let from = 0; from < count; from += CHUNK) {
    const rows: { doc: ReturnType<typeof corpusDocument>; v: TermVector; top: [string, number][]; postings: Postings }[] = []; // prettier-ignore
    for (let i = from; i < Math.min(count, from + CHUNK); i++) {
      const doc = corpusDocument(seed, i);
      const source = { text: doc.text, language: doc.meta.language, title: doc.meta.title, bodyName: doc.meta.body, spans: [], hiddenItems: new Set<number>(), hiddenAttachments: new Set<string>() }; // prettier-ignore
      const v = buildDocumentVectors(source, analyzer).publicVector;
      for (const term of v.counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
      const top = [...v.counts].filter(([t]) => t.length >= 3 && !/^\d+$/.test(t)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 40); // prettier-ignore
      rows.push({ doc, v, top, postings: preparePostings(v) });
    }
    await db.transaction(async (tx) => {
      await tx.query(
        `WITH d AS (INSERT INTO documents (id, source_path, file_name, byte_size, kind, language, reader, body_name, title, date, text, item_count, participant_count)
           SELECT id, file_name, file_name, length(text), kind, language, 'text', body, title, date, text, 0, 0
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[])
             AS t(id, file_name, kind, language, body, title, date, text) RETURNING id)
         INSERT INTO search_documents (document_id, audience, complete, body_name, kind, language, date, title, file_name, people, organisations, vector, top_terms, top_counts)
         SELECT id, 'public', true, body, kind, language, date, title, file_name, people::tsvector, orgs::tsvector, vector::tsvector, string_to_array(top_terms, ' '), string_to_array(top_counts, ' ')::int4[]
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
           AS t(id, file_name, kind, language, body, title, date, people, orgs, vector, top_terms, top_counts)`,
        [
          rows.map((r) => r.doc.id), rows.map((r) => r.doc.fileName), rows.map((r) => r.doc.meta.kind), rows.map((r) => r.doc.meta.language),
          rows.map((r) => r.doc.meta.body), rows.map((r) => r.doc.meta.title), rows.map((r) => r.doc.meta.date), rows.map((r) => r.doc.text),
          rows.map((r) => buildNameVector(r.doc.meta.participants, analyzer)), rows.map((r) => buildNameVector([r.doc.meta.organisation], analyzer)),
          rows.map((r) => r.v.literal), rows.map((r) => r.top.map((t) => t[0]).join(' ')), rows.map((r) => r.top.map((t) => t[1]).join(' ')),
        ], // prettier-ignore
      );
      await writePostings(tx, rows.map((r) => ({ documentId: r.doc.id, audience: 'public' as const, ...r.postings }))); // prettier-ignore
    });
    if ((from / CHUNK) % 40 === 0) process.stderr.write(`indexed ${from + rows.length}/${count}\n`);
  }
  df.set('', count);
  const terms = [...df];
  for (let i = 0; i < terms.length; i += 20_000) {
    const part = terms.slice(i, i + 20_000);
    await db.query('INSERT INTO search_terms (term, df) SELECT * FROM unnest($1::text[], $2::int4[])', [part.map((t) => t[0]), part.map((t) => t[1])]); // prettier-ignore
  }
  for (const table of ['search_documents', 'search_postings', 'search_terms'])
    await db.exec(`VACUUM ANALYZE ${table}`);
}
