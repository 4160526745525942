import { stableId } from '../lib/stable-id.js';
import type { Sql } from './db.js';
import type { InsertSpec } from './write-batch.js';
import { WriteBatch } from './write-batch.js';

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

/** Organisations not seen before, and each spelling; the key → id map is `organisationId`. */
export function organisationInserts(organisations: readonly OrganisationInput[]): InsertSpec[] {
  return [
    {
      table: 'organisations',
      columns: ['id', 'name', 'kind'],
      types: ['text', 'text', 'text'],
      values: [
        organisations.map((o) => organisationId(o.key)),
        organisations.map((o) => o.name),
        organisations.map((o) => o.kind),
      ],
      onConflict: 'ON CONFLICT (id) DO NOTHING',
      key: 1,
    },
    {
      table: 'organisation_aliases',
      columns: ['alias', 'organisation_id'],
      types: ['text', 'text'],
      values: [organisations.map((o) => o.alias), organisations.map((o) => organisationId(o.key))],
      onConflict: 'ON CONFLICT (alias) DO NOTHING',
      key: 1,
    },
  ];
}

export async function upsertOrganisations(
  tx: Sql,
  organisations: readonly OrganisationInput[],
): Promise<void> {
  const batch = new WriteBatch();
  for (const spec of organisationInserts(organisations)) batch.insert(spec);
  await batch.run(tx);
}

export interface BodyInput {
  name: string;
  /** The name without its municipality, lower case. */
  key: string;
  organisationId: string | null;
  parentId?: string | null;
}

/** A body is its name within its organisation; a name with no known organisation stands alone. */
export function bodyId(body: BodyInput): string {
  return stableId('body', body.organisationId, body.key);
}

export function bodyUpsert(body: BodyInput): InsertSpec {
  return {
    table: 'bodies',
    columns: ['id', 'name', 'name_key', 'organisation_id', 'parent_id'],
    types: ['text', 'text', 'text', 'text', 'text'],
    values: [[bodyId(body)], [body.name], [body.key], [body.organisationId], [body.parentId ?? null]],
    onConflict: 'ON CONFLICT (id) DO UPDATE SET parent_id = COALESCE(bodies.parent_id, EXCLUDED.parent_id)',
    key: 1,
    combine: (earlier, later) => [...earlier.slice(0, 4), earlier[4] ?? later[4]],
  };
}

export async function upsertBody(tx: Sql, body: BodyInput): Promise<string> {
  await new WriteBatch().insert(bodyUpsert(body)).run(tx);
  return bodyId(body);
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
