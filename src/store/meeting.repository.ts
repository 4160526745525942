import type { Sql } from './db.js';

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

/** Inserts the meeting or fills in what an earlier document of it left unknown. */
export async function upsertMeeting(tx: Sql, m: MeetingRow): Promise<void> {
  await tx.query(
    `INSERT INTO meetings (id, body_id, date, start_time, end_time, place, meeting_number, title, public, non_public_basis)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO UPDATE SET
       body_id = COALESCE(meetings.body_id, EXCLUDED.body_id),
       date = COALESCE(meetings.date, EXCLUDED.date),
       start_time = COALESCE(meetings.start_time, EXCLUDED.start_time),
       end_time = COALESCE(meetings.end_time, EXCLUDED.end_time),
       place = COALESCE(meetings.place, EXCLUDED.place),
       meeting_number = COALESCE(meetings.meeting_number, EXCLUDED.meeting_number),
       title = COALESCE(meetings.title, EXCLUDED.title),
       public = meetings.public AND EXCLUDED.public,
       non_public_basis = COALESCE(meetings.non_public_basis, EXCLUDED.non_public_basis)`,
    [
      m.id,
      m.body_id,
      m.date,
      m.start_time,
      m.end_time,
      m.place,
      m.meeting_number,
      m.title,
      m.public,
      m.non_public_basis,
    ],
  );
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
