import { firstSorted } from '../../lib/first-sorted.js';
import type { InsertSpec } from '../../store/write-batch.js';
import type { Analyzer } from '../analysis/analyzer.js';
import type { Postings } from './postings.js';
import { postingsInsert, preparePostings } from './postings.js';
import type { IndexSource, TermVector } from './term-vector.js';
import { buildDocumentVectors, buildNameVector } from './term-vector.js';

/** What the index is built from: the document's text and spans, and who and what it names. */
export interface IndexInput extends IndexSource {
  public: boolean;
  /** Participants' names. */
  people: readonly string[];
  /** The organisations' names and spellings. */
  organisations: readonly string[];
}

/** One search_documents row's analysed part. */
export interface IndexRow {
  audience: 'public' | 'all';
  /** The public row is the whole document (no 'all' row exists). */
  complete: boolean;
  /** The text snippets are cut from, when it is not the document's own. */
  content: string | null;
  /** The tsvector in binary form. */
  vector: Uint8Array;
  topTerms: string[];
  topCounts: number[];
  /** The row's highest-impact terms, for top-k ranking. */
  postings: Postings;
}

/** A document analysed for the index: computed wherever the document is parsed, written with it. */
export interface IndexEntry {
  rows: IndexRow[];
  people: string;
  organisations: string;
  /**
   * The public row's terms, for the document frequencies: one a line (terms hold no line breaks) in
   * UTF-8, so a document crosses from its parse thread as one buffer it hands over, not hundreds of
   * strings; empty when there is no public row.
   */
  publicTerms: Uint8Array;
  /** Stems this document added to the compound lexicon. */
  newStems: string[];
}

/** Analyses a document for search. Pure apart from the analyzer's lexicon, which learns new stems. */
export function buildIndexEntry(input: IndexInput, analyzer: Analyzer): IndexEntry {
  const vectors = buildDocumentVectors(input, analyzer);
  const rows: IndexRow[] = [];
  const row = (audience: IndexRow['audience'], complete: boolean, v: TermVector, content: string | null) => {
    const top = topTerms(v, 40);
    rows.push({ audience, complete, content, vector: v.binary, topTerms: top.map((t) => t[0]), topCounts: top.map((t) => t[1]), postings: preparePostings(v) }); // prettier-ignore
  };
  if (input.public) row('public', vectors.allVector === null, vectors.publicVector, vectors.publicText);
  if (!input.public || vectors.allVector) row('all', false, vectors.allVector ?? vectors.publicVector, null);
  return {
    rows,
    people: buildNameVector(input.people, analyzer),
    organisations: buildNameVector(input.organisations, analyzer),
    publicTerms: utf8.encode(input.public ? vectors.publicVector.terms.join('\n') : ''),
    newStems: vectors.newStems,
  };
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

function topTerms(vector: TermVector, n: number): [string, number][] {
  const term = (i: number) => vector.terms[i] as string;
  const count = (i: number) => vector.counts[i] as number;
  const words = [...vector.terms.keys()].filter((i) => term(i).length >= 3 && !/^\d+$/.test(term(i)));
  return firstSorted(words, n, (a, b) => count(b) - count(a) || (term(a) < term(b) ? -1 : 1)).map((i) => [term(i), count(i)]); // prettier-ignore
}

/** A stored document's index entry and the columns search_documents repeats from it. */
export interface IndexedDocument {
  documentId: string;
  meetingId: string | null;
  kind: string;
  language: string;
  date: string | null;
  title: string | null;
  bodyName: string | null;
  fileName: string;
  entry: IndexEntry;
}

export interface IndexInsertOptions {
  /**
   * The document frequencies go to search_term_deltas as plain rows, for `foldTermDeltas` to add to
   * search_terms later (a large load: docs/adr/0021), instead of an upsert into search_terms.
   */
  deferTermCounts?: boolean;
}

/**
 * The index rows of many documents as four inserts: their search_documents rows and postings, the
 * document frequencies summed over all of them (one row per term, not per document), and new lexicon
 * stems.
 */
export function indexInserts(
  docs: readonly IndexedDocument[],
  options: IndexInsertOptions = {},
): InsertSpec[] {
  const rows = docs.flatMap((d) => d.entry.rows.map((r) => ({ d, r })));
  const df = documentFrequencies(docs);
  const terms = [...df.keys()].sort();
  const frequencies = { columns: ['term', 'df'], types: ['text', 'int4'], values: [terms, terms.map((t) => df.get(t))] }; // prettier-ignore
  const stems = docs.flatMap((d) => d.entry.newStems.map((s) => [d.language, s] as const));
  const bodies = [...new Set(docs.map((d) => d.bodyName).filter((b): b is string => b !== null))].sort();
  return [
    {
      table: 'search_documents',
      columns: ['document_id', 'audience', 'complete', 'meeting_id', 'body_name', 'kind', 'language', 'date', 'title', 'file_name', 'content', 'people', 'organisations', 'vector', 'top_terms', 'top_counts', 'rest_impact'], // prettier-ignore
      types: ['text', 'text', 'bool', 'text', 'text', 'text', 'text', 'date', 'text', 'text', 'text', 'text', 'text', 'tsvector', 'text', 'text', 'float4'], // prettier-ignore
      // unnest takes arrays of scalars only: the vectors and arrays travel as their text forms.
      casts: { people: 'tsvector', organisations: 'tsvector', top_terms: 'text[]', top_counts: 'int4[]' }, // prettier-ignore
      values: [
        rows.map(({ d }) => d.documentId),
        rows.map(({ r }) => r.audience),
        rows.map(({ r }) => r.complete),
        rows.map(({ d }) => d.meetingId),
        rows.map(({ d }) => d.bodyName),
        rows.map(({ d }) => d.kind),
        rows.map(({ d }) => d.language),
        rows.map(({ d }) => d.date),
        rows.map(({ d }) => d.title),
        rows.map(({ d }) => d.fileName),
        rows.map(({ r }) => r.content),
        rows.map(({ d }) => d.entry.people),
        rows.map(({ d }) => d.entry.organisations),
        rows.map(({ r }) => r.vector),
        rows.map(({ r }) => arrayLiteral(r.topTerms)),
        rows.map(({ r }) => `{${r.topCounts.join(',')}}`),
        rows.map(({ r }) => r.postings.rest),
      ],
    },
    postingsInsert(
      rows.map(({ d, r }) => ({ documentId: d.documentId, audience: r.audience, ...r.postings })),
    ),
    options.deferTermCounts
      ? { table: 'search_term_deltas', ...frequencies }
      : {
          table: 'search_terms',
          ...frequencies,
          onConflict: 'ON CONFLICT (term) DO UPDATE SET df = search_terms.df + EXCLUDED.df',
          key: 1,
          combine: (earlier, later) => [earlier[0], Number(earlier[1]) + Number(later[1])],
        },
    {
      table: 'search_bodies',
      columns: ['name'],
      types: ['text'],
      values: [bodies],
      onConflict: 'ON CONFLICT DO NOTHING',
      key: 1,
    },
    {
      table: 'search_lexicon',
      columns: ['language', 'stem'],
      types: ['text', 'text'],
      values: [stems.map((s) => s[0]), stems.map((s) => s[1])],
      onConflict: 'ON CONFLICT DO NOTHING',
      key: 2,
    },
  ];
}

/**
 * How many of the documents' public rows hold each term; '' counts the public rows. A loop of its own:
 * the batch's hundred thousand terms would otherwise have the engine compile the whole caller, again
 * whenever a batch brings values of another shape.
 */
function documentFrequencies(docs: readonly IndexedDocument[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) {
    if (d.entry.rows.every((r) => r.audience !== 'public')) continue;
    df.set('', (df.get('') ?? 0) + 1);
    if (d.entry.publicTerms.byteLength === 0) continue;
    for (const term of fromUtf8.decode(d.entry.publicTerms).split('\n'))
      df.set(term, (df.get(term) ?? 0) + 1);
  }
  return df;
}

/** A text[] literal: every element quoted. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
