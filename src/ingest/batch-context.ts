import type { Sql } from '../store/db.js';
import { findDocumentsInBuckets, findStoredDocumentIds } from '../store/document.repository.js';
import { findPeopleSeenIn, findStoredPeople } from '../store/person.repository.js';
import { bodyId as toBodyId, organisationId } from '../store/organisation.repository.js';
import type { PreparedDocument } from './prepare-document.js';
import type { Mention } from './resolve-people.js';
import { evidenceContexts } from './resolve-people.js';

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

/** A document of a batch with its participants as person mentions. */
export interface PlannedDocument {
  doc: PreparedDocument;
  bodyId: string | null;
  mentions: readonly Mention[];
}

/**
 * What resolution needs to know of the store for a batch of documents, read with a few queries for the
 * whole batch, and kept up to date as each document of the batch is resolved: so each document sees the
 * stored ones and the batch's earlier ones, as if each had been written in a transaction of its own.
 * Every query asks for exact keys (the batch's people, and each new name in its organisation and body),
 * so its cost does not grow with the store.
 */
export class BatchContext {
  /** Documents stored already, or earlier in this batch. */
  readonly stored: Set<string>;
  private readonly buckets = new Map<string, NearDuplicate[]>();
  /** People stored or added in this batch that the batch may meet, each with the person it is merged into. */
  private readonly people = new Map<string, string>();
  /** name key + context → the people of that name seen there. */
  private readonly seen = new Map<string, string[]>();
  private readonly meetingBodies = new Map<string, string | null>();
  /** Meetings without a body that got one in this batch. */
  readonly filledMeetings = new Set<string>();

  private constructor(stored: Set<string>) {
    this.stored = stored;
  }

  static async load(tx: Sql, plans: readonly PlannedDocument[]): Promise<BatchContext> {
    const context = new BatchContext(
      await findStoredDocumentIds(
        tx,
        plans.map((p) => p.doc.sha256),
      ),
    );
    const fresh = plans.filter((p) => !context.stored.has(p.doc.sha256));
    const buckets = new Map<string, [number, number]>();
    for (const { doc } of fresh) doc.buckets?.forEach((b, band) => buckets.set(`${band}:${b}`, [band, b]));
    for (const c of await findDocumentsInBuckets(tx, [...buckets.values()])) {
      context.addToBucket(`${c.band}:${c.bucket}`, { id: c.id, meetingId: c.meeting_id, minhash: c.minhash });
      if (c.meeting_id) context.meetingBodies.set(c.meeting_id, c.meeting_body_id);
    }
    const ids = new Set(fresh.flatMap((p) => p.mentions.map((m) => m.id)));
    for (const p of await findStoredPeople(tx, [...ids])) context.addPerson(p.id, p.canonical_id);
    // Only a new person can need a merge, and only with someone seen in its organisation or body.
    const pairs = new Map<string, [string, string]>();
    for (const { mentions, bodyId } of fresh) {
      for (const m of mentions) {
        if (context.hasPerson(m.id)) continue;
        for (const { context: c } of evidenceContexts(m, bodyId)) pairs.set(seenKey(m.key, c), [m.key, c]);
      }
    }
    for (const r of await findPeopleSeenIn(tx, [...pairs.values()])) {
      context.addPerson(r.person_id, r.canonical_id);
      context.addSeen(r.name_key, r.context_id, r.person_id);
    }
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
    const known = this.meetingBodies.get(meetingId);
    const body = known ?? bodyId;
    if (known === null && body !== null) this.filledMeetings.add(meetingId);
    this.meetingBodies.set(meetingId, body);
    return body;
  }

  hasPerson(id: string): boolean {
    return this.people.has(id);
  }

  canonicalOf(id: string): string | undefined {
    return this.people.get(id);
  }

  addPerson(id: string, canonicalId: string): void {
    this.people.set(id, canonicalId);
  }

  /** The people of this name seen in this context ('o:' organisation or 'b:' body). */
  seenIn(nameKey: string, context: string): readonly string[] {
    return this.seen.get(seenKey(nameKey, context)) ?? [];
  }

  addSeen(nameKey: string, context: string, personId: string): void {
    const key = seenKey(nameKey, context);
    const list = this.seen.get(key);
    if (!list) this.seen.set(key, [personId]);
    else if (!list.includes(personId)) list.push(personId);
  }

  private addToBucket(key: string, entry: NearDuplicate): void {
    const list = this.buckets.get(key);
    if (list) list.push(entry);
    else this.buckets.set(key, [entry]);
  }
}

const seenKey = (nameKey: string, context: string) => `${nameKey}\u0000${context}`;
