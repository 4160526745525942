/**
 * The search index: per document, a tsvector of terms analysed in JavaScript (Voikko / Snowball), so both
 * engines hold and match the same terms. See docs/adr/0005-search-index.md.
 */
export const search = /* sql */ `
-- One row of what anyone may see ('public') per document, and, for a document with non-public parts,
-- a second row of all of it ('all') for callers allowed to see that.
CREATE TABLE search_documents (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  audience text NOT NULL,
  -- the public row is the whole document (no 'all' row exists)
  complete boolean NOT NULL,
  meeting_id text,
  body_name text,
  kind text NOT NULL,
  language text NOT NULL,
  date date,
  title text,
  file_name text NOT NULL,
  -- the text snippets are cut from, when it is not the document's own (non-public parts removed)
  content text,
  -- terms of participants' names and of organisations, for filters
  people tsvector NOT NULL,
  organisations tsvector NOT NULL,
  vector tsvector NOT NULL,
  -- the most frequent terms and their counts, for similar documents
  top_terms text[] NOT NULL,
  top_counts integer[] NOT NULL,
  PRIMARY KEY (document_id, audience)
);
CREATE INDEX search_documents_vector ON search_documents USING gin (vector);

-- How many public rows hold each term; the row for '' counts the rows.
CREATE TABLE search_terms (
  term text PRIMARY KEY,
  df integer NOT NULL
);

-- Stems seen standalone, that compounds are split into (Swedish; Finnish without Voikko).
CREATE TABLE search_lexicon (
  language text NOT NULL,
  stem text NOT NULL,
  PRIMARY KEY (language, stem)
);
`;
