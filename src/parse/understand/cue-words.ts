import { firstOffsetFrom, longestWordPattern } from './scan.js';

/**
 * Words that tell where a document may hold something (a movement, a vote, the recorder …): found in one
 * scan of the whole text, then asked per item, line and sentence.
 */
export const CUE_WORDS = {
  /** Verbs of arriving and leaving ('poistui', 'anlände'). */
  movement: [
    'poistui',
    'saapui',
    'avlägsnade',
    'anlände',
    'anslöt',
    'lämnade',
    'oli poissa',
    'kom till mötet',
    'left the',
    'arrived',
  ],
  /** Stems of a note that someone arrived or left. */
  eventNote: ['poistu', 'saapu', 'avlägsnade', 'anlände', 'oli poissa'],
  /** The stem of a note that something is attached ('liitteenä 2'). */
  attachmentNote: ['liittee'],
  /** Words that open a proposal or decision, also when run on after the sentence before. */
  runOn: [
    'Hyväksyttiin',
    'Hyväksytään',
    'Merkitään',
    'Merkittiin',
    'Todettiin',
    'Päätettiin',
    'Käydään',
    'Valittiin',
    'Puheenjohtaja avasi',
    'Puheenjohtaja avaa',
    'Puheenjohtaja päätti',
  ],
  vote: ['äänin', 'äänestys', 'JAA', 'omröstning', 'rösterna', 'röster'],
  disqualified: ['esteelli', 'jäv'],
  dissent: ['eriäv', 'reserv'],
  /** Parts of the words that name who wrote the document. */
  recorder: [
    'laati',
    'kirjasi',
    'kirjoitti',
    'vakuudeksi',
    'pitäjä',
    'ekreterare',
    'rotokollför',
    'fördes av',
    'pennan',
    'Antecknat',
    'Minutes taken',
    'Sihteeri',
  ],
  /** Parts of the label of a transcript inside a page that wraps it. */
  transcript: ['Transkri', 'Transcript', 'Full text', 'Koko teksti'],
  /** Parts of the words that announce the next meeting. */
  nextMeeting: ['euraava', 'ästa', 'ext meeting'],
  /** The words a label naming who wrote the document begins with ('Muistion laati', 'Vid pennan'). */
  recorderLabel: [
    'Muistion',
    'Pöytäkirjan',
    'Muistiinpanot',
    'Vakuudeksi',
    'Sekreterare',
    'Protokollförare',
    'Protokollet fördes av',
    'Minnesanteckningarna fördes av',
    'Vid pennan',
    'Antecknat av',
    'Minutes taken by',
    'Sihteeri',
  ],
  signer: ['Puheenjohtaja', 'Ordförande', 'Pöytäkirjanpitäjä', 'Sihteeri', 'Protokollförare', 'Sekreterare'],
  /** Words of electing the chair and of who acted as secretary, inside items. */
  chairElected: ['puheenjohtajaksi'],
  secretaryActed: ['sihteerinä'],
} as const;

export type CueKind = keyof typeof CUE_WORDS;

/** Every cue word, longest first. */
const WORDS = [...new Set(Object.values(CUE_WORDS).flat())].sort((a, b) => b.length - a.length);
const ANY_WORD = new RegExp(longestWordPattern(WORDS), 'g');

/** For each cue word, the kinds found where it is, each with the length of its shortest word there. */
const KINDS_OF_WORD = new Map<string, Array<[CueKind, number]>>(
  WORDS.map((word) => [
    word,
    (Object.keys(CUE_WORDS) as CueKind[]).flatMap((kind): Array<[CueKind, number]> => {
      const prefixes = CUE_WORDS[kind].filter((w) => word.startsWith(w)).map((w) => w.length);
      return prefixes.length > 0 ? [[kind, Math.min(...prefixes)]] : [];
    }),
  ]),
);

interface Spans {
  starts: number[];
  ends: number[];
}

/** Where a text's cue words are. */
export interface CueWords {
  /** Whether a word of `kind` lies wholly between `from` and `to`. */
  has(kind: CueKind, from: number, to: number): boolean;
  /** Where the first word of `kind` at or after `from` begins, or -1. */
  next(kind: CueKind, from: number): number;
}

/** Finds every place where a cue word begins, overlapping ones included, in one scan. */
export function findCueWords(text: string): CueWords {
  // A plain object of the kinds, always made in the same order: asked many times per document, it answers
  // faster than a map.
  const spans = Object.fromEntries(
    (Object.keys(CUE_WORDS) as CueKind[]).map((kind): [CueKind, Spans] => [kind, { starts: [], ends: [] }]),
  ) as Record<CueKind, Spans>;
  ANY_WORD.lastIndex = 0;
  for (let m = ANY_WORD.exec(text); m; m = ANY_WORD.exec(text)) {
    for (const [kind, length] of KINDS_OF_WORD.get(m[0]) ?? []) {
      const found = spans[kind];
      found.starts.push(m.index);
      found.ends.push(m.index + length);
    }
    ANY_WORD.lastIndex = m.index + 1;
  }
  return {
    has(kind, from, to) {
      return spansWithin(spans[kind], from, to);
    },
    next(kind, from) {
      const { starts } = spans[kind];
      return starts[firstOffsetFrom(starts, from)] ?? -1;
    },
  };
}

/**
 * The next match of the sticky `pattern` at or after `from`, for a pattern whose every match begins with a
 * cue word of `kind`: tried only where such words begin.
 */
export function execAtCueWords(
  pattern: RegExp,
  text: string,
  cues: CueWords,
  kind: CueKind,
  from: number,
): RegExpExecArray | null {
  for (let at = cues.next(kind, from); at >= 0; at = cues.next(kind, at + 1)) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (m) return m;
  }
  return null;
}

function spansWithin({ starts, ends }: Spans, from: number, to: number): boolean {
  for (let i = firstOffsetFrom(starts, from); i < starts.length && (starts[i] as number) < to; i += 1)
    if ((ends[i] as number) <= to) return true;
  return false;
}
