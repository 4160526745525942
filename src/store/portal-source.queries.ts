import type { Sql } from './db.js';

/** The portal's source view: a document's text and field spans, with what is not public cut out. */

export interface DocumentSource {
  document: { id: string; meeting_id: string; file_name: string; kind: string; language: string };
  /** The document's normalised text with its non-public parts cut out. */
  text: string;
  /** Where in `text` a non-public part was cut out. */
  withheld: number[];
  /** Each public field's [start, end) in `text`, by JSON Pointer. */
  spans: Map<string, [number, number]>;
}

/**
 * The text of a public meeting's public document (its first, as the meeting page orders them, when
 * `documentId` is null), with the spans its fields came from. Non-public items and attachments are cut
 * out of the text and their spans left out, so nothing of them leaves the store.
 */
export async function findDocumentSource(
  db: Sql,
  meetingId: string,
  documentId: string | null,
): Promise<DocumentSource | null> {
  const [doc] = await db.query<DocumentSource['document'] & { text: string }>(
    `SELECT d.id, d.meeting_id, d.file_name, d.kind, d.language, d.text
     FROM documents d JOIN meetings m ON m.id = d.meeting_id AND m.public
     WHERE d.meeting_id = $1 AND d.public AND ($2::text IS NULL OR d.id = $2)
     ORDER BY d.kind = 'minutes' DESC, d.source_path LIMIT 1`,
    [meetingId, documentId],
  );
  if (!doc) return null;
  const [spans, hiddenItems, hiddenAttachments] = await Promise.all([
    db.query<{ pointer: string; s: number; e: number }>(
      `SELECT x.key AS pointer, (x.value->>0)::int AS s, (x.value->>1)::int AS e
       FROM provenance p CROSS JOIN json_each(p.spans) x WHERE p.document_id = $1`,
      [doc.id],
    ),
    db.query<{ ordinal: number; title: string }>(
      'SELECT ordinal, title FROM items WHERE document_id = $1 AND NOT public',
      [doc.id],
    ),
    db.query<{ item: number; ordinal: number; name: string }>(
      `SELECT i.ordinal AS item, a.ordinal, a.name FROM attachments a JOIN items i ON i.id = a.item_id
       WHERE a.document_id = $1 AND NOT a.public`,
      [doc.id],
    ),
  ]);
  const { text, ...rest } = doc;
  return {
    document: rest,
    ...redactText(
      text,
      spans.map((r) => [r.pointer, r.s, r.e]),
      new Set([...hiddenItems.map((r) => `/items/${r.ordinal}`), ...hiddenAttachments.map((r) => `/items/${r.item}/attachments/${r.ordinal}`)]), // prettier-ignore
      [...hiddenItems.map((r) => r.title), ...hiddenAttachments.map((r) => r.name)],
    ),
  };
}

/**
 * Cuts out of `text` the spans of hidden items and attachments (and of everything under their pointers)
 * and every other place their titles are written (a list of contents), and moves the other spans to
 * match; a span wholly inside a cut is dropped. A hidden item without a span hides the whole text.
 */
export function redactText(
  text: string,
  spans: readonly (readonly [string, number, number])[],
  hidden: ReadonlySet<string>,
  hiddenTitles: readonly string[] = [],
): Pick<DocumentSource, 'text' | 'withheld' | 'spans'> {
  const isHidden = (pointer: string) => {
    const m = /^(\/items\/\d+)(\/attachments\/\d+)?/.exec(pointer);
    return m !== null && (hidden.has(m[1] ?? '') || (m[2] !== undefined && hidden.has(m[0])));
  };
  const spanned = new Set(spans.map(([pointer]) => pointer));
  // An attachment is cut where its name is written; an item needs its span.
  if ([...hidden].some((h) => !h.includes('/attachments/') && !spanned.has(h)))
    return { text: '', withheld: [0], spans: new Map() };
  const ranges: [number, number][] = spans.filter(([p, s, e]) => isHidden(p) && e > s).map(([, s, e]) => [s, e]); // prettier-ignore
  const lower = text.toLowerCase();
  for (const title of hiddenTitles.map((x) => x.trim().toLowerCase()).filter((x) => x.length >= 4)) {
    for (let at = lower.indexOf(title); at >= 0; at = lower.indexOf(title, at + title.length)) {
      ranges.push([at, at + title.length]);
    }
  }
  const cuts: [number, number][] = [];
  for (const [s, e] of ranges.sort((a, b) => a[0] - b[0])) {
    const last = cuts.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else cuts.push([s, e]);
  }
  let out = '';
  let at = 0;
  const withheld: number[] = [];
  for (const [s, e] of cuts) {
    out += text.slice(at, s);
    withheld.push(out.length);
    at = e;
  }
  out += text.slice(at);
  /** An offset of the original text in the cut text; inside a cut, where the cut is. */
  const move = (x: number) => {
    let removed = 0;
    for (const [s, e] of cuts) {
      if (x <= s) break;
      removed += Math.min(x, e) - s;
    }
    return x - removed;
  };
  const moved = new Map<string, [number, number]>();
  for (const [pointer, s, e] of spans) {
    if (isHidden(pointer)) continue;
    const [ms, me] = [move(s), move(e)];
    if (me > ms) moved.set(pointer, [ms, me]);
  }
  return { text: out, withheld, spans: moved };
}
