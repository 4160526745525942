import { estimateJaccard } from '../lib/minhash.js';
import { stableId } from '../lib/stable-id.js';
import type { IndexedDocument } from '../search/index/index-entry.js';
import { indexInserts } from '../search/index/index-entry.js';
import { encodeArray } from '../store/binary-array.js';
import type { Db, Sql } from '../store/db.js';
import { documentInserts, lshInsert, sourceInserts } from '../store/document.repository.js';
import { addMeetingBodyContexts } from '../store/person.repository.js';
import { meetingUpsert } from '../store/meeting.repository.js';
import type { OrganisationInput } from '../store/organisation.repository.js';
import { bodyUpsert, organisationId, organisationInserts } from '../store/organisation.repository.js';
import { WriteBatch } from '../store/write-batch.js';
import type { PlannedDocument } from './batch-context.js';
import { BatchContext, documentBody } from './batch-context.js';
import { addAttendance, addEvents, addItems, addKeyMessages, documentRow, isoDate } from './document-rows.js';
import type { PreparedDocument } from './prepare-document.js';
import { participantMentions, resolvePeople } from './resolve-people.js';

/** Two documents at least this similar (MinHash Jaccard over word 5-shingles) are one meeting's. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

// Writers take this lock for the length of a transaction, so resolution sees every earlier document.
const WRITE_LOCK = 7_154_202;

export type StoreOutcome = 'stored' | 'skipped';

export interface StoreOptions {
  /** A large load's: document frequencies are written for `foldTermDeltas` to add (docs/adr/0021). */
  deferTermCounts?: boolean;
}

/** Writes one parsed document and everything in it in one transaction. Already stored → skipped. */
export async function storeDocument(
  db: Db,
  doc: PreparedDocument,
  options: StoreOptions = {},
): Promise<StoreOutcome> {
  const [outcome] = await db.transaction((tx) => writeDocuments(tx, [doc], options));
  return outcome ?? 'skipped';
}

/**
 * Writes several documents in one transaction (group commit), each still whole or not at all: when the
 * batch fails, it is rolled back and its documents are written one transaction each, so one bad document
 * costs only itself. Returns an outcome or the error per document.
 */
export async function storeDocuments(
  db: Db,
  docs: readonly PreparedDocument[],
  options: StoreOptions = {},
): Promise<(StoreOutcome | Error)[]> {
  if (docs.length === 0) return [];
  const one = (doc: PreparedDocument) => storeDocument(db, doc, options).catch((e: Error) => e);
  if (docs.length === 1 && docs[0]) return [await one(docs[0])];
  try {
    return await db.transaction((tx) => writeDocuments(tx, docs, options));
  } catch {
    const outcomes: (StoreOutcome | Error)[] = [];
    for (const doc of docs) outcomes.push(await one(doc));
    return outcomes;
  }
}

/**
 * Writes documents in one statement: what resolution needs is read for the whole batch first (a few
 * queries), each document is resolved in order against that and the batch's earlier documents, and
 * every table gets one multi-row insert, the search index's rows and document frequencies included.
 */
async function writeDocuments(
  tx: Sql,
  docs: readonly PreparedDocument[],
  options: StoreOptions,
): Promise<StoreOutcome[]> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
  const plans = docs.map(planDocument);
  const context = await BatchContext.load(tx, plans);
  const batch = new WriteBatch();
  const indexed: IndexedDocument[] = [];
  const outcomes: StoreOutcome[] = [];
  for (const plan of plans) {
    if (context.stored.has(plan.doc.sha256)) {
      batch.insert(sourceInserts([[plan.doc.sha256, plan.doc.sourcePath]]));
      outcomes.push('skipped');
      continue;
    }
    indexed.push(addDocument(batch, context, plan));
    outcomes.push('stored');
  }
  const paths = docs.filter((_, i) => outcomes[i] === 'stored').map((d) => d.sourcePath);
  if (paths.length > 0)
    batch.statement('DELETE FROM quarantine WHERE source_path = ANY($1::text[])', [
      encodeArray('text', paths),
    ]);
  for (const spec of indexInserts(indexed, options)) batch.insert(spec);
  await batch.run(tx, { checkReferences: 'per-batch' });
  await addMeetingBodyContexts(tx, [...context.filledMeetings]);
  return outcomes;
}

interface DocumentPlan extends PlannedDocument {
  organisations: OrganisationInput[];
  body: ReturnType<typeof documentBody>;
}

/** The organisations, body and person mentions of a document: what resolution starts from. */
function planDocument(doc: PreparedDocument): DocumentPlan {
  const organisations = collectOrganisations(doc);
  const organisationIds = new Map(organisations.map((o) => [o.key, organisationId(o.key)]));
  const body = documentBody(doc);
  const bodyId = body?.id ?? null;
  return { doc, organisations, body, bodyId, mentions: participantMentions(doc, organisationIds, bodyId) };
}

function addDocument(batch: WriteBatch, context: BatchContext, plan: DocumentPlan): IndexedDocument {
  const { doc, organisations, body, bodyId, mentions } = plan;
  const { record } = doc;
  for (const spec of organisationInserts(organisations)) batch.insert(spec);
  if (body) batch.insert(bodyUpsert(body));
  const date = isoDate(record.date);
  const { meetingId, evidence } = chooseMeeting(context, doc, bodyId, date);
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
  const meetingBodyId = meetingId ? context.settleMeetingBody(meetingId, bodyId) : null;
  for (const spec of documentInserts(documentRow(doc, meetingId, date, evidence))) batch.insert(spec);
  if (doc.buckets) batch.insert(lshInsert(doc.sha256, doc.buckets));
  const people = resolvePeople(context, batch, doc, mentions, { bodyId, date, meetingBodyId });
  context.addDocument(doc, meetingId);
  const itemIds = addItems(batch, doc, meetingId);
  addAttendance(batch, doc, meetingId, mentions);
  addEvents(batch, doc, meetingId, itemIds, people.findByName);
  addKeyMessages(batch, doc);
  batch.insert({
    table: 'provenance',
    columns: ['document_id', 'spans'],
    types: ['text', 'json'],
    values: [[doc.sha256], [doc.provenanceJson]],
  });
  return { documentId: doc.sha256, meetingId, kind: record.kind, language: record.language, date, title: record.title, bodyName: record.body, fileName: doc.fileName, entry: doc.index }; // prettier-ignore
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
function chooseMeeting(
  context: BatchContext,
  doc: PreparedDocument,
  bodyId: string | null,
  date: string | null,
): MeetingChoice {
  if (doc.record.kind === 'listing') return { meetingId: null, evidence: { by: 'listing' } };
  if (doc.minhash && doc.buckets) {
    let best: { id: string; meetingId: string; jaccard: number } | null = null;
    for (const c of context.nearDuplicates(doc.buckets)) {
      if (!c.meetingId) continue;
      const jaccard = estimateJaccard(doc.minhash, c.minhash);
      if (jaccard >= NEAR_DUPLICATE_THRESHOLD && (!best || jaccard > best.jaccard)) {
        best = { id: c.id, meetingId: c.meetingId, jaccard };
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
