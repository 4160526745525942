import type { Sql } from './db.js';

export interface QuarantineRow {
  source_path: string;
  content_sha256: string | null;
  reason: string;
  code: string | null;
  failed_at: Date;
}

/** Sets a document aside with the reason it failed; the latest failure per path is kept. */
export async function quarantineDocument(
  db: Sql,
  entry: { sourcePath: string; sha256: string | null; reason: string; code: string | null },
): Promise<void> {
  await db.query(
    `INSERT INTO quarantine (source_path, content_sha256, reason, code) VALUES ($1, $2, $3, $4)
     ON CONFLICT (source_path) DO UPDATE SET content_sha256 = EXCLUDED.content_sha256,
       reason = EXCLUDED.reason, code = EXCLUDED.code, failed_at = now()
     WHERE quarantine.content_sha256 IS DISTINCT FROM EXCLUDED.content_sha256
        OR quarantine.reason <> EXCLUDED.reason`,
    [entry.sourcePath, entry.sha256, entry.reason, entry.code],
  );
}

/** Takes documents out of quarantine once they are stored. */
export async function releaseFromQuarantine(db: Sql, sourcePaths: readonly string[]): Promise<void> {
  if (sourcePaths.length === 0) return;
  await db.query('DELETE FROM quarantine WHERE source_path = ANY($1::text[])', [sourcePaths]);
}

export async function listQuarantine(db: Sql): Promise<QuarantineRow[]> {
  return db.query<QuarantineRow>('SELECT * FROM quarantine ORDER BY failed_at, source_path');
}
