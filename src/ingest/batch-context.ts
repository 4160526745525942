import type { Sql } from '../store/db.js';
import { findDocumentsInBuckets, findStoredDocumentIds } from '../store/document.repository.js';
import type { PersonRow } from '../store/person.repository.js';
import { findBodyAttendance, findMemberships, findPeopleByKeys } from '../store/person.repository.js';
import { bodyId as toBodyId, organisationId } from '../store/organisation.repository.js';
import type { PreparedDocument } from './prepare-document.js';

export interface NearDuplicate {
  id: string;
  meetingId: string | null;
  minhash: number[];
}

/** The body a document's meetings and people belong to: its body within its organisation. */
export function documentBody(
  doc: PreparedDocument,
): { id: string; name: string; key: string; organisationId: string | null } | null {
  if (!doc.body) return null;
  const body = { name: doc.body.name, key: doc.body.key, organisationId: doc.body.organisation ? organisationId(doc.body.organisation.key) : null }; // prettier-ignore
  return { ...body, id: toBodyId(body) };
}

/**
 * What resolution needs to know of the store for a batch of documents, read with a few queries for the
 * whole batch, and kept up to date as each document of the batch is resolved: so each document sees the
 * stored ones and the batch's earlier ones, as if each had been written in a transaction of its own.
 */
export class BatchContext {
  /** Documents stored already, or earlier in this batch. */
  readonly stored: Set<string>;
  private readonly buckets = new Map<string, NearDuplicate[]>();
  private readonly people = new Map<string, PersonRow[]>();
  private readonly memberships = new Set<string>();
  private readonly attended = new Set<string>();
  private readonly meetingBodies = new Map<string, string | null>();

  private constructor(stored: Set<string>) {
    this.stored = stored;
  }

  static async load(tx: Sql, docs: readonly PreparedDocument[]): Promise<BatchContext> {
    const context = new BatchContext(
      await findStoredDocumentIds(
        tx,
        docs.map((d) => d.sha256),
      ),
    );
    const fresh = docs.filter((d) => !context.stored.has(d.sha256));
    const pairs = new Map<string, [number, number]>();
    for (const d of fresh) d.buckets?.forEach((b, band) => pairs.set(`${band}:${b}`, [band, b]));
    for (const c of await findDocumentsInBuckets(tx, [...pairs.values()])) {
      context.addToBucket(`${c.band}:${c.bucket}`, { id: c.id, meetingId: c.meeting_id, minhash: c.minhash });
      if (c.meeting_id) context.meetingBodies.set(c.meeting_id, c.meeting_body_id);
    }
    const keys = new Set(fresh.flatMap((d) => d.participants.map((p) => p.key)));
    const known = await findPeopleByKeys(tx, [...keys]);
    for (const p of known) context.addPerson(p);
    const ids = known.map((p) => p.id);
    const organisations = new Set(fresh.flatMap((d) => d.participants.flatMap((p) => (p.organisation ? [organisationId(p.organisation.key)] : [])))); // prettier-ignore
    for (const m of await findMemberships(tx, ids, [...organisations])) context.addMembership(m.person_id, m.organisation_id); // prettier-ignore
    const bodies = new Set(fresh.flatMap((d) => documentBody(d)?.id ?? []));
    for (const a of await findBodyAttendance(tx, ids, [...bodies]))
      context.addAttendance(a.person_id, a.body_id);
    return context;
  }

  /** Documents sharing at least one LSH bucket with these. */
  nearDuplicates(buckets: readonly number[]): NearDuplicate[] {
    const found = new Map<string, NearDuplicate>();
    buckets.forEach((b, band) => {
      for (const c of this.buckets.get(`${band}:${b}`) ?? []) found.set(c.id, c);
    });
    return [...found.values()];
  }

  addDocument(doc: PreparedDocument, meetingId: string | null): void {
    this.stored.add(doc.sha256);
    if (!doc.minhash || !doc.buckets) return;
    const entry = { id: doc.sha256, meetingId, minhash: doc.minhash };
    doc.buckets.forEach((b, band) => this.addToBucket(`${band}:${b}`, entry));
  }

  /** The body the meeting ends up with once this document's body fills in an unknown one. */
  settleMeetingBody(meetingId: string, bodyId: string | null): string | null {
    const body = this.meetingBodies.get(meetingId) ?? bodyId;
    this.meetingBodies.set(meetingId, body);
    return body;
  }

  peopleByKey(key: string): readonly PersonRow[] {
    return this.people.get(key) ?? [];
  }

  addPerson(p: PersonRow): void {
    const list = this.people.get(p.name_key);
    if (list) list.push(p);
    else this.people.set(p.name_key, [p]);
  }

  hasMembership(personId: string, organisationId: string): boolean {
    return this.memberships.has(`${personId}\u0000${organisationId}`);
  }

  addMembership(personId: string, organisationId: string): void {
    this.memberships.add(`${personId}\u0000${organisationId}`);
  }

  hasAttended(personId: string, bodyId: string): boolean {
    return this.attended.has(`${personId}\u0000${bodyId}`);
  }

  addAttendance(personId: string, bodyId: string): void {
    this.attended.add(`${personId}\u0000${bodyId}`);
  }

  private addToBucket(key: string, entry: NearDuplicate): void {
    const list = this.buckets.get(key);
    if (list) list.push(entry);
    else this.buckets.set(key, [entry]);
  }
}
