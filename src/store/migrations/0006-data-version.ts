/**
 * One number that changes with every write to the model, so a reader (the portal's page cache) can tell
 * in one row whether anything changed, instead of counting documents. Statement-level triggers bump it
 * inside the writing transaction: the new number becomes visible with the data, never before it.
 */
export const dataVersion = /* sql */ `
CREATE TABLE data_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
INSERT INTO data_version (version) VALUES (1);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1;
  RETURN NULL;
END
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organisations', 'organisation_aliases', 'bodies', 'meetings', 'documents',
    'document_sources', 'items', 'attachments', 'people', 'person_names', 'memberships', 'attendance',
    'departures', 'actions', 'key_messages', 'merges']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', t || '_data_version', t);
  END LOOP;
END
$$;
`;
