import type { Db, Sql } from '../../store/db.js';
import type { Analyzer } from '../analysis/analyzer.js';
import { getAnalyzer } from '../analysis/analyzer.js';
import { WriteBatch } from '../../store/write-batch.js';
import { buildIndexEntry, indexInserts } from './index-entry.js';
import { deletePostings } from './postings.js';

export interface IndexOptions {
  analyzer?: Analyzer;
  /** The document has no index rows yet (just stored): skip removing old ones. */
  fresh?: boolean;
}

interface StoredDocument {
  id: string;
  meeting_id: string | null;
  kind: string;
  language: string;
  date: string | null;
  title: string | null;
  body_name: string | null;
  file_name: string;
  text: string;
  public: boolean;
  spans: [string, number, number][];
  hidden_items: number[];
  hidden_attachments: string[];
  people: string[];
  organisations: string[];
}

const LOAD = /* sql */ `
SELECT d.id, d.meeting_id, d.kind, d.language, d.date, d.title, d.body_name, d.file_name, d.text, d.public,
  COALESCE((SELECT json_agg(json_build_array(e.key, (e.value->>0)::int, (e.value->>1)::int))
            FROM provenance p CROSS JOIN json_each(p.spans) e WHERE p.document_id = d.id), '[]') AS spans,
  COALESCE((SELECT json_agg(i.ordinal) FROM items i WHERE i.document_id = d.id AND NOT i.public), '[]') AS hidden_items,
  COALESCE((SELECT json_agg(i.ordinal || '/' || a.ordinal) FROM attachments a JOIN items i ON i.id = a.item_id
            WHERE a.document_id = d.id AND NOT a.public), '[]') AS hidden_attachments,
  COALESCE((SELECT json_agg(a.name) FROM attendance a WHERE a.document_id = d.id), '[]') AS people,
  COALESCE((SELECT json_agg(DISTINCT x.alias) FROM organisation_aliases x WHERE x.organisation_id IN (
              SELECT a.organisation_id FROM attendance a WHERE a.document_id = d.id
              UNION SELECT b.organisation_id FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = d.meeting_id)),
           '[]') AS organisations
FROM documents d WHERE d.id = $1`;

const loadedLexicons = new WeakSet<Analyzer>();

/**
 * Indexes one stored document for search, reading it back from the store (reindexing; ingest builds the
 * entry where it parses and writes it with the document). Its non-public items and attachments go only
 * into the row for callers allowed to see them.
 */
export async function indexDocument(db: Sql, documentId: string, options: IndexOptions = {}): Promise<void> {
  const analyzer = options.analyzer ?? getAnalyzer();
  await ensureLexicon(db, analyzer);
  const [doc] = await db.query<StoredDocument>(LOAD, [documentId]);
  if (!options.fresh) await removeFromIndex(db, documentId);
  if (!doc) return;
  const entry = buildIndexEntry(
    {
      text: doc.text,
      language: doc.language,
      title: doc.title,
      bodyName: doc.body_name,
      spans: doc.spans,
      hiddenItems: new Set(doc.hidden_items),
      hiddenAttachments: new Set(doc.hidden_attachments),
      public: doc.public,
      people: doc.people,
      organisations: doc.organisations,
    },
    analyzer,
  );
  const batch = new WriteBatch();
  const indexed = { documentId: doc.id, meetingId: doc.meeting_id, kind: doc.kind, language: doc.language, date: doc.date, title: doc.title, bodyName: doc.body_name, fileName: doc.file_name, entry }; // prettier-ignore
  for (const spec of indexInserts([indexed])) batch.insert(spec);
  await batch.run(db);
}

/** Takes a document out of the index, and its terms out of the document frequencies. */
export async function removeFromIndex(db: Sql, documentId: string): Promise<void> {
  await db.query(
    `WITH old AS (DELETE FROM search_documents WHERE document_id = $1 RETURNING audience, vector)
     UPDATE search_terms t SET df = t.df - 1
     FROM (SELECT unnest(tsvector_to_array(vector)) AS term FROM old WHERE audience = 'public'
           UNION ALL SELECT '' FROM old WHERE audience = 'public') o
     WHERE t.term = o.term`,
    [documentId],
  );
  await deletePostings(db, [documentId]);
}

/** The stems compounds split into, as learnt from the documents indexed so far. */
export async function loadLexicon(db: Sql, analyzer: Analyzer): Promise<void> {
  for (const [language, stems] of await findLexicon(db)) analyzer.lexicon.add(language, stems);
  loadedLexicons.add(analyzer);
}

/**
 * The analyzer with the stored compound lexicon loaded, once per analyzer: what analysis outside ingest
 * needs to split compounds as the index did.
 */
export async function ensureLexicon(db: Sql, analyzer: Analyzer): Promise<Analyzer> {
  if (!loadedLexicons.has(analyzer)) await loadLexicon(db, analyzer);
  return analyzer;
}

/** The stored compound lexicon: [language, stems]. */
export async function findLexicon(db: Sql): Promise<[string, string[]][]> {
  const rows = await db.query<{ language: string; stem: string }>(
    'SELECT language, stem FROM search_lexicon',
  );
  const byLanguage = new Map<string, string[]>();
  for (const r of rows) {
    const stems = byLanguage.get(r.language);
    if (stems) stems.push(r.stem);
    else byLanguage.set(r.language, [r.stem]);
  }
  return [...byLanguage];
}

export interface ReindexReport {
  documents: number;
  elapsedMs: number;
}

/**
 * Rebuilds the whole index from the stored records: first the compound lexicon from every document, so
 * that splits do not depend on the order documents came in, then each document's rows.
 */
export async function reindexAll(
  db: Db,
  options: { analyzer?: Analyzer; onProgress?: (done: number, total: number) => void } = {},
): Promise<ReindexReport> {
  const started = Date.now();
  const analyzer = options.analyzer ?? getAnalyzer();
  const ids = (await db.query<{ id: string }>('SELECT id FROM documents ORDER BY id')).map((r) => r.id);
  await db.exec(
    'DELETE FROM search_documents; DELETE FROM search_postings; DELETE FROM search_terms; DELETE FROM search_lexicon; DELETE FROM search_bodies',
  );
  for (let i = 0; i < ids.length; i += 200) {
    const texts = await db.query<{ language: string; text: string }>(
      'SELECT language, text FROM documents WHERE id = ANY($1::text[])',
      [ids.slice(i, i + 200)],
    );
    for (const t of texts) {
      const added = learnStems(analyzer, t.language, t.text);
      if (added.length === 0) continue;
      await db.query(
        'INSERT INTO search_lexicon (language, stem) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING',
        [t.language, added],
      );
    }
  }
  loadedLexicons.add(analyzer);
  for (let i = 0; i < ids.length; i += 50) {
    await db.transaction(async (tx) => {
      for (const id of ids.slice(i, i + 50)) await indexDocument(tx, id, { analyzer, fresh: true });
    });
    options.onProgress?.(Math.min(ids.length, i + 50), ids.length);
  }
  await db.query('UPDATE search_format SET name_pairs = $1', [analyzer.namePairs]);
  return { documents: ids.length, elapsedMs: Date.now() - started };
}

function learnStems(analyzer: Analyzer, language: string, text: string): string[] {
  const stems: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const s = analyzer.lexiconStem(m[0], language);
    if (s) stems.push(s);
  }
  return analyzer.lexicon.add(language, stems);
}
