/**
 * Postings for top-k ranking: each search row's highest-impact terms, so a query reads the best documents
 * of a term from a btree instead of ranking every match. See docs/adr/0011-search-top-k-postings.md.
 */
export const searchRanking = /* sql */ `
-- doc_key: the first 64 bits of md5(document_id), 8 bytes instead of the id's 64 in ~64 rows per document.
CREATE TABLE search_postings (
  doc_key bigint NOT NULL,
  -- the posting is of the document's public row (else of its 'all' row)
  public boolean NOT NULL,
  term text NOT NULL,
  -- the term's ts_rank as a one-term query in that row (weights {0.05, 0.2, 0.5, 1.0}, normalisation 1)
  impact real NOT NULL
);
CREATE INDEX search_postings_top ON search_postings (public, term, impact DESC) INCLUDE (doc_key);
CREATE INDEX search_postings_doc ON search_postings (doc_key);

-- Rows of ~300 bytes: the vectors, name vectors and top terms out of line, the filter and facet columns
-- in it, so counting and faceting a large match set reads few pages. Rows written from now on.
ALTER TABLE search_documents SET (toast_tuple_target = 128);
ALTER TABLE search_documents ALTER COLUMN document_id SET STORAGE MAIN, ALTER COLUMN audience SET STORAGE MAIN,
  ALTER COLUMN meeting_id SET STORAGE MAIN, ALTER COLUMN body_name SET STORAGE MAIN,
  ALTER COLUMN kind SET STORAGE MAIN, ALTER COLUMN language SET STORAGE MAIN;
-- Without statistics the planner takes @@ as selective and always matches through the GIN index; with
-- them it scans the table for common words and detoasts every vector.
ALTER TABLE search_documents ALTER COLUMN vector SET STATISTICS 0;
CREATE INDEX search_documents_key ON search_documents ((('x' || left(md5(document_id), 16))::bit(64)::int8));

-- Rows indexed before this migration: the same impacts, computed from their vectors.
INSERT INTO search_postings (doc_key, public, term, impact)
SELECT ('x' || left(md5(document_id), 16))::bit(64)::int8, audience = 'public', term, impact FROM (
  SELECT s.document_id, s.audience, l.lexeme AS term,
    (r.top + r.total - r.top / ((r.top_at + 1) * (r.top_at + 1))) / 1.64493406685 / (ln(n.len + 1) / ln(2)) AS impact,
    row_number() OVER (PARTITION BY s.document_id, s.audience
                       ORDER BY (r.top + r.total - r.top / ((r.top_at + 1) * (r.top_at + 1))) DESC, length(l.lexeme) DESC, l.lexeme) AS k
  FROM search_documents s
  CROSS JOIN LATERAL (SELECT GREATEST(1, sum(COALESCE(array_length(u.positions, 1), 1)))::float8 AS len
                      FROM unnest(s.vector) u) n
  CROSS JOIN LATERAL unnest(s.vector) l
  CROSS JOIN LATERAL (
    SELECT sum(w.v / (w.i * w.i)) AS total, max(w.v) AS top,
           (array_agg(w.i - 1 ORDER BY w.v DESC, w.i))[1] AS top_at
    FROM (SELECT CASE c WHEN 'A' THEN 1.0 WHEN 'B' THEN 0.5 WHEN 'C' THEN 0.2 ELSE 0.05 END::float8 AS v, i
          FROM unnest(l.weights) WITH ORDINALITY AS x(c, i)) w) r
) ranked
WHERE k <= 64;
`;
