/**
 * Whether every search row holds names' word pairs (docs/adr/0012-name-pairs.md). Rows indexed before
 * do not: until `pykala search reindex` rebuilds them, phrases are matched without pairs.
 */
export const searchNamePairs = /* sql */ `
CREATE TABLE search_format (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  name_pairs boolean NOT NULL
);
INSERT INTO search_format (name_pairs) SELECT NOT EXISTS (SELECT 1 FROM search_documents);
`;
