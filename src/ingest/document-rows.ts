import type { MinutesRecord } from '../domain/minutes.js';
import { stableId } from '../lib/stable-id.js';
import type { DocumentRow } from '../store/document.repository.js';
import type { WriteBatch } from '../store/write-batch.js';
import type { PreparedDocument } from './prepare-document.js';

export function documentRow(
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
    text: doc.textUtf8,
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

/** Adds the document's items and their attachments; returns the items' ids, in order. */
export function addItems(batch: WriteBatch, doc: PreparedDocument, meetingId: string | null): string[] {
  const items = doc.record.items;
  const ids = items.map((_, i) => itemId(doc.sha256, i));
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
      ids,
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
      item: ids[i] as string,
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
  return ids;
}

export function addAttendance(
  batch: WriteBatch,
  doc: PreparedDocument,
  meetingId: string | null,
  /** Each participant's person and organisation, in order. */
  people: readonly { id: string; organisationId: string | null }[],
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
      ps.map((_, i) => people[i]?.id),
      ps.map((_, i) => doc.participants[i]?.name ?? ''),
      ps.map((_, i) => people[i]?.organisationId ?? null),
      ps.map((p) => p.role),
      ps.map(status),
      ps.map((p) => p.chair),
      ps.map((p) => p.secretary),
      ps.map((p) => p.invited),
      ps.map((p) => p.items),
    ],
  });
}

export function addEvents(
  batch: WriteBatch,
  doc: PreparedDocument,
  meetingId: string | null,
  /** The items' ids, in order (`addItems`). */
  itemIds: readonly string[],
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
  const itemByNumber = new Map(r.items.map((item, i) => [item.number, itemIds[i] ?? null]));
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

export function addKeyMessages(batch: WriteBatch, doc: PreparedDocument): void {
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
