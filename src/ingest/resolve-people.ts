import { stableId } from '../lib/stable-id.js';
import { newPersonMergeInsert } from '../store/merge.repository.js';
import type { PersonRow } from '../store/person.repository.js';
import {
  membershipsUpsert,
  peopleInsert,
  personContextsInsert,
  personNamesInsert,
} from '../store/person.repository.js';
import type { WriteBatch } from '../store/write-batch.js';
import type { BatchContext } from './batch-context.js';
import { personNameKey } from './names.js';
import type { PersonMention, PreparedDocument } from './prepare-document.js';

/** A participant of a document: the person row it is (or becomes) and what it is matched on. */
export interface Mention extends PersonMention {
  organisationId: string | null;
  /** The person within its context: its organisation, else the document's body, else the document. */
  id: string;
  role: string;
}

/** The document's participants as person mentions, in order. */
export function participantMentions(
  doc: PreparedDocument,
  organisationIds: ReadonlyMap<string, string>,
  bodyId: string | null,
): Mention[] {
  return doc.participants.map((p, i) => {
    const organisationId = p.organisation ? (organisationIds.get(p.organisation.key) ?? null) : null;
    const anchor = organisationId ? `o:${organisationId}` : bodyId ? `b:${bodyId}` : `d:${doc.sha256}`;
    return { ...p, organisationId, id: stableId('person', p.key, anchor), role: doc.record.participants[i]?.role ?? '' }; // prettier-ignore
  });
}

/** Where a person seen before may share a context with a new person of this mention, in order of weight. */
export function evidenceContexts(
  mention: Mention,
  bodyId: string | null,
): { via: 'organisation' | 'body'; viaId: string; context: string }[] {
  const contexts: { via: 'organisation' | 'body'; viaId: string; context: string }[] = [];
  if (mention.organisationId) contexts.push({ via: 'organisation', viaId: mention.organisationId, context: organisationContext(mention.organisationId) }); // prettier-ignore
  if (bodyId) contexts.push({ via: 'body', viaId: bodyId, context: bodyContext(bodyId) });
  return contexts;
}

const organisationContext = (id: string) => `o:${id}`;
const bodyContext = (id: string) => `b:${id}`;

export interface ResolutionContext {
  /** The document's body. */
  bodyId: string | null;
  date: string | null;
  /** The body of the meeting the document's attendance goes to. */
  meetingBodyId: string | null;
}

export interface ResolvedPeople {
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
  mentions: readonly Mention[],
  ctx: ResolutionContext,
): ResolvedPeople {
  const newPeople = new Map<string, PersonRow>();
  for (const m of mentions) {
    if (!known.hasPerson(m.id) && !newPeople.has(m.id)) {
      newPeople.set(m.id, { id: m.id, name: m.name, name_key: m.key, canonical_id: m.id });
    }
  }
  for (const m of mentions) {
    const person = newPeople.get(m.id);
    // A new person has nothing merged into it yet, so it can be born merged.
    if (!person || person.canonical_id !== person.id) continue;
    const evidence = chooseEvidence(known, m, ctx.bodyId);
    if (!evidence) continue;
    person.canonical_id = evidence.root;
    batch.insert(
      newPersonMergeInsert(evidence.root, m.id, {
        rule: 'same normalised name and a shared organisation or body',
        name_key: m.key,
        name: m.name,
        shared: evidence.via,
        shared_id: evidence.viaId,
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
  for (const p of newPeople.values()) known.addPerson(p.id, p.canonical_id);
  const seen: [string, string, string][] = [];
  for (const m of mentions) {
    if (m.organisationId) seen.push([m.key, organisationContext(m.organisationId), m.id]);
    if (ctx.meetingBodyId) seen.push([m.key, bodyContext(ctx.meetingBodyId), m.id]);
  }
  for (const [key, context, id] of seen) known.addSeen(key, context, id);
  batch.insert(personContextsInsert(seen));
  return { findByName: nameFinder(mentions) };
}

interface Evidence {
  root: string;
  via: 'organisation' | 'body';
  viaId: string;
}

/**
 * The person a new one of this name is merged into: one seen in its organisation before one seen in the
 * document's body; among equals the smallest root, so runs agree.
 */
function chooseEvidence(known: BatchContext, m: Mention, bodyId: string | null): Evidence | null {
  for (const { via, viaId, context } of evidenceContexts(m, bodyId)) {
    let root: string | null = null;
    for (const person of known.seenIn(m.key, context)) {
      const canonical = known.canonicalOf(person);
      if (canonical !== undefined && (root === null || canonical.localeCompare(root) < 0)) root = canonical;
    }
    if (root !== null) return { root, via, viaId };
  }
  return null;
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
