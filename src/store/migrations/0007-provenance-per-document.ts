/**
 * Each document's source spans as one row: `{"<JSON Pointer>": [start, end], …}`. As a row per field
 * (0001) they were a fifth of the database and a quarter of the time spent writing a document; they are
 * only ever read a document at a time.
 */

/** Fills `provenance` from rows in the shape of 0001's `provenance_spans` (also for older backups). */
export const provenanceFromSpans = /* sql */ `
INSERT INTO provenance (document_id, spans)
SELECT document_id, jsonb_object_agg(pointer, jsonb_build_array(start_offset, end_offset))
FROM provenance_spans GROUP BY document_id;
`;

export const provenancePerDocument = /* sql */ `
CREATE TABLE provenance (
  document_id text PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  spans jsonb NOT NULL
);
${provenanceFromSpans}
DROP TABLE provenance_spans;
`;
