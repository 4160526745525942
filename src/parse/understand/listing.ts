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

/** Entries of a page that lists several meetings' materials, each with its key message. */
export function readListing(text: string, from: number, to: number): FoundEntry[] {
  const heads = [...text.slice(from, to).matchAll(ENTRY_LINE)].map((m) => ({
    start: from + m.index,
    end: from + m.index + m[0].length,
    published: m[1] ?? '',
    title: cleanText(m[2] ?? ''),
  }));
  return heads.map((head, i) => {
    const bodyEnd = heads[i + 1]?.start ?? to;
    const paragraphs = text
      .slice(head.end, bodyEnd)
      .split(/\n/u)
      .map((line) => cleanText(line))
      .filter((line) => line !== '' && !BOILERPLATE.test(line) && line.length > 25);
    const published = findDates(head.published)[0]?.iso ?? null;
    const meetingDate =
      findDates(head.title)
        .filter((d) => d.iso)
        .pop()?.iso ?? null;
    return {
      entry: {
        published,
        title: head.title,
        meeting_date: meetingDate,
        summary: paragraphs.length > 0 ? paragraphs.join(' ') : null,
      },
      span: [head.start, bodyEnd] as Span,
    };
  });
}
