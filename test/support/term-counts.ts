import type { Sql } from '../../src/store/db.js';

/**
 * Document frequencies as the stored vectors give them, ordered by term: per term, the public rows it
 * has positions in, and for '' the public rows. What search_terms must hold.
 */
export function countedTermFrequencies(db: Sql): Promise<Record<string, unknown>[]> {
  return db.query(
    `SELECT * FROM (
       SELECT '' AS term, count(*)::int4 AS df FROM search_documents WHERE audience = 'public'
       UNION ALL
       SELECT u.lexeme, count(*)::int4 FROM search_documents s CROSS JOIN unnest(s.vector) u
       WHERE s.audience = 'public' AND u.positions IS NOT NULL GROUP BY u.lexeme
     ) t ORDER BY 1`,
  );
}

/** search_terms, ordered by term. */
export function storedTermFrequencies(db: Sql): Promise<Record<string, unknown>[]> {
  return db.query('SELECT term, df FROM search_terms ORDER BY 1');
}
