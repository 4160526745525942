/**
 * Person and organisation filters through their own GIN indexes: their name vectors are stored out of
 * line (0003), so checking them row by row would detoast one per match.
 */
export const searchNameFilters = /* sql */ `
CREATE INDEX search_documents_people ON search_documents USING gin (people);
CREATE INDEX search_documents_organisations ON search_documents USING gin (organisations);
`;
