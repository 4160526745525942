/**
 * A document's text is stored out of line without compression: compressing it (pglz, the only method
 * PGlite has) was a tenth of an ingest's database time, for text that is a small part of the database
 * beside its index. Applies to rows written from now on.
 */
export const documentTextUncompressed = /* sql */ `
ALTER TABLE documents ALTER COLUMN text SET STORAGE EXTERNAL;
`;
