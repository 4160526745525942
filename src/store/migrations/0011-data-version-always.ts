/**
 * The data-version triggers fire in every session, including one whose `session_replication_role` is
 * 'replica': a bulk write sets that to skip the per-row foreign-key triggers (it checks the batch's
 * references itself, once), and the portal must still see that the data changed.
 */
export const dataVersionAlways = /* sql */ `
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT tgrelid::regclass AS t, tgname FROM pg_trigger
           WHERE tgfoid = 'bump_data_version'::regproc AND NOT tgisinternal
  LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ALWAYS TRIGGER %I', r.t, r.tgname);
  END LOOP;
END
$$;
`;
