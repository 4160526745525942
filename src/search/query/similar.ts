import type { Sql } from '../../store/db.js';
import { docKeySql } from '../index/postings.js';
import { quoteLexeme } from '../index/term-vector.js';

export interface SimilarDocument {
  documentId: string;
  meetingId: string | null;
  title: string | null;
  source: string;
  score: number;
}

interface TermsRow {
  document_id: string;
  meeting_id: string | null;
  title: string | null;
  file_name: string;
  top_terms: string[];
  top_counts: number[];
}

const QUERY_TERMS = 12;
const CANDIDATES = 100;
// Postings read per query term.
const PER_TERM = 60;

/**
 * The public documents most like this one by content, not of its own meeting (its near-duplicates join
 * that meeting): its most distinctive terms by TF-IDF find candidates through their postings (each term's
 * best documents, weighted by the term's TF-IDF here), and the cosine of the documents' top-term TF-IDF
 * vectors orders them.
 */
export async function findSimilar(db: Sql, documentId: string, limit = 10): Promise<SimilarDocument[]> {
  const [own] = await db.query<TermsRow>(
    `SELECT document_id, meeting_id, title, file_name, top_terms, top_counts FROM search_documents
     WHERE document_id = $1 AND audience = 'public'`,
    [documentId],
  );
  if (!own || own.top_terms.length === 0) return [];
  const df = await documentFrequencies(db, own.top_terms);
  const ownVector = tfidf(own, df);
  const best = [...ownVector].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, QUERY_TERMS);
  let candidates = await db.query<TermsRow>(
    `WITH c AS (
       SELECT p.doc_key, sum(p.impact * q.weight) AS guess
       FROM unnest($1::text[], $2::float8[]) AS q(term, weight)
       CROSS JOIN LATERAL (SELECT doc_key, impact FROM search_postings
                           WHERE public AND term = q.term ORDER BY impact DESC LIMIT ${PER_TERM}) p
       GROUP BY p.doc_key ORDER BY guess DESC, p.doc_key LIMIT ${CANDIDATES * 2})
     SELECT s.document_id, s.meeting_id, s.title, s.file_name, s.top_terms, s.top_counts
     FROM c CROSS JOIN LATERAL (
       SELECT * FROM search_documents s
       WHERE ${docKeySql('s.document_id')} = c.doc_key AND s.audience = 'public' OFFSET 0) s
     WHERE s.document_id <> $3 AND (s.meeting_id IS NULL OR $4::text IS NULL OR s.meeting_id <> $4)
     ORDER BY c.guess DESC, s.document_id LIMIT ${CANDIDATES}`,
    [best.map((b) => b[0]), best.map((b) => b[1]), documentId, own.meeting_id],
  );
  // Rows indexed without postings: find candidates by matching every one of the terms instead.
  if (candidates.length === 0) candidates = await matchCandidates(db, best.map((b) => b[0]), documentId, own.meeting_id); // prettier-ignore
  const moreDf = await documentFrequencies(db, [...new Set(candidates.flatMap((c) => c.top_terms))].filter((t) => !df.has(t))); // prettier-ignore
  for (const [t, n] of moreDf) df.set(t, n);
  return candidates
    .map((c) => ({
      documentId: c.document_id,
      meetingId: c.meeting_id,
      title: c.title,
      source: c.file_name,
      score: cosine(ownVector, tfidf(c, df)),
    }))
    .sort((a, b) => b.score - a.score || (a.documentId < b.documentId ? -1 : 1))
    .slice(0, limit);
}

async function matchCandidates(
  db: Sql,
  terms: readonly string[],
  documentId: string,
  meetingId: string | null,
): Promise<TermsRow[]> {
  return db.query<TermsRow>(
    `SELECT document_id, meeting_id, title, file_name, top_terms, top_counts FROM search_documents s
     WHERE s.audience = 'public' AND s.vector @@ $1::tsquery AND s.document_id <> $2
       AND (s.meeting_id IS NULL OR $3::text IS NULL OR s.meeting_id <> $3)
     ORDER BY ts_rank(s.vector, $1::tsquery) DESC, s.document_id LIMIT ${CANDIDATES}`,
    [terms.map(quoteLexeme).join(' | '), documentId, meetingId],
  );
}

async function documentFrequencies(db: Sql, terms: readonly string[]): Promise<Map<string, number>> {
  if (terms.length === 0) return new Map();
  const rows = await db.query<{ term: string; df: number }>(
    'SELECT term, df FROM search_terms WHERE term = ANY($1::text[])',
    [['', ...terms]],
  );
  return new Map(rows.map((r) => [r.term, r.df]));
}

function tfidf(row: TermsRow, df: ReadonlyMap<string, number>): Map<string, number> {
  const n = Math.max(1, df.get('') ?? 1);
  const out = new Map<string, number>();
  row.top_terms.forEach((term, i) => {
    const tf = 1 + Math.log(row.top_counts[i] ?? 1);
    out.set(term, tf * Math.log(1 + n / Math.max(1, df.get(term) ?? 1)));
  });
  return out;
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a) {
    na += w * w;
    dot += w * (b.get(t) ?? 0);
  }
  for (const w of b.values()) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
