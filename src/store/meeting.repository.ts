import type { Sql } from './db.js';
import type { InsertSpec } from './write-batch.js';
import { WriteBatch } from './write-batch.js';

export interface MeetingRow {
  id: string;
  body_id: string | null;
  date: string | null;
  start_time: string | null;
  end_time: string | null;
  place: string | null;
  meeting_number: string | null;
  title: string | null;
  public: boolean;
  non_public_basis: string | null;
}

const MEETING_COLUMNS = ['id', 'body_id', 'date', 'start_time', 'end_time', 'place', 'meeting_number', 'title', 'public', 'non_public_basis'] as const; // prettier-ignore
const FILLED = MEETING_COLUMNS.filter((c) => c !== 'id' && c !== 'public' && c !== 'non_public_basis');

/** Inserts the meeting or fills in what an earlier document of it left unknown. */
export function meetingUpsert(m: MeetingRow): InsertSpec {
  return {
    table: 'meetings',
    columns: MEETING_COLUMNS,
    types: ['text', 'text', 'date', 'text', 'text', 'text', 'text', 'text', 'bool', 'text'],
    values: MEETING_COLUMNS.map((c) => [m[c]]),
    onConflict: `ON CONFLICT (id) DO UPDATE SET ${FILLED.map((c) => `${c} = COALESCE(meetings.${c}, EXCLUDED.${c})`).join(', ')},
       public = meetings.public AND EXCLUDED.public,
       non_public_basis = COALESCE(meetings.non_public_basis, EXCLUDED.non_public_basis)`,
    key: 1,
    // The same as the upsert does with a stored row: fill in what is unknown, public only if both are.
    combine: (earlier, later) =>
      MEETING_COLUMNS.map((c, i) => (c === 'public' ? earlier[i] === true && later[i] === true : (earlier[i] ?? later[i]))), // prettier-ignore
  };
}

export async function upsertMeeting(tx: Sql, m: MeetingRow): Promise<void> {
  await new WriteBatch().insert(meetingUpsert(m)).run(tx);
}

export interface MeetingView extends MeetingRow {
  body_name: string | null;
  documents: { id: string; source_path: string; kind: string; meeting_evidence: unknown }[];
}

export async function findMeeting(db: Sql, id: string): Promise<MeetingView | null> {
  const rows = await db.query<MeetingRow & { body_name: string | null }>(
    `SELECT m.*, b.name AS body_name FROM meetings m LEFT JOIN bodies b ON b.id = m.body_id WHERE m.id = $1`,
    [id],
  );
  const meeting = rows[0];
  if (!meeting) return null;
  const documents = await db.query<MeetingView['documents'][number]>(
    `SELECT id, source_path, kind, meeting_evidence FROM documents WHERE meeting_id = $1 ORDER BY source_path`,
    [id],
  );
  return { ...meeting, documents };
}
