import { stableId } from '../lib/stable-id.js';
import type { Db, Sql } from './db.js';
import type { InsertSpec } from './write-batch.js';

export interface MergeRow {
  id: string;
  into_person_id: string;
  from_person_id: string;
  evidence: unknown;
  merged_at: Date;
  undone_at: Date | null;
}

/** The merge of a person just created into an existing one: the new row carries the root already. */
export function newPersonMergeInsert(intoId: string, fromId: string, evidence: unknown): InsertSpec {
  return {
    table: 'merges',
    columns: ['id', 'into_person_id', 'from_person_id', 'evidence'],
    types: ['text', 'text', 'text', 'jsonb'],
    values: [[stableId('merge', intoId, fromId)], [intoId], [fromId], [JSON.stringify(evidence)]],
    onConflict: 'ON CONFLICT (id) DO NOTHING',
    key: 1,
  };
}

/** Merges `fromId`'s person (and all merged into it) into `intoId`'s, recording why. */
export async function recordMerge(
  tx: Sql,
  intoId: string,
  fromId: string,
  evidence: unknown,
): Promise<string> {
  const id = stableId('merge', intoId, fromId);
  await tx.query(
    `INSERT INTO merges (id, into_person_id, from_person_id, evidence) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (id) DO UPDATE SET evidence = EXCLUDED.evidence, merged_at = now(), undone_at = NULL`,
    [id, intoId, fromId, JSON.stringify(evidence)],
  );
  await tx.query(
    `UPDATE people SET canonical_id = (SELECT canonical_id FROM people WHERE id = $1)
     WHERE canonical_id = (SELECT canonical_id FROM people WHERE id = $2)`,
    [intoId, fromId],
  );
  return id;
}

/** The merges that made a person what it is, with their evidence, oldest first. */
export async function explainPerson(db: Sql, personId: string): Promise<MergeRow[]> {
  return db.query<MergeRow>(
    `SELECT g.* FROM merges g
     WHERE g.undone_at IS NULL AND g.into_person_id IN (
       SELECT id FROM people WHERE canonical_id = (SELECT canonical_id FROM people WHERE id = $1))
     ORDER BY g.merged_at, g.id`,
    [personId],
  );
}

/**
 * Undoes one merge: the people of the merged group are split back apart and the merges that remain are
 * replayed, so only what this merge joined comes apart.
 */
export async function undoMerge(db: Db, mergeId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ into_person_id: string }>(
      'UPDATE merges SET undone_at = now() WHERE id = $1 AND undone_at IS NULL RETURNING into_person_id',
      [mergeId],
    );
    const into = rows[0]?.into_person_id;
    if (!into) return false;
    const group = await tx.query<{ id: string }>(
      'SELECT id FROM people WHERE canonical_id = (SELECT canonical_id FROM people WHERE id = $1)',
      [into],
    );
    const ids = group.map((g) => g.id);
    await tx.query('UPDATE people SET canonical_id = id WHERE id = ANY($1::text[])', [ids]);
    const remaining = await tx.query<{ into_person_id: string; from_person_id: string }>(
      `SELECT into_person_id, from_person_id FROM merges
       WHERE undone_at IS NULL AND into_person_id = ANY($1::text[]) AND from_person_id = ANY($1::text[])
       ORDER BY merged_at, id`,
      [ids],
    );
    for (const m of remaining) {
      await tx.query(
        `UPDATE people SET canonical_id = (SELECT canonical_id FROM people WHERE id = $1)
         WHERE canonical_id = (SELECT canonical_id FROM people WHERE id = $2)`,
        [m.into_person_id, m.from_person_id],
      );
    }
    return true;
  });
}
