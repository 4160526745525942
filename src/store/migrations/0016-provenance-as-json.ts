/**
 * Each document's spans as json, the text as written, instead of jsonb (docs/adr/0022). They are written
 * once and only ever read a document at a time, whole; jsonb's parse into its binary tree on every write
 * was two thirds of storing them, about a twentieth of a batch's time in the engine.
 */
export const provenanceAsJson = /* sql */ `
ALTER TABLE provenance ALTER COLUMN spans TYPE json USING spans::json;
`;
