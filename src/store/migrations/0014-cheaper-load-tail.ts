/**
 * Two changes that shorten what a large load does after its last write (docs/adr/0018):
 * - The postings' top-k index leads with the term. The sort that builds it then compares the term's
 *   abbreviated key (its first bytes) instead of a boolean that nearly every row shares and then the
 *   whole term: a build takes about a quarter less time. Queries ask for one term in one audience,
 *   which either order serves.
 * - No planner statistics on array columns that no query filters on: a document's MinHash signature and
 *   a search row's top terms and their counts. Statistics of their elements (128 or 40 a row) took a
 *   fifth of ANALYZE's time.
 */
export const cheaperLoadTail = /* sql */ `
DROP INDEX IF EXISTS search_postings_top;
CREATE INDEX search_postings_top ON search_postings (term, public, impact DESC) INCLUDE (doc_key);
ALTER TABLE documents ALTER COLUMN minhash SET STATISTICS 0;
ALTER TABLE search_documents ALTER COLUMN top_terms SET STATISTICS 0, ALTER COLUMN top_counts SET STATISTICS 0;
`;
