import type { Sql } from './db.js';
import type { InsertSpec } from './write-batch.js';

export interface PersonRow {
  id: string;
  name: string;
  name_key: string;
  canonical_id: string;
}

/**
 * Which of these people are stored, with the person each is merged into. Each id is looked up in the
 * index: a lateral subquery the planner may not flatten (OFFSET 0), since for a few thousand keys it
 * would rather read the whole table, so that a batch's lookups would grow with the store.
 */
export async function findStoredPeople(
  tx: Sql,
  ids: readonly string[],
): Promise<{ id: string; canonical_id: string }[]> {
  if (ids.length === 0) return [];
  return tx.query(
    `SELECT p.* FROM unnest($1::text[]) AS q(id)
     CROSS JOIN LATERAL (SELECT id, canonical_id FROM people WHERE id = q.id OFFSET 0) p`,
    [ids],
  );
}

/** Where a person of some name has been seen: an organisation ('o:' and its id) or a body ('b:' …). */
export interface PersonContext {
  name_key: string;
  context_id: string;
  person_id: string;
  canonical_id: string;
}

/** The people of each (name, context) pair who have been seen there, with the person each is merged into. */
export async function findPeopleSeenIn(
  tx: Sql,
  pairs: readonly (readonly [string, string])[],
): Promise<PersonContext[]> {
  if (pairs.length === 0) return [];
  return tx.query<PersonContext>(
    // Each pair looked up in the index (see `findStoredPeople`).
    `SELECT c.* FROM unnest($1::text[], $2::text[]) AS q(name_key, context_id)
     CROSS JOIN LATERAL (
       SELECT c.name_key, c.context_id, c.person_id, p.canonical_id
       FROM person_contexts c JOIN people p ON p.id = c.person_id
       WHERE c.name_key = q.name_key AND c.context_id = q.context_id OFFSET 0
     ) c`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
}

export function personContextsInsert(rows: readonly (readonly [string, string, string])[]): InsertSpec {
  return {
    table: 'person_contexts',
    columns: ['name_key', 'context_id', 'person_id'],
    types: ['text', 'text', 'text'],
    values: [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
    onConflict: 'ON CONFLICT DO NOTHING',
    key: 3,
  };
}

/**
 * Records that the attendees of these meetings have been seen in their bodies: for meetings whose body
 * became known after their attendance was written (a near-duplicate naming the body of a meeting that had
 * none).
 */
export async function addMeetingBodyContexts(tx: Sql, meetingIds: readonly string[]): Promise<void> {
  if (meetingIds.length === 0) return;
  await tx.query(
    `INSERT INTO person_contexts (name_key, context_id, person_id)
     SELECT DISTINCT p.name_key, 'b:' || mt.body_id, p.id
     FROM attendance a JOIN meetings mt ON mt.id = a.meeting_id JOIN people p ON p.id = a.person_id
     WHERE a.meeting_id = ANY($1::text[]) AND mt.body_id IS NOT NULL
     ON CONFLICT DO NOTHING`,
    [meetingIds],
  );
}

export function peopleInsert(people: readonly PersonRow[]): InsertSpec {
  return {
    table: 'people',
    columns: ['id', 'name', 'name_key', 'canonical_id'],
    types: ['text', 'text', 'text', 'text'],
    values: [
      people.map((p) => p.id),
      people.map((p) => p.name),
      people.map((p) => p.name_key),
      people.map((p) => p.canonical_id),
    ],
    onConflict: 'ON CONFLICT (id) DO NOTHING',
    key: 1,
  };
}

export function personNamesInsert(names: readonly (readonly [string, string])[]): InsertSpec {
  return {
    table: 'person_names',
    columns: ['person_id', 'name'],
    types: ['text', 'text'],
    values: [names.map((n) => n[0]), names.map((n) => n[1])],
    onConflict: 'ON CONFLICT DO NOTHING',
    key: 2,
  };
}

export interface MembershipInput {
  personId: string;
  organisationId: string;
  role: string;
  seen: string | null;
}

/** Widens each (person, organisation, role)'s first/last seen dates to take in this meeting. */
export function membershipsUpsert(rows: readonly MembershipInput[]): InsertSpec {
  // One row per key: an upsert may not touch the same row twice.
  const unique = [
    ...new Map(rows.map((r) => [`${r.personId}\u0000${r.organisationId}\u0000${r.role}`, r])).values(),
  ];
  return {
    table: 'memberships',
    columns: ['person_id', 'organisation_id', 'role', 'first_seen', 'last_seen'],
    types: ['text', 'text', 'text', 'date', 'date'],
    values: [
      unique.map((r) => r.personId),
      unique.map((r) => r.organisationId),
      unique.map((r) => r.role),
      unique.map((r) => r.seen),
      unique.map((r) => r.seen),
    ],
    onConflict: `ON CONFLICT (person_id, organisation_id, role) DO UPDATE SET
       first_seen = LEAST(memberships.first_seen, EXCLUDED.first_seen),
       last_seen = GREATEST(memberships.last_seen, EXCLUDED.last_seen)`,
    key: 3,
    combine: (earlier, later) => [...earlier.slice(0, 3), least(earlier[3], later[3]), greatest(earlier[4], later[4])], // prettier-ignore
  };
}

// LEAST and GREATEST over 'YYYY-MM-DD' dates, ignoring nulls as PostgreSQL does.
const least = (a: unknown, b: unknown) => (a === null ? b : b === null ? a : String(a) < String(b) ? a : b);
const greatest = (a: unknown, b: unknown) =>
  a === null ? b : b === null ? a : String(a) > String(b) ? a : b;

export interface PersonView {
  id: string;
  name: string;
  /** Every person row merged into this one, itself included. */
  members: string[];
  names: string[];
  memberships: { organisation: string; role: string; first_seen: string | null; last_seen: string | null }[];
  meetings: number;
}

/** A person with everything merged into it. */
export async function findPerson(db: Sql, id: string): Promise<PersonView | null> {
  const root = await db.query<{ canonical_id: string; name: string }>(
    'SELECT canonical_id, name FROM people WHERE id = $1',
    [id],
  );
  const rootId = root[0]?.canonical_id;
  if (!rootId) return null;
  const members = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM people WHERE canonical_id = $1 ORDER BY created_at, id',
    [rootId],
  );
  const ids = members.map((m) => m.id);
  const names = await db.query<{ name: string }>(
    'SELECT DISTINCT name FROM person_names WHERE person_id = ANY($1::text[]) ORDER BY name',
    [ids],
  );
  const memberships = await db.query<PersonView['memberships'][number]>(
    `SELECT o.name AS organisation, m.role, min(m.first_seen)::text AS first_seen, max(m.last_seen)::text AS last_seen
     FROM memberships m JOIN organisations o ON o.id = m.organisation_id
     WHERE m.person_id = ANY($1::text[]) GROUP BY o.name, m.role ORDER BY 3, 1, 2`,
    [ids],
  );
  const meetings = await db.query<{ n: number }>(
    'SELECT count(DISTINCT meeting_id)::int AS n FROM attendance WHERE person_id = ANY($1::text[])',
    [ids],
  );
  const self = members.find((m) => m.id === rootId);
  return {
    id: rootId,
    name: self?.name ?? root[0]?.name ?? '',
    members: ids,
    names: names.map((n) => n.name),
    memberships,
    meetings: meetings[0]?.n ?? 0,
  };
}
