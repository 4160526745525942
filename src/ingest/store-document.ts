import type { MinutesRecord } from '../domain/minutes.js';
import { estimateJaccard } from '../lib/minhash.js';
import { stableId } from '../lib/stable-id.js';
import { indexDocument } from '../search/index/index-document.js';
import type { Db, Sql } from '../store/db.js';
import type { DocumentRow } from '../store/document.repository.js';
import {
  documentInserts,
  findNearDuplicateCandidates,
  lshInsert,
  sourceInserts,
} from '../store/document.repository.js';
import { meetingUpsert } from '../store/meeting.repository.js';
import type { OrganisationInput } from '../store/organisation.repository.js';
import {
  bodyId as toBodyId,
  bodyUpsert,
  organisationId,
  organisationInserts,
} from '../store/organisation.repository.js';
import { WriteBatch } from '../store/write-batch.js';
import type { PreparedDocument } from './prepare-document.js';
import { resolvePeople } from './resolve-people.js';

/** Two documents at least this similar (MinHash Jaccard over word 5-shingles) are one meeting's. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

// Writers take this lock for the length of one document, so resolution sees every earlier document.
const WRITE_LOCK = 7_154_202;

export type StoreOutcome = 'stored' | 'skipped';

/** Writes one parsed document and everything in it in one transaction. Already stored → skipped. */
export async function storeDocument(db: Db, doc: PreparedDocument): Promise<StoreOutcome> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    return writeUnlessStored(tx, doc);
  });
}

/**
 * Writes several documents in one transaction, each still whole or not at all: when one fails, the
 * batch is rolled back and its documents are written one transaction each. Returns an outcome or the
 * error per document.
 */
export async function storeDocuments(
  db: Db,
  docs: readonly PreparedDocument[],
): Promise<(StoreOutcome | Error)[]> {
  if (docs.length === 1 && docs[0]) return [await storeDocument(db, docs[0]).catch((e: Error) => e)];
  try {
    return await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const outcomes: StoreOutcome[] = [];
      for (const doc of docs) outcomes.push(await writeUnlessStored(tx, doc));
      return outcomes;
    });
  } catch {
    const outcomes: (StoreOutcome | Error)[] = [];
    for (const doc of docs) outcomes.push(await storeDocument(db, doc).catch((e: Error) => e));
    return outcomes;
  }
}

async function writeUnlessStored(tx: Sql, doc: PreparedDocument): Promise<StoreOutcome> {
  const stored = await tx.query('SELECT 1 FROM documents WHERE id = $1', [doc.sha256]);
  if (stored.length > 0) {
    await new WriteBatch().insert(sourceInserts([[doc.sha256, doc.sourcePath]])).run(tx);
    return 'skipped';
  }
  await writeDocument(tx, doc);
  return 'stored';
}

async function writeDocument(tx: Sql, doc: PreparedDocument): Promise<void> {
  const { record } = doc;
  const batch = new WriteBatch();
  const organisations = collectOrganisations(doc);
  const organisationIds = new Map(organisations.map((o) => [o.key, organisationId(o.key)]));
  for (const spec of organisationInserts(organisations)) batch.insert(spec);
  const body = doc.body
    ? { name: doc.body.name, key: doc.body.key, organisationId: doc.body.organisation ? organisationId(doc.body.organisation.key) : null } // prettier-ignore
    : null;
  const bodyId = body ? toBodyId(body) : null;
  if (body) batch.insert(bodyUpsert(body));
  const date = isoDate(record.date);
  const { meetingId, evidence } = await chooseMeeting(tx, doc, bodyId, date);
  if (meetingId) {
    batch.insert(
      meetingUpsert({
        id: meetingId,
        body_id: bodyId,
        date,
        start_time: record.start_time,
        end_time: record.end_time,
        place: record.place,
        meeting_number: record.meeting_number,
        title: record.title,
        public: doc.nonPublicBasis === null,
        non_public_basis: doc.nonPublicBasis,
      }),
    );
  }
  for (const spec of documentInserts(documentRow(doc, meetingId, date, evidence))) batch.insert(spec);
  if (doc.buckets) batch.insert(lshInsert(doc.sha256, doc.buckets));
  const people = await resolvePeople(tx, batch, doc, { organisationIds, bodyId, date });
  addItems(batch, doc, meetingId);
  addAttendance(batch, doc, meetingId, people.participantIds, organisationIds);
  addEvents(batch, doc, meetingId, people.findByName);
  addKeyMessages(batch, doc);
  batch.insert({
    table: 'provenance_spans',
    columns: ['document_id', 'pointer', 'start_offset', 'end_offset'],
    types: ['text', 'text', 'int4', 'int4'],
    values: [doc.spans.map(() => doc.sha256), doc.spans.map((s) => s[0]), doc.spans.map((s) => s[1]), doc.spans.map((s) => s[2])], // prettier-ignore
  });
  batch.statement('DELETE FROM quarantine WHERE source_path = $1', [doc.sourcePath]);
  await batch.run(tx);
  await indexDocument(tx, doc.sha256, { fresh: true });
}

function collectOrganisations(doc: PreparedDocument): OrganisationInput[] {
  const seen = new Map<string, OrganisationInput>();
  const add = (o: { key: string; name: string; kind: 'municipality' | 'other' }, alias: string) => {
    if (!seen.has(`${o.key}\u0000${alias}`)) seen.set(`${o.key}\u0000${alias}`, { ...o, alias });
  };
  if (doc.body?.organisation) add(doc.body.organisation, doc.body.organisation.name);
  doc.participants.forEach((p, i) => {
    const written = doc.record.participants[i]?.organization;
    if (p.organisation && written) add(p.organisation, written.replace(/\s+/g, ' ').trim());
  });
  return [...seen.values()];
}

interface MeetingChoice {
  meetingId: string | null;
  evidence: unknown;
}

/**
 * A near-duplicate of a stored document joins its meeting; otherwise body and date name the meeting;
 * otherwise the document is a meeting of its own. Listings belong to no one meeting.
 */
async function chooseMeeting(
  tx: Sql,
  doc: PreparedDocument,
  bodyId: string | null,
  date: string | null,
): Promise<MeetingChoice> {
  if (doc.record.kind === 'listing') return { meetingId: null, evidence: { by: 'listing' } };
  if (doc.minhash && doc.buckets) {
    let best: { id: string; meetingId: string; jaccard: number } | null = null;
    for (const c of await findNearDuplicateCandidates(tx, doc.buckets)) {
      if (!c.meeting_id) continue;
      const jaccard = estimateJaccard(doc.minhash, c.minhash);
      if (jaccard >= NEAR_DUPLICATE_THRESHOLD && (!best || jaccard > best.jaccard)) {
        best = { id: c.id, meetingId: c.meeting_id, jaccard };
      }
    }
    if (best) {
      return {
        meetingId: best.meetingId,
        evidence: { by: 'near-duplicate', of: best.id, jaccard: best.jaccard },
      };
    }
  }
  if (bodyId && date) return { meetingId: stableId('meeting', bodyId, date), evidence: { by: 'body-date' } };
  return { meetingId: stableId('meeting', 'document', doc.sha256), evidence: { by: 'document' } };
}

function documentRow(
  doc: PreparedDocument,
  meetingId: string | null,
  date: string | null,
  evidence: unknown,
): DocumentRow {
  const r = doc.record;
  return {
    id: doc.sha256,
    meeting_id: meetingId,
    source_path: doc.sourcePath,
    file_name: doc.fileName,
    byte_size: doc.byteSize,
    kind: r.kind,
    language: r.language,
    reader: doc.reader,
    body_name: r.body,
    title: r.title,
    meeting_number: r.meeting_number,
    date,
    next_meeting: r.next_meeting,
    recorded_by: r.recorded_by,
    minutes_checkers: r.minutes_checkers,
    // PostgreSQL text cannot hold NUL.
    text: doc.text.replace(/\u0000/g, ''),
    related_titles: r.related_titles,
    diagnostics: doc.diagnostics,
    public: doc.nonPublicBasis === null,
    non_public_basis: doc.nonPublicBasis,
    item_count: r.items.length,
    participant_count: r.participants.length,
    minhash: doc.minhash,
    meeting_evidence: evidence,
  };
}

export function itemId(documentId: string, ordinal: number): string {
  return stableId('item', documentId, ordinal);
}

function addItems(batch: WriteBatch, doc: PreparedDocument, meetingId: string | null): void {
  const items = doc.record.items;
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  batch.insert({
    table: 'items',
    columns: ['id', 'document_id', 'meeting_id', 'ordinal', 'number', 'title', 'proposal', 'decision', 'votes', 'dissents', 'disqualified', 'public', 'non_public_basis'], // prettier-ignore
    types: [
      'text',
      'text',
      'text',
      'int4',
      'text',
      'text',
      'text',
      'text',
      'jsonb',
      'jsonb',
      'jsonb',
      'bool',
      'text',
    ],
    values: [
      items.map((_, i) => itemId(doc.sha256, i)),
      items.map(() => doc.sha256),
      items.map(() => meetingId),
      items.map((_, i) => i),
      items.map((x) => x.number),
      items.map((x) => x.title),
      items.map((x) => x.proposal),
      items.map((x) => x.decision),
      items.map((x) => json(x.votes)),
      items.map((x) => json(x.dissents)),
      items.map((x) => json(x.disqualified)),
      items.map((_, i) => doc.itemBasis[i] === null),
      items.map((_, i) => doc.itemBasis[i] ?? null),
    ],
  });
  const rows = items.flatMap((item, i) =>
    item.attachments.map((name, j) => ({
      item: itemId(doc.sha256, i),
      j,
      name,
      // An attachment of a non-public item is itself non-public.
      basis: doc.attachmentBasis[i]?.[j] ?? doc.itemBasis[i] ?? null,
    })),
  );
  batch.insert({
    table: 'attachments',
    columns: ['item_id', 'ordinal', 'document_id', 'name', 'public', 'non_public_basis'],
    types: ['text', 'int4', 'text', 'text', 'bool', 'text'],
    values: [rows.map((r) => r.item), rows.map((r) => r.j), rows.map(() => doc.sha256), rows.map((r) => r.name), rows.map((r) => r.basis === null), rows.map((r) => r.basis)], // prettier-ignore
  });
}

function addAttendance(
  batch: WriteBatch,
  doc: PreparedDocument,
  meetingId: string | null,
  personIds: readonly string[],
  organisationIds: ReadonlyMap<string, string>,
): void {
  const ps = doc.record.participants;
  const status = (p: MinutesRecord['participants'][number]) =>
    p.present === false ? 'absent' : p.present === true ? (p.items ? 'partial' : 'present') : 'unknown';
  batch.insert({
    table: 'attendance',
    columns: ['document_id', 'ordinal', 'meeting_id', 'person_id', 'name', 'organisation_id', 'role', 'status', 'chair', 'secretary', 'invited', 'items'], // prettier-ignore
    types: ['text', 'int4', 'text', 'text', 'text', 'text', 'text', 'text', 'bool', 'bool', 'bool', 'text'],
    values: [
      ps.map(() => doc.sha256),
      ps.map((_, i) => i),
      ps.map(() => meetingId),
      ps.map((_, i) => personIds[i]),
      ps.map((_, i) => doc.participants[i]?.name ?? ''),
      ps.map((_, i) => {
        const o = doc.participants[i]?.organisation;
        return o ? (organisationIds.get(o.key) ?? null) : null;
      }),
      ps.map((p) => p.role),
      ps.map(status),
      ps.map((p) => p.chair),
      ps.map((p) => p.secretary),
      ps.map((p) => p.invited),
      ps.map((p) => p.items),
    ],
  });
}

function addEvents(
  batch: WriteBatch,
  doc: PreparedDocument,
  meetingId: string | null,
  findByName: (name: string) => string | null,
): void {
  const r = doc.record;
  const moves = [
    ...r.departures.map((d) => ({ kind: 'departure', name: d.name, time: d.time, item: d.item, until: d.until ?? null })), // prettier-ignore
    ...r.arrivals.map((a) => ({ kind: 'arrival', name: a.name, time: a.time, item: a.item, until: null })),
  ];
  batch.insert({
    table: 'departures',
    columns: ['document_id', 'ordinal', 'kind', 'person_id', 'name', 'time', 'item', 'until'],
    types: ['text', 'int4', 'text', 'text', 'text', 'text', 'text', 'text'],
    values: [moves.map(() => doc.sha256), moves.map((_, i) => i), moves.map((m) => m.kind), moves.map((m) => findByName(m.name)), moves.map((m) => m.name), moves.map((m) => m.time), moves.map((m) => m.item), moves.map((m) => m.until)], // prettier-ignore
  });
  const itemByNumber = new Map(r.items.map((item, i) => [item.number, itemId(doc.sha256, i)]));
  const a = r.actions;
  batch.insert({
    table: 'actions',
    columns: ['document_id', 'ordinal', 'meeting_id', 'owner_name', 'owner_person_id', 'task', 'due', 'status', 'item_number', 'item_id'], // prettier-ignore
    types: ['text', 'int4', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'],
    values: [
      a.map(() => doc.sha256),
      a.map((_, i) => i),
      a.map(() => meetingId),
      a.map((x) => x.owner),
      a.map((x) => findByName(x.owner)),
      a.map((x) => x.task),
      a.map((x) => x.due),
      a.map(() => 'open'),
      a.map((x) => x.item),
      a.map((x) => (x.item ? (itemByNumber.get(x.item) ?? null) : null)),
    ],
  });
}

function addKeyMessages(batch: WriteBatch, doc: PreparedDocument): void {
  const es = doc.record.entries;
  batch.insert({
    table: 'key_messages',
    columns: ['document_id', 'ordinal', 'published', 'title', 'meeting_date', 'summary'],
    types: ['text', 'int4', 'text', 'text', 'text', 'text'],
    values: [es.map(() => doc.sha256), es.map((_, i) => i), es.map((e) => e.published), es.map((e) => e.title), es.map((e) => e.meeting_date), es.map((e) => e.summary)], // prettier-ignore
  });
}

/** 'YYYY-MM-DD' when the record's date is a real calendar date, else null. */
export function isoDate(value: string | null): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value) ? value : null;
}
