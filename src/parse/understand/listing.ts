import type { ListingEntry, Span } from '../../domain/minutes.js';
import { findDates } from './dates.js';
import { cleanText } from './text-span.js';

export interface FoundEntry {
  entry: ListingEntry;
  span: Span;
}

// "19.9.2017Vammaisten palvelut -ryhmän kokous 7.9.2017" or "19.9.2017 Title": a dated line opening an entry.
const ENTRY_LINE = /^[ \t]*(\d{1,2}\.\d{1,2}\.\d{4})[ \t]*(?:[|–-][ \t]*)?(\p{Lu}[^\n]{3,200})$/gmu;
const BOILERPLATE =
  /^(?:Lue lisää|Läs mer|Read more|Muistiot?|Minnesanteckningar|Pöytäkirjat?|Esityslistat?|>|»)(?![\p{L}\p{N}])|Kommenttia|kommentarer|^\s*>\s/iu;

interface EntryHead {
  start: number;
  end: number;
  published: string | null;
  title: string;
  meetingDate: string | null;
}

// "Julkaistu 3.11.2021 · Kokouspäivä 2.11.2021" under a title line.
const PUBLISHED_LINE =
  /^[ \t]*(?:Julkaistu|Published|Publicerad|Julkaisupäivä)\s*:?\s*(\d{1,2}\.\d{1,2}\.\d{4})([^\n]*)$/gmu;
const FILE_LINK =
  /\((?:PDF|DOCX?|XLSX?|PPTX?)[^)]*\)|^\s*-\s*(?:Esityslista|Pöytäkirja|Muistio|Liite|Föredragningslista|Protokoll)\s*$|^\s*(?:pdf|docx?|xlsx?|pptx?)\s*\(\d+\s*(?:kt|kb|mb|mt)\)\s*$/iu;
// "2015-06-18" or "Publicerad 10.5.2015" alone on a line, the entry's title on the next.
const DATE_THEN_TITLE =
  /^[ \t]*(?:(?:Julkaistu|Published|Publicerad|Julkaisupäivä)\s*:?\s*)?(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})[ \t]*\n[ \t]*(\p{Lu}[^\n]{3,200})$/gmu;

function datedTitleHeads(text: string, from: number, to: number, pattern = ENTRY_LINE): EntryHead[] {
  return [...text.slice(from, to).matchAll(pattern)].map((m) => {
    const title = cleanText(m[2] ?? '');
    return {
      start: from + m.index,
      end: from + m.index + m[0].length,
      published: findDates(m[1] ?? '')[0]?.iso ?? null,
      title,
      meetingDate:
        findDates(title)
          .filter((d) => d.iso)
          .pop()?.iso ?? null,
    };
  });
}

function publishedLineHeads(text: string, from: number, to: number): EntryHead[] {
  const heads: EntryHead[] = [];
  for (const m of text.slice(from, to).matchAll(PUBLISHED_LINE)) {
    const at = from + m.index;
    const before = text.slice(Math.max(from, at - 300), at).replace(/\s+$/u, '');
    const titleLine = before.slice(before.lastIndexOf('\n') + 1);
    const title = cleanText(titleLine.replace(/^\s*[-•]\s*/u, ''));
    if (title === '') continue;
    const titleDate =
      findDates(title)
        .filter((d) => d.iso)
        .pop()?.iso ?? null;
    const meetingDate = findDates(m[2] ?? '').filter((d) => d.iso)[0]?.iso ?? titleDate;
    heads.push({
      start: at - titleLine.length,
      end: at + m[0].length,
      published: findDates(m[1] ?? '')[0]?.iso ?? null,
      title,
      meetingDate,
    });
  }
  return heads;
}

/** Entries of a page that lists several meetings' materials, each with its key message. */
export function readListing(text: string, from: number, to: number): FoundEntry[] {
  const candidates = [
    datedTitleHeads(text, from, to),
    publishedLineHeads(text, from, to),
    datedTitleHeads(text, from, to, DATE_THEN_TITLE),
  ];
  // The layout that reads the most entries; on a tie, the one listed first.
  const heads = candidates.reduce((best, next) => (next.length > best.length ? next : best));
  return heads.map((head, i) => {
    const bodyEnd = heads[i + 1]?.start ?? to;
    const paragraphs = text
      .slice(head.end, bodyEnd)
      .split('\n')
      .filter((line) => !FILE_LINK.test(line))
      .map((line) => cleanText(line).replace(/^(?:Ydinviesti|Kärnbudskap|Key message)\s*:\s*/iu, ''))
      .filter((line) => line !== '' && !BOILERPLATE.test(line) && line.length > 25);
    return {
      entry: {
        published: head.published,
        title: head.title,
        meeting_date: head.meetingDate,
        summary: paragraphs.length > 0 ? paragraphs.join(' ') : null,
      },
      span: [head.start, bodyEnd] as Span,
    };
  });
}
