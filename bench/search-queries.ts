/**
 * The search benchmark's queries, drawn from sampled documents of the corpus the way users search: a word
 * of an item title as written (often inflected), two title words, a word of the running text, a compound's
 * part, a surname, a full name, a body's name as a phrase, and words with filters (language, kind, year,
 * body, person). Rare and common terms come as the corpus has them; nothing is picked for speed.
 */
import type { Analyzer } from '../src/search/analysis/analyzer.js';
import { tokenize } from '../src/search/analysis/tokenize.js';
import type { SearchOptions } from '../src/search/query/search.js';
import type { Rng } from './synthetic-corpus.js';
import type { SyntheticDocument } from './synthetic-corpus.js';

export interface BenchQuery {
  kind: string;
  q: string;
  options: SearchOptions;
}

const words = (s: string, min = 5) =>
  tokenize(s)
    .map((t) => t.text)
    .filter((w) => w.length >= min && !/\d/.test(w));

/** One query of a drawn kind about this document, or null when the document has nothing for it. */
export function pickQuery(doc: SyntheticDocument, rng: Rng, analyzer: Analyzer): BenchQuery | null {
  const { meta } = doc;
  const titleWords = words(rng.pick(meta.itemTitles.length > 0 ? meta.itemTitles : [meta.title]));
  const textWords = words(doc.text, 6);
  const person = meta.participants.length > 0 ? rng.pick(meta.participants) : null;
  const kind = rng.weighted([
    ['title-word', 4], ['title-words', 2], ['text-word', 3], ['compound-part', 2], ['surname', 2],
    ['full-name', 1], ['body-phrase', 1], ['filtered', 3], ['person-filter', 1],
  ] as const); // prettier-ignore
  switch (kind) {
    case 'title-word':
      return titleWords.length > 0 ? { kind, q: rng.pick(titleWords), options: {} } : null;
    case 'title-words':
      return titleWords.length > 1 ? { kind, q: rng.sample(titleWords, 2).join(' '), options: {} } : null;
    case 'text-word':
      return textWords.length > 0 ? { kind, q: rng.pick(textWords), options: {} } : null;
    case 'compound-part': {
      const long = textWords.filter((w) => w.length >= 12);
      if (long.length === 0) return null;
      const word = rng.pick(long);
      const parts = analyzer.indexTerms(word, meta.language).filter((t) => t.length >= 4 && !word.toLowerCase().startsWith(t)); // prettier-ignore
      return parts.length > 0 ? { kind, q: rng.pick(parts), options: {} } : null;
    }
    case 'surname':
      return person ? { kind, q: person.split(' ').pop() ?? person, options: {} } : null;
    case 'full-name':
      return person ? { kind, q: `"${person}"`, options: {} } : null;
    case 'body-phrase':
      return { kind, q: `"${meta.body}"`, options: {} };
    case 'filtered': {
      if (titleWords.length === 0) return null;
      const year = meta.date.slice(0, 4);
      const filter = rng.pick<SearchOptions>([
        { language: meta.language },
        { kind: meta.kind },
        { from: `${year}-01-01`, to: `${year}-12-31` },
        { body: meta.body.split(' ').pop() ?? meta.body },
      ]);
      return { kind, q: rng.pick(titleWords), options: filter };
    }
    case 'person-filter':
      return person && titleWords.length > 0 ? { kind, q: rng.pick(titleWords), options: { person } } : null;
  }
}
