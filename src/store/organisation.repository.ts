import { stableId } from '../lib/stable-id.js';
import type { Sql } from './db.js';

export interface OrganisationInput {
  /** Normalised key: every spelling of one organisation has the same. */
  key: string;
  name: string;
  kind: 'municipality' | 'other';
  /** The spelling this document used. */
  alias: string;
}

export function organisationId(key: string): string {
  return stableId('organisation', key);
}

/** Inserts organisations not seen before and records each spelling; returns key → id. */
export async function upsertOrganisations(
  tx: Sql,
  organisations: readonly OrganisationInput[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (organisations.length === 0) return ids;
  for (const o of organisations) ids.set(o.key, organisationId(o.key));
  await tx.query(
    `INSERT INTO organisations (id, name, kind)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (id) DO NOTHING`,
    [
      organisations.map((o) => organisationId(o.key)),
      organisations.map((o) => o.name),
      organisations.map((o) => o.kind),
    ],
  );
  await tx.query(
    `INSERT INTO organisation_aliases (alias, organisation_id)
     SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (alias) DO NOTHING`,
    [organisations.map((o) => o.alias), organisations.map((o) => organisationId(o.key))],
  );
  return ids;
}

export interface BodyInput {
  name: string;
  /** The name without its municipality, lower case. */
  key: string;
  organisationId: string | null;
  parentId?: string | null;
}

/** A body is its name within its organisation; a name with no known organisation stands alone. */
export async function upsertBody(tx: Sql, body: BodyInput): Promise<string> {
  const id = stableId('body', body.organisationId, body.key);
  await tx.query(
    `INSERT INTO bodies (id, name, name_key, organisation_id, parent_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET parent_id = COALESCE(bodies.parent_id, EXCLUDED.parent_id)`,
    [id, body.name, body.key, body.organisationId, body.parentId ?? null],
  );
  return id;
}

export interface OrganisationRow {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
}

export async function findOrganisationByAlias(db: Sql, alias: string): Promise<OrganisationRow | null> {
  const rows = await db.query<OrganisationRow>(
    `SELECT o.id, o.name, o.kind,
            (SELECT array_agg(alias ORDER BY alias) FROM organisation_aliases x WHERE x.organisation_id = o.id) AS aliases
     FROM organisation_aliases a JOIN organisations o ON o.id = a.organisation_id
     WHERE a.alias = $1`,
    [alias],
  );
  return rows[0] ?? null;
}
