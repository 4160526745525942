import type { CueWords } from './cue-words.js';
import { cleanText } from './text-span.js';

/** Where the document proper lies inside a page that wraps it, and what the wrapper lists beside it. */
export interface DocumentFrame {
  /** Offset where the document's own text begins. */
  start: number;
  /** The wrapper page's heading, when the page wraps a transcript. */
  pageTitle: string | null;
  /** Titles of other documents the wrapper lists ('Samankaltaiset tiedostot'); never meeting content. */
  relatedTitles: string[];
}

const TRANSCRIPT_CUE = /^(?:Transkriptio|Transkript|Transcript|Full text|Koko teksti)\s*:?\s*$/imu;
const RELATED_CUE =
  /^(?:Samankaltaiset tiedostot|Liknande filer|Liknande dokument|Related documents|Similar documents)\s*$/imu;

/** Finds the transcript inside an aggregator page; a plain document is its own frame. */
export function findDocumentFrame(text: string, cues: CueWords): DocumentFrame {
  const transcript = cues.has('transcript', 0, text.length) ? TRANSCRIPT_CUE.exec(text) : null;
  if (!transcript) return { start: 0, pageTitle: null, relatedTitles: [] };
  const start = transcript.index + transcript[0].length;
  const before = text.slice(0, transcript.index);
  const firstLine = before.split('\n').find((line) => line.trim() !== '');
  const related = RELATED_CUE.exec(before);
  const relatedTitles = related
    ? before
        .slice(related.index + related[0].length)
        .split('\n')
        .map(cleanText)
        .filter((line) => line !== '')
    : [];
  return { start, pageTitle: firstLine ? cleanText(firstLine) : null, relatedTitles };
}
