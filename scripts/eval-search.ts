/**
 * Scores search on the judged query set (test/fixtures/search/queries.json) over the parse fixtures and
 * the search documents, beside plain PostgreSQL `to_tsvector('finnish', …)` search of the same texts.
 * Prints recall@10 and nDCG@10 of each, and of our search with top-k ranking from the postings forced
 * (on a corpus this small it would rank every match); the last line is JSON. --verbose lists every query.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { prepareDocument } from '../src/ingest/prepare-document.js';
import { storeDocument } from '../src/ingest/store-document.js';
import { reindexAll } from '../src/search/index/index-document.js';
import { search } from '../src/search/query/search.js';
import { openDb } from '../src/store/db.js';
import { migrate } from '../src/store/migrations.js';

interface Judged {
  query: string;
  relevant: string[];
}

const FIXTURES = 'test/fixtures';
const K = 10;

async function corpusFiles(): Promise<{ key: string; path: string }[]> {
  const out: { key: string; path: string }[] = [];
  for (const dir of (await readdir(join(FIXTURES, 'parse'), { withFileTypes: true })).filter((d) =>
    d.isDirectory(),
  )) {
    const files = await readdir(join(FIXTURES, 'parse', dir.name));
    const source = files.find((f) => f.startsWith('source.'));
    if (source) out.push({ key: dir.name, path: join(FIXTURES, 'parse', dir.name, source) });
  }
  for (const name of await readdir(join(FIXTURES, 'search', 'documents'))) {
    out.push({ key: name, path: join(FIXTURES, 'search', 'documents', name) });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}

function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const found = ranked.slice(0, K).filter((k) => relevant.has(k)).length;
  return found / Math.min(K, relevant.size);
}

function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  let dcg = 0;
  ranked.slice(0, K).forEach((k, i) => {
    if (relevant.has(k)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(K, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal > 0 ? dcg / ideal : 0;
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const judged = (JSON.parse(await readFile(join(FIXTURES, 'search', 'queries.json'), 'utf8')) as { queries: Judged[] }).queries; // prettier-ignore
  const dataDir = await mkdtemp(join(tmpdir(), 'pykala-eval-search-'));
  const db = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir });
  try {
    await migrate(db);
    for (const f of await corpusFiles()) {
      await storeDocument(db, await prepareDocument(await readFile(f.path), f.key, basename(f.path)));
    }
    await reindexAll(db);
    const totals = {
      ours: { recall: 0, ndcg: 0 },
      plain: { recall: 0, ndcg: 0 },
      topk: { recall: 0, ndcg: 0 },
    };
    for (const q of judged) {
      const relevant = new Set(q.relevant);
      const result = await search(db, q.query, { limit: K, facets: false });
      const keys = await db.query<{ id: string; source_path: string }>(
        'SELECT id, source_path FROM documents WHERE id = ANY($1::text[])',
        [result.hits.map((h) => h.documentId)],
      );
      const topk = await search(db, q.query, { limit: K, facets: false, ranking: 'top-k' });
      const byId = new Map(keys.map((k) => [k.id, k.source_path]));
      const ours = result.hits.map((h) => byId.get(h.documentId) ?? '');
      const oursTopk = topk.hits.map((h) => byId.get(h.documentId) ?? '');
      totals.topk.recall += recallAt(oursTopk, relevant);
      totals.topk.ndcg += ndcgAt(oursTopk, relevant);
      const plain = (
        await db.query<{ source_path: string }>(
          `SELECT source_path FROM documents, websearch_to_tsquery('finnish', $1) q
           WHERE public AND to_tsvector('finnish', text) @@ q
           ORDER BY ts_rank(to_tsvector('finnish', text), q) DESC, id LIMIT ${K}`,
          [q.query],
        )
      ).map((r) => r.source_path);
      const scores = { ours: [recallAt(ours, relevant), ndcgAt(ours, relevant)], plain: [recallAt(plain, relevant), ndcgAt(plain, relevant)] }; // prettier-ignore
      totals.ours.recall += scores.ours[0] ?? 0;
      totals.ours.ndcg += scores.ours[1] ?? 0;
      totals.plain.recall += scores.plain[0] ?? 0;
      totals.plain.ndcg += scores.plain[1] ?? 0;
      if (verbose || (scores.ours[0] ?? 0) < 1) {
        const missed = q.relevant.filter((r) => !ours.includes(r));
        process.stdout.write(
          `${q.query.padEnd(28)} recall ${scores.ours[0]?.toFixed(2)} (plain ${scores.plain[0]?.toFixed(2)})  nDCG ${scores.ours[1]?.toFixed(2)} (plain ${scores.plain[1]?.toFixed(2)})${missed.length ? `  missed: ${missed.join(', ')}` : ''}\n`,
        );
      }
    }
    const n = judged.length;
    const summary = {
      queries: n,
      documents: (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents'))[0]?.n ?? 0,
      recall_at_10: round(totals.ours.recall / n),
      ndcg_at_10: round(totals.ours.ndcg / n),
      plain_recall_at_10: round(totals.plain.recall / n),
      plain_ndcg_at_10: round(totals.plain.ndcg / n),
      topk_recall_at_10: round(totals.topk.recall / n),
      topk_ndcg_at_10: round(totals.topk.ndcg / n),
    };
    process.stdout.write(`\n                 recall@10  nDCG@10\n`);
    process.stdout.write(
      `pykala search      ${summary.recall_at_10.toFixed(3)}    ${summary.ndcg_at_10.toFixed(3)}\n`,
    );
    process.stdout.write(
      `  top-k forced     ${summary.topk_recall_at_10.toFixed(3)}    ${summary.topk_ndcg_at_10.toFixed(3)}\n`,
    );
    process.stdout.write(
      `plain 'finnish'    ${summary.plain_recall_at_10.toFixed(3)}    ${summary.plain_ndcg_at_10.toFixed(3)}\n`,
    );
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

await main();
