import type { Diagnostic, MinutesRecord } from '../domain/minutes.js';
import { lshBuckets, minhashSignature } from '../lib/minhash.js';
import { sha256Hex } from '../lib/stable-id.js';
import { parseDocument } from '../parse/parse-document.js';
import type { ReaderName } from '../parse/readers/text-layer.js';
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
  /** [JSON Pointer, start, end] of each field's source span. */
  spans: [string, number, number][];
  text: string;
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
}

/** Parses a document and derives what resolution and storage need. Pure apart from the parse. */
export async function prepareDocument(
  bytes: Uint8Array,
  sourcePath: string,
  fileName: string,
): Promise<PreparedDocument> {
  const parsed = await parseDocument(bytes, fileName);
  const { record, text, provenance } = parsed;
  const signature = minhashSignature(text);
  const itemSpan = (i: number) => provenance[`/items/${i}`];
  const firstItem = itemSpan(0);
  const header = text.slice(0, firstItem ? firstItem[0] : Math.min(text.length, 2000));
  return {
    sourcePath,
    fileName,
    sha256: sha256Hex(bytes),
    byteSize: bytes.byteLength,
    record,
    spans: Object.entries(provenance).map(([pointer, [start, end]]) => [pointer, start, end]),
    text,
    reader: parsed.reader,
    diagnostics: parsed.diagnostics,
    minhash: signature ? Array.from(signature) : null,
    buckets: signature ? lshBuckets(signature) : null,
    body: record.body ? { name: record.body, ...normaliseBodyName(record.body) } : null,
    participants: record.participants.map((p) => ({
      name: displayPersonName(p.name),
      key: personNameKey(p.name),
      organisation: p.organization ? normaliseOrganisation(p.organization) : null,
    })),
    nonPublicBasis: findNonPublicBasis(`${record.title ?? ''}\n${header}`),
    itemBasis: record.items.map((item, i) => {
      const span = itemSpan(i);
      const own = span ? text.slice(span[0], span[1]) : '';
      return findNonPublicBasis([item.title, own, item.proposal, item.decision].filter(Boolean).join('\n'));
    }),
    attachmentBasis: record.items.map((item) => item.attachments.map((a) => findNonPublicBasis(a))),
  };
}
