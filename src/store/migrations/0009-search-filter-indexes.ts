/**
 * Filters by body and by date narrow a common word's matches through indexes instead of reading each
 * match: a btree on each, and the body names seen, so that a part of a name ('työryhmä') becomes the
 * list of names it is part of before the search.
 */
export const searchFilterIndexes = /* sql */ `
CREATE INDEX search_documents_body ON search_documents (body_name);
CREATE INDEX search_documents_date ON search_documents (date);

-- Every body name indexed so far (a name no row has any more matches nothing).
CREATE TABLE search_bodies (name text PRIMARY KEY);
INSERT INTO search_bodies SELECT DISTINCT body_name FROM search_documents WHERE body_name IS NOT NULL;
`;
