import type { Diagnostic, MinutesRecord } from '../domain/minutes.js';
import { lshBuckets, minhashSignature } from '../lib/minhash.js';
import { sha256Hex } from '../lib/stable-id.js';
import { parseDocument } from '../parse/parse-document.js';
import type { ReaderName } from '../parse/readers/text-layer.js';
import type { Analyzer } from '../search/analysis/analyzer.js';
import { getAnalyzer } from '../search/analysis/analyzer.js';
import type { IndexEntry } from '../search/index/index-entry.js';
import { buildIndexEntry } from '../search/index/index-entry.js';
import type { BodyName, OrganisationName } from './names.js';
import { displayPersonName, normaliseBodyName, normaliseOrganisation, personNameKey } from './names.js';
import { findNonPublicBasis } from './non-public.js';

export interface PersonMention {
  name: string;
  key: string;
  organisation: OrganisationName | null;
}

/** Everything the store needs about one document, worked out away from the writing thread. */
export interface PreparedDocument {
  sourcePath: string;
  fileName: string;
  sha256: string;
  byteSize: number;
  record: MinutesRecord;
  /** Each field's source span as the provenance table keeps it: JSON of {pointer: [start, end]}, UTF-8. */
  provenanceJson: Uint8Array;
  /**
   * The text as stored, in UTF-8 and without NUL (which PostgreSQL text cannot hold): the writing thread
   * takes these bytes over from the parse thread as they are, instead of a copy of a string it would
   * encode again.
   */
  textUtf8: Uint8Array;
  reader: ReaderName;
  diagnostics: Diagnostic[];
  minhash: number[] | null;
  buckets: number[] | null;
  body: (BodyName & { name: string }) | null;
  /** One per participant, in order. */
  participants: PersonMention[];
  nonPublicBasis: string | null;
  /** Per item: the non-publication marking, if any. */
  itemBasis: (string | null)[];
  /** Per item, per attachment. */
  attachmentBasis: (string | null)[][];
  /** The document analysed for search. */
  index: IndexEntry;
}

/**
 * Parses a document and derives what resolution, storage and the search index need, so that the
 * writing thread only writes. Pure apart from the parse and the analyzer's lexicon.
 */
export async function prepareDocument(
  bytes: Uint8Array,
  sourcePath: string,
  fileName: string,
  analyzer: Analyzer = getAnalyzer(),
): Promise<PreparedDocument> {
  const parsed = await parseDocument(bytes, fileName);
  const { record, text, provenance } = parsed;
  const stored = text.replace(/\u0000/g, '');
  const signature = minhashSignature(text);
  const itemSpan = (i: number) => provenance[`/items/${i}`];
  const firstItem = itemSpan(0);
  const header = text.slice(0, firstItem ? firstItem[0] : Math.min(text.length, 2000));
  const nonPublicBasis = findNonPublicBasis(`${record.title ?? ''}\n${header}`);
  const itemBasis = record.items.map((item, i) => {
    const span = itemSpan(i);
    const own = span ? text.slice(span[0], span[1]) : '';
    return findNonPublicBasis([item.title, own, item.proposal, item.decision].filter(Boolean).join('\n'));
  });
  const attachmentBasis = record.items.map((item) => item.attachments.map((a) => findNonPublicBasis(a)));
  const spans = Object.entries(provenance).map(([pointer, [start, end]]): [string, number, number] => [pointer, start, end]); // prettier-ignore
  const body = record.body ? { name: record.body, ...normaliseBodyName(record.body) } : null;
  const participants = record.participants.map((p) => ({
    name: displayPersonName(p.name),
    key: personNameKey(p.name),
    organisation: p.organization ? normaliseOrganisation(p.organization) : null,
  }));
  const index = buildIndexEntry(
    {
      text: stored,
      language: record.language,
      title: record.title,
      bodyName: record.body,
      spans,
      hiddenItems: new Set(itemBasis.flatMap((b, i) => (b === null ? [] : [i]))),
      // An attachment of a non-public item is itself non-public.
      hiddenAttachments: new Set(
        attachmentBasis.flatMap((list, i) =>
          list.flatMap((b, j) => ((b ?? itemBasis[i] ?? null) === null ? [] : [`${i}/${j}`])),
        ),
      ),
      public: nonPublicBasis === null,
      people: participants.map((p) => p.name),
      organisations: organisationNames(record, body, participants),
    },
    analyzer,
  );
  return {
    sourcePath,
    fileName,
    sha256: sha256Hex(bytes),
    byteSize: bytes.byteLength,
    record,
    provenanceJson: utf8.encode(JSON.stringify(provenance)),
    textUtf8: utf8.encode(stored),
    reader: parsed.reader,
    diagnostics: parsed.diagnostics,
    minhash: signature ? Array.from(signature) : null,
    buckets: signature ? lshBuckets(signature) : null,
    body,
    participants,
    nonPublicBasis,
    itemBasis,
    attachmentBasis,
    index,
  };
}

const utf8 = new TextEncoder();

/**
 * The buffers a prepared document can hand over to another thread instead of having them copied: its
 * text's, spans', vectors' and terms', each the whole of a buffer of its own.
 */
export function transferableBuffers(doc: PreparedDocument): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const view of [
    doc.textUtf8,
    doc.provenanceJson,
    doc.index.publicTerms,
    ...doc.index.rows.map((r) => r.vector),
  ]) {
    const whole = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength;
    if (whole && view.buffer instanceof ArrayBuffer) buffers.add(view.buffer);
  }
  return [...buffers];
}

/** The organisations a document names (its body's and its participants'), as written and normalised. */
function organisationNames(
  record: MinutesRecord,
  body: PreparedDocument['body'],
  participants: readonly PersonMention[],
): string[] {
  const names = new Set<string>();
  if (body?.organisation) names.add(body.organisation.name);
  participants.forEach((p, i) => {
    const written = record.participants[i]?.organization;
    if (!p.organisation || !written) return;
    names.add(p.organisation.name);
    names.add(written.replace(/\s+/g, ' ').trim());
  });
  return [...names];
}
