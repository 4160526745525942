/**
 * Each search row's bound for the terms its postings leave out, so top-k ranking knows which matches
 * outside the postings could still make the page. See docs/adr/0011-search-top-k-postings.md.
 */
export const searchBounds = /* sql */ `
-- The highest one-term ts_rank of a term of this row without a posting; NULL when not computed (such
-- rows are always looked at).
ALTER TABLE search_documents ADD COLUMN rest_impact real;

-- Rows indexed before: the 65th highest impact, computed from their vectors as 0003 computed postings.
UPDATE search_documents s SET rest_impact = COALESCE(b.impact, 0) FROM (
  SELECT document_id, audience, impact FROM (
    SELECT s.document_id, s.audience,
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
  ) ranked WHERE k = 65
) b
WHERE b.document_id = s.document_id AND b.audience = s.audience;
UPDATE search_documents SET rest_impact = 0 WHERE rest_impact IS NULL;
`;
