import type { Sql } from './db.js';

/** Read-only queries of the public portal. Every one leaves out what is not public. */

/** Changes with every write to the model (documents stored, people merged): cached pages compare it. */
export async function readDataVersion(db: Sql): Promise<string> {
  const [row] = await db.query<{ version: string }>('SELECT version::text FROM data_version');
  return row?.version ?? '';
}

export interface MeetingSummary {
  id: string;
  body_id: string | null;
  body_name: string | null;
  date: string | null;
  start_time: string | null;
  place: string | null;
  meeting_number: string | null;
  title: string | null;
}

const SUMMARY = `m.id, m.body_id, b.name AS body_name, m.date::text AS date, m.start_time, m.place, m.meeting_number, m.title`;

export async function listUpcomingMeetings(db: Sql, today: string, limit = 10): Promise<MeetingSummary[]> {
  return db.query<MeetingSummary>(
    `SELECT ${SUMMARY} FROM meetings m LEFT JOIN bodies b ON b.id = m.body_id
     WHERE m.public AND m.date >= $1::date ORDER BY m.date, m.start_time NULLS LAST, m.id LIMIT $2`,
    [today, limit],
  );
}

export interface LatestDocument extends MeetingSummary {
  document_id: string;
  kind: string;
  language: string;
  decisions: { item_id: string; number: string; title: string; decision: string | null }[];
  key_messages: { title: string; summary: string | null }[];
}

/** The latest public documents of meetings, newest meeting first, with their decisions and key messages. */
export async function listLatestDocuments(
  db: Sql,
  limit = 10,
  bodyId: string | null = null,
): Promise<LatestDocument[]> {
  return db.query<LatestDocument>(
    `SELECT ${SUMMARY}, d.id AS document_id, d.kind, d.language,
       COALESCE((SELECT json_agg(json_build_object('item_id', i.id, 'number', i.number, 'title', i.title, 'decision', i.decision) ORDER BY i.ordinal)
                 FROM items i WHERE i.document_id = d.id AND i.public AND i.decision IS NOT NULL), '[]') AS decisions,
       COALESCE((SELECT json_agg(json_build_object('title', k.title, 'summary', k.summary) ORDER BY k.ordinal)
                 FROM key_messages k WHERE k.document_id = d.id), '[]') AS key_messages
     FROM documents d JOIN meetings m ON m.id = d.meeting_id LEFT JOIN bodies b ON b.id = m.body_id
     WHERE d.public AND m.public AND ($2::text IS NULL OR m.body_id = $2)
     ORDER BY m.date DESC NULLS LAST, d.ingested_at DESC, d.id LIMIT $1`,
    [limit, bodyId],
  );
}

export interface AttendanceEntry {
  /** The participant's index in its document: its source is `/participants/<ordinal>`. */
  ordinal: number;
  person_id: string;
  name: string;
  organisation_id: string | null;
  organisation: string | null;
  role: string | null;
  status: string;
  chair: boolean;
  secretary: boolean;
  invited: boolean;
  items: string | null;
}

export interface ItemEntry {
  id: string;
  meeting_id: string | null;
  document_id: string;
  /** The item's index in its document: its source is `/items/<ordinal>`. */
  ordinal: number;
  number: string;
  title: string;
  proposal: string | null;
  decision: string | null;
  attachments: string[];
}

export interface ActionEntry {
  document_id: string;
  ordinal: number;
  owner_name: string;
  owner_person_id: string | null;
  task: string;
  due: string | null;
  status: string;
  item_number: string | null;
  item_id: string | null;
  meeting_id: string | null;
  meeting_date: string | null;
  body_id: string | null;
  body_name: string | null;
}

export interface MeetingPage {
  meeting: MeetingSummary & {
    end_time: string | null;
    organisation_id: string | null;
    organisation: string | null;
  };
  documents: { id: string; file_name: string; source_path: string; kind: string; language: string; next_meeting: unknown; recorded_by: string | null }[]; // prettier-ignore
  attendance: (AttendanceEntry & { document_id: string })[];
  departures: { document_id: string; ordinal: number; kind: string; person_id: string | null; name: string; time: string | null; item: string | null; until: string | null }[]; // prettier-ignore
  items: ItemEntry[];
  actions: ActionEntry[];
  /** The fields with a source span, as `<document id><pointer>`. */
  sourced: Set<string>;
}

const ITEM_COLUMNS = `i.id, i.meeting_id, i.document_id, i.ordinal, i.number, i.title, i.proposal, i.decision,
  COALESCE((SELECT array_agg(a.name ORDER BY a.ordinal) FROM attachments a WHERE a.item_id = i.id AND a.public), '{}') AS attachments`;

const ACTION_COLUMNS = `a.document_id, a.ordinal, a.owner_name, p.canonical_id AS owner_person_id, a.task, a.due, a.status, a.item_number, a.item_id,
  a.meeting_id, m.date::text AS meeting_date, m.body_id, b.name AS body_name`;
const ACTION_FROM = `actions a JOIN documents d ON d.id = a.document_id AND d.public
  LEFT JOIN people p ON p.id = a.owner_person_id LEFT JOIN meetings m ON m.id = a.meeting_id
  LEFT JOIN bodies b ON b.id = m.body_id LEFT JOIN items i ON i.id = a.item_id`;
const ACTION_PUBLIC = `(m.id IS NULL OR m.public) AND (i.id IS NULL OR i.public)`;

/** A public meeting with its public documents; attendance from its first document that has any. */
export async function findMeetingPage(db: Sql, id: string): Promise<MeetingPage | null> {
  // Two statements: the meeting with its documents, then every part of those documents. The second
  // takes the documents' ids as a value, so the planner sees how few they are and reads by index.
  const [head] = await db.query<{
    meeting: MeetingPage['meeting'] | null;
    documents: MeetingPage['documents'] | null;
  }>(
    `WITH meeting AS (
       SELECT ${SUMMARY}, m.end_time, b.organisation_id, o.name AS organisation
       FROM meetings m LEFT JOIN bodies b ON b.id = m.body_id LEFT JOIN organisations o ON o.id = b.organisation_id
       WHERE m.id = $1 AND m.public)
     SELECT (SELECT row_to_json(meeting) FROM meeting) AS meeting,
       (SELECT json_agg(d ORDER BY d.kind = 'minutes' DESC, d.source_path) FROM (
          SELECT id, file_name, source_path, kind, language, next_meeting, recorded_by FROM documents
          WHERE meeting_id = $1 AND public AND EXISTS (SELECT 1 FROM meeting)) d) AS documents`,
    [id],
  );
  if (!head?.meeting) return null;
  const documents = head.documents ?? [];
  const ids = documents.map((d) => d.id);
  const [parts] = await db.query<{
    attendance: MeetingPage['attendance'] | null;
    departures: MeetingPage['departures'] | null;
    items: ItemEntry[] | null;
    actions: ActionEntry[] | null;
    pointers: string[] | null;
  }>(
    `SELECT
       (SELECT json_agg(x ORDER BY x.document_id, x.ordinal) FROM (
          SELECT a.document_id, a.ordinal, p.canonical_id AS person_id, a.name, a.organisation_id, o.name AS organisation,
                 a.role, a.status, a.chair, a.secretary, a.invited, a.items
          FROM attendance a JOIN people p ON p.id = a.person_id LEFT JOIN organisations o ON o.id = a.organisation_id
          WHERE a.document_id = ANY ($1::text[])) x) AS attendance,
       (SELECT json_agg(x ORDER BY x.document_id, x.ordinal) FROM (
          SELECT x.document_id, x.ordinal, x.kind, p.canonical_id AS person_id, x.name, x.time, x.item, x.until
          FROM departures x LEFT JOIN people p ON p.id = x.person_id WHERE x.document_id = ANY ($1::text[])) x) AS departures,
       (SELECT json_agg(x ORDER BY x.ordinal) FROM (
          SELECT ${ITEM_COLUMNS} FROM items i WHERE i.document_id = $2 AND i.public) x) AS items,
       (SELECT json_agg(x ORDER BY x.document_id, x.ordinal) FROM (
          SELECT ${ACTION_COLUMNS} FROM ${ACTION_FROM}
          WHERE a.document_id = ANY ($1::text[]) AND a.meeting_id = $3 AND ${ACTION_PUBLIC}) x) AS actions,
       (SELECT array_agg(p.document_id || k.key) FROM provenance p CROSS JOIN json_object_keys(p.spans) k(key)
          WHERE p.document_id = ANY ($1::text[])) AS pointers`,
    [ids, ids[0] ?? '', id],
  );
  const attendance = parts?.attendance ?? [];
  const departures = parts?.departures ?? [];
  // Attendance and departures from the first document that has any.
  const first = ids.find((d) => attendance.some((a) => a.document_id === d));
  const firstDepartures = ids.find((d) => departures.some((x) => x.document_id === d));
  return {
    meeting: head.meeting,
    documents,
    attendance: attendance.filter((a) => a.document_id === first),
    departures: departures.filter((x) => x.document_id === firstDepartures),
    items: parts?.items ?? [],
    actions: parts?.actions ?? [],
    sourced: new Set(parts?.pointers ?? []),
  };
}

export async function findItemPage(
  db: Sql,
  id: string,
): Promise<{ item: ItemEntry; meeting: MeetingSummary | null } | null> {
  const [item] = await db.query<ItemEntry>(
    `SELECT ${ITEM_COLUMNS} FROM items i JOIN documents d ON d.id = i.document_id
     LEFT JOIN meetings m ON m.id = i.meeting_id
     WHERE i.id = $1 AND i.public AND d.public AND (m.id IS NULL OR m.public)`,
    [id],
  );
  if (!item) return null;
  const [meeting] = item.meeting_id
    ? await db.query<MeetingSummary>(`SELECT ${SUMMARY} FROM meetings m LEFT JOIN bodies b ON b.id = m.body_id WHERE m.id = $1`, [item.meeting_id]) // prettier-ignore
    : [];
  return { item, meeting: meeting ?? null };
}

export interface PersonMeeting extends MeetingSummary {
  status: string;
  role: string | null;
  chair: boolean;
  secretary: boolean;
}

/** Public meetings the person (and everyone merged into them) took part in, newest first. */
export async function listPersonMeetings(db: Sql, personIds: readonly string[]): Promise<PersonMeeting[]> {
  return db.query<PersonMeeting>(
    `SELECT DISTINCT ON (m.date, m.id) ${SUMMARY}, a.status, a.role, a.chair, a.secretary
     FROM attendance a JOIN documents d ON d.id = a.document_id AND d.public
     JOIN meetings m ON m.id = a.meeting_id AND m.public LEFT JOIN bodies b ON b.id = m.body_id
     WHERE a.person_id = ANY($1::text[]) ORDER BY m.date DESC NULLS LAST, m.id`,
    [personIds],
  );
}

export interface ActionFilter {
  status?: string;
  personIds?: readonly string[];
  bodyId?: string;
  /** Part of the owner's name as written, any case. */
  owner?: string;
  /** Due dates from and to, inclusive, 'YYYY-MM-DD': only actions whose due date is a date. */
  dueFrom?: string;
  dueTo?: string;
  limit?: number;
}

// Due dates are stored as written ('2018-03-15', '30.5.2099 mennessä', 'seuraavaan kokoukseen'): those
// that begin with a date, as 'YYYY-MM-DD' text that compares in date order; NULL for the rest.
const DUE_DMY = `substring(a.due from '^(\\d{1,2}\\.\\d{1,2}\\.\\d{4})')`;
const DUE_ISO = `(CASE WHEN a.due ~ '^\\d{4}-\\d{2}-\\d{2}' THEN substr(a.due, 1, 10)
  WHEN a.due ~ '^\\d{1,2}\\.\\d{1,2}\\.\\d{4}' THEN split_part(${DUE_DMY}, '.', 3) || '-' || lpad(split_part(${DUE_DMY}, '.', 2), 2, '0') || '-' || lpad(split_part(${DUE_DMY}, '.', 1), 2, '0') END)`;

export async function listActions(db: Sql, filter: ActionFilter = {}): Promise<ActionEntry[]> {
  const where = [ACTION_PUBLIC];
  const params: unknown[] = [];
  if (filter.status) where.push(`a.status = $${params.push(filter.status)}`);
  if (filter.personIds) where.push(`a.owner_person_id = ANY($${params.push(filter.personIds)}::text[])`);
  if (filter.bodyId) where.push(`m.body_id = $${params.push(filter.bodyId)}`);
  if (filter.owner) where.push(`a.owner_name ILIKE $${params.push(`%${escapeLike(filter.owner)}%`)}`);
  if (filter.dueFrom) where.push(`${DUE_ISO} >= $${params.push(filter.dueFrom)}`);
  if (filter.dueTo) where.push(`${DUE_ISO} <= $${params.push(filter.dueTo)}`);
  return db.query<ActionEntry>(
    `SELECT ${ACTION_COLUMNS} FROM ${ACTION_FROM} WHERE ${where.join(' AND ')}
     ORDER BY a.status, m.date DESC NULLS LAST, a.document_id, a.ordinal LIMIT ${Math.min(filter.limit ?? 500, 2000)}`,
    params,
  );
}

export interface BodyPage {
  body: { id: string; name: string; organisation_id: string | null; organisation: string | null };
  meetings: MeetingSummary[];
  /** Attendance rate: meetings present (or partly) over meetings listed for. */
  members: { person_id: string; name: string; meetings: number; present: number }[];
}

export async function findBodyPage(db: Sql, id: string): Promise<BodyPage | null> {
  const [body] = await db.query<BodyPage['body']>(
    `SELECT b.id, b.name, b.organisation_id, o.name AS organisation FROM bodies b
     LEFT JOIN organisations o ON o.id = b.organisation_id WHERE b.id = $1`,
    [id],
  );
  if (!body) return null;
  const meetings = await db.query<MeetingSummary>(
    `SELECT ${SUMMARY} FROM meetings m LEFT JOIN bodies b ON b.id = m.body_id
     WHERE m.body_id = $1 AND m.public ORDER BY m.date DESC NULLS LAST, m.id LIMIT 500`,
    [id],
  );
  const members = await db.query<BodyPage['members'][number]>(
    `SELECT p.canonical_id AS person_id, min(root.name) AS name, count(DISTINCT a.meeting_id)::int AS meetings,
            count(DISTINCT a.meeting_id) FILTER (WHERE a.status IN ('present', 'partial'))::int AS present
     FROM attendance a JOIN meetings m ON m.id = a.meeting_id AND m.public
     JOIN people p ON p.id = a.person_id JOIN people root ON root.id = p.canonical_id
     WHERE m.body_id = $1 AND NOT a.invited GROUP BY p.canonical_id ORDER BY 2`,
    [id],
  );
  return { body, meetings, members };
}

export interface OrganisationPage {
  organisation: { id: string; name: string; kind: string; aliases: string[] };
  bodies: { id: string; name: string; meetings: number }[];
  members: {
    person_id: string;
    name: string;
    role: string;
    first_seen: string | null;
    last_seen: string | null;
  }[];
}

export async function findOrganisationPage(db: Sql, id: string): Promise<OrganisationPage | null> {
  const [organisation] = await db.query<OrganisationPage['organisation']>(
    `SELECT o.id, o.name, o.kind, COALESCE((SELECT array_agg(alias ORDER BY alias) FROM organisation_aliases x WHERE x.organisation_id = o.id), '{}') AS aliases
     FROM organisations o WHERE o.id = $1`,
    [id],
  );
  if (!organisation) return null;
  const bodies = await db.query<OrganisationPage['bodies'][number]>(
    `SELECT b.id, b.name, count(m.id)::int AS meetings FROM bodies b LEFT JOIN meetings m ON m.body_id = b.id AND m.public
     WHERE b.organisation_id = $1 GROUP BY b.id, b.name ORDER BY b.name`,
    [id],
  );
  const members = await db.query<OrganisationPage['members'][number]>(
    `SELECT p.canonical_id AS person_id, min(root.name) AS name, ms.role, min(ms.first_seen)::text AS first_seen, max(ms.last_seen)::text AS last_seen
     FROM memberships ms JOIN people p ON p.id = ms.person_id JOIN people root ON root.id = p.canonical_id
     WHERE ms.organisation_id = $1 GROUP BY p.canonical_id, ms.role ORDER BY 2, 3`,
    [id],
  );
  return { organisation, bodies, members };
}

export async function listBodies(
  db: Sql,
): Promise<{ id: string; name: string; organisation: string | null; meetings: number }[]> {
  return db.query(
    `SELECT b.id, b.name, o.name AS organisation, count(m.id)::int AS meetings FROM bodies b
     LEFT JOIN organisations o ON o.id = b.organisation_id LEFT JOIN meetings m ON m.body_id = b.id AND m.public
     GROUP BY b.id, b.name, o.name ORDER BY b.name`,
  );
}

/** Every public permalink: meetings, items, people, organisations, bodies. */
export async function listPermalinks(db: Sql): Promise<{ kind: string; id: string }[]> {
  return db.query(
    `SELECT 'meetings' AS kind, id FROM meetings WHERE public
     UNION ALL SELECT 'items', i.id FROM items i JOIN documents d ON d.id = i.document_id AND d.public
       LEFT JOIN meetings m ON m.id = i.meeting_id WHERE i.public AND (m.id IS NULL OR m.public)
     UNION ALL SELECT 'people', id FROM people WHERE canonical_id = id
     UNION ALL SELECT 'organisations', id FROM organisations
     UNION ALL SELECT 'bodies', id FROM bodies`,
  );
}

export interface ItemText {
  id: string;
  document_id: string;
  number: string;
  title: string;
  /** Title, proposal and decision, lower-cased, cut at 4,000 characters. */
  text: string;
}

/** The public items of some documents with their text, for finding those a search hit is about. */
export async function listDocumentItemTexts(db: Sql, documentIds: readonly string[]): Promise<ItemText[]> {
  if (documentIds.length === 0) return [];
  return db.query<ItemText>(
    `SELECT i.id, i.document_id, i.number, i.title,
            concat_ws(' ', i.title, i.proposal, i.decision) AS text
     FROM items i WHERE i.document_id = ANY($1::text[]) AND i.public ORDER BY i.document_id, i.ordinal`,
    [documentIds],
  );
}

/** The public items of one document. */
export async function listDocumentItems(db: Sql, documentId: string): Promise<ItemEntry[]> {
  return db.query<ItemEntry>(
    `SELECT ${ITEM_COLUMNS} FROM items i WHERE i.document_id = $1 AND i.public ORDER BY i.ordinal`,
    [documentId],
  );
}

/**
 * Candidate topics: the index's terms most often among the most frequent terms of the latest 5,000
 * public documents that their items' titles also use, leaving out people's names and the terms of more
 * than a quarter of all documents (words of every meeting).
 */
export async function listTopicTerms(db: Sql, limit = 40): Promise<{ term: string; documents: number }[]> {
  return db.query(
    `WITH recent AS MATERIALIZED (
       SELECT document_id, top_terms FROM search_documents WHERE audience = 'public'
       ORDER BY date DESC NULLS LAST, document_id LIMIT 5000),
     candidates AS (
       SELECT x.term, count(*)::int AS documents
       FROM recent s CROSS JOIN LATERAL unnest(s.top_terms) AS x(term) JOIN search_terms st ON st.term = x.term
       WHERE length(x.term) >= 5 AND x.term !~ '[0-9]'
         AND st.df * 4 <= (SELECT df FROM search_terms WHERE term = '')
       GROUP BY x.term HAVING count(*) >= 2 ORDER BY 2 DESC, 1 LIMIT 200),
     titles AS (SELECT lower(string_agg(i.title, ' ')) AS t FROM items i JOIN recent r ON r.document_id = i.document_id WHERE i.public),
     names AS (SELECT DISTINCT lower(w) AS w FROM people p CROSS JOIN LATERAL regexp_split_to_table(p.name, '[\\s,]+') AS w)
     SELECT c.term, c.documents FROM candidates c CROSS JOIN titles
     WHERE strpos(titles.t, c.term) > 0 AND c.term NOT IN (SELECT w FROM names)
     ORDER BY c.documents DESC, c.term LIMIT $1`,
    [limit],
  );
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
