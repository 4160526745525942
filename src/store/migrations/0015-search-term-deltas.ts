/**
 * Document frequencies a large load has counted and not yet added to search_terms (docs/adr/0021): per
 * batch, a row for each term its public rows hold, written with the batch's documents and added in one
 * statement at the load's end or by the next open, so a load killed in between loses none. Upserting
 * each batch's few thousand terms into search_terms cost the engine about a twelfth of a batch's write.
 */
export const searchTermDeltas = /* sql */ `
CREATE TABLE search_term_deltas (
  term text NOT NULL,
  df integer NOT NULL
);
`;
