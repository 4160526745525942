import { stableId } from '../lib/stable-id.js';
import { newPersonMergeInsert } from '../store/merge.repository.js';
import type { PersonRow, SharedContext } from '../store/person.repository.js';
import { membershipsUpsert, peopleInsert, personNamesInsert } from '../store/person.repository.js';
import type { WriteBatch } from '../store/write-batch.js';
import type { BatchContext } from './batch-context.js';
import { personNameKey } from './names.js';
import type { PreparedDocument } from './prepare-document.js';

export interface ResolutionContext {
  organisationIds: ReadonlyMap<string, string>;
  bodyId: string | null;
  date: string | null;
  /** The body of the meeting the document's attendance goes to. */
  meetingBodyId: string | null;
}

export interface ResolvedPeople {
  /** The person row of each participant, in order. */
  participantIds: string[];
  /** A name in the document's text (departures, action owners) → one of its participants, if any. */
  findByName: (name: string) => string | null;
}

/**
 * Each participant is a person within its context (organisation, else body, else document). A new one
 * is merged into an existing person of the same normalised name only when they share an organisation or
 * a body; anything less leaves them apart. Every merge is recorded with that evidence. Existing people
 * are those stored and those of the batch's earlier documents (`known`), which learns this document's.
 */
export function resolvePeople(
  known: BatchContext,
  batch: WriteBatch,
  doc: PreparedDocument,
  ctx: ResolutionContext,
): ResolvedPeople {
  const mentions = doc.participants.map((p, i) => {
    const organisationId = p.organisation ? (ctx.organisationIds.get(p.organisation.key) ?? null) : null;
    const anchor = organisationId
      ? `o:${organisationId}`
      : ctx.bodyId
        ? `b:${ctx.bodyId}`
        : `d:${doc.sha256}`;
    return {
      ...p,
      organisationId,
      id: stableId('person', p.key, anchor),
      role: doc.record.participants[i]?.role ?? '',
    };
  });
  const keys = [...new Set(mentions.map((m) => m.key))];
  const existing = keys.flatMap((k) => known.peopleByKey(k));
  const existingIds = new Set(existing.map((p) => p.id));
  const newPeople = new Map<string, PersonRow>();
  for (const m of mentions) {
    if (!existingIds.has(m.id) && !newPeople.has(m.id)) {
      newPeople.set(m.id, { id: m.id, name: m.name, name_key: m.key, canonical_id: m.id });
    }
  }
  // Only new people whose name is already known can need a merge.
  const keysKnown = new Set(existing.map((p) => p.name_key));
  const candidates = mentions.filter((m) => newPeople.has(m.id) && keysKnown.has(m.key));
  const candidateKeys = new Set(candidates.map((m) => m.key));
  const organisations = [...new Set(candidates.flatMap((m) => (m.organisationId ? [m.organisationId] : [])))];
  const contexts = findSharedContexts(
    known,
    existing.filter((p) => candidateKeys.has(p.name_key)),
    organisations,
    ctx.bodyId,
  );
  for (const m of candidates) {
    const person = newPeople.get(m.id);
    const evidence = chooseEvidence(contexts, m.key, m.organisationId);
    if (!person || !evidence || person.canonical_id !== person.id) continue;
    // A new person has nothing merged into it yet, so it can be born merged.
    person.canonical_id = evidence.root;
    batch.insert(
      newPersonMergeInsert(evidence.root, m.id, {
        rule: 'same normalised name and a shared organisation or body',
        name_key: m.key,
        name: m.name,
        shared: evidence.via,
        shared_id: evidence.via_id,
        document: doc.sha256,
        source_path: doc.sourcePath,
      }),
    );
  }
  batch.insert(peopleInsert([...newPeople.values()]));
  batch.insert(personNamesInsert(mentions.map((m) => [m.id, m.name] as const)));
  batch.insert(
    membershipsUpsert(
      mentions
        .filter((m) => m.organisationId)
        .map((m) => ({
          personId: m.id,
          organisationId: m.organisationId as string,
          // A btree key holds at most ~2.7 KB; a role that long is a misread, and its start still tells.
          role: (m.role ?? '').slice(0, 200),
          seen: ctx.date,
        })),
    ),
  );
  for (const p of newPeople.values()) known.addPerson(p);
  for (const m of mentions) {
    if (m.organisationId) known.addMembership(m.id, m.organisationId);
    if (ctx.meetingBodyId) known.addAttendance(m.id, ctx.meetingBodyId);
  }
  return { participantIds: mentions.map((m) => m.id), findByName: nameFinder(mentions) };
}

/**
 * Which of these (known) people share an organisation with the mentions or have attended a meeting of
 * the same body: the evidence a merge needs.
 */
function findSharedContexts(
  known: BatchContext,
  people: readonly PersonRow[],
  organisationIds: readonly string[],
  bodyId: string | null,
): SharedContext[] {
  const found: SharedContext[] = [];
  for (const p of people) {
    for (const o of organisationIds) {
      if (known.hasMembership(p.id, o)) found.push({ name_key: p.name_key, root: p.canonical_id, via: 'organisation', via_id: o }); // prettier-ignore
    }
    if (bodyId && known.hasAttended(p.id, bodyId)) found.push({ name_key: p.name_key, root: p.canonical_id, via: 'body', via_id: bodyId }); // prettier-ignore
  }
  return found;
}

/** Organisation evidence before body evidence; among equals the smallest id, so runs agree. */
function chooseEvidence(
  contexts: readonly SharedContext[],
  key: string,
  organisationId: string | null,
): SharedContext | null {
  const mine = contexts.filter(
    (c) => c.name_key === key && (c.via === 'body' || c.via_id === organisationId),
  );
  mine.sort((a, b) => (a.via === b.via ? a.root.localeCompare(b.root) : a.via === 'organisation' ? -1 : 1));
  return mine[0] ?? null;
}

function nameFinder(
  mentions: readonly { key: string; id: string; name: string }[],
): (name: string) => string | null {
  const byKey = new Map(mentions.map((m) => [m.key, m.id]));
  const byFirstName = new Map<string, string | null>();
  for (const m of mentions) {
    const first = m.name.split(' ')[0]?.toLowerCase() ?? '';
    // A first name shared by two participants names neither.
    byFirstName.set(first, byFirstName.has(first) && byFirstName.get(first) !== m.id ? null : m.id);
  }
  return (name) => {
    const key = personNameKey(name);
    if (byKey.has(key)) return byKey.get(key) ?? null;
    if (!key.includes(' ')) return byFirstName.get(key) ?? null;
    return null;
  };
}
