/**
 * A search row's vector is stored out of line without compression. A tsvector (lexemes and their
 * positions) compresses by 7 % (12.1 KB to 11.3 KB a document on average), which saved a little over 1 %
 * of the database and cost the engine a few per cent of an ingest's time. Applies to rows written from
 * now on.
 */
export const searchVectorUncompressed = /* sql */ `
ALTER TABLE search_documents ALTER COLUMN vector SET STORAGE EXTERNAL;
`;
