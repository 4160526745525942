import { anyOffsetIn, firstOffsetFrom, isLowerWordLetter } from './scan.js';

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
  /** Verbs of deciding that a decision told after an adverbial turns on ('I övrigt beslutade nämnden …'). */
  decisionVerb: [
    'beslutade',
    'beslöt',
    'godkände',
    'antecknade',
    'konstaterade',
    'päätti',
    'hyväksyi',
    'totesi',
    'merkitsi',
  ],
  /** Words of electing the chair and of who acted as secretary, inside items. */
  chairElected: ['puheenjohtajaksi'],
  secretaryActed: ['sihteerinä'],
} as const;

/**
 * Words found in any letter case: the verbs that may open an assigned task (counted only where they end a
 * word: 'vie', not 'viestintä'), the words that may open a label of the next meeting, the stems of naming
 * the minutes' checkers, and the words of attachments.
 */
export const CASELESS_CUE_WORDS = {
  taskVerb: [
    'laatii',
    'valmistelee',
    'selvittää',
    'kokoaa',
    'vie',
    'tekee',
    'toimittaa',
    'kutsuu',
    'ryhtyy',
    'huolehtii',
    'järjestää',
    'lähettää',
    'päivittää',
    'valmistelevat',
    'laativat',
    'selvittävät',
    'kokoavat',
    'tar fram',
    'bereder',
    'utreder',
    'sammanställer',
    'kallar',
  ],
  nextMeetingLabel: ['seuraava', 'nästa', 'next meeting'],
  checkers: ['tarkastaj', 'justerare'],
  /** The beginnings of the words that name attachments ('Liite 3', 'liitteinä', 'Bilaga'). */
  attachment: ['liit', 'bilag'],
  /** The extensions of attached files, and the units of their sizes ('(120 kt)'). */
  fileExtension: ['.pdf', '.doc', '.xls', '.ppt', '.odt'],
  fileSize: ['kt)', 'kb)', 'mb)', 'mt)'],
} as const;

export type CueKind = keyof typeof CUE_WORDS | keyof typeof CASELESS_CUE_WORDS;

/** Kinds whose words count only where the word ends: no letter a–z, å, ä, ö, é (in any case) or digit follows. */
const WHOLE_WORD_KINDS: ReadonlySet<CueKind> = new Set<CueKind>(['taskVerb']);

const KINDS = [...Object.keys(CUE_WORDS), ...Object.keys(CASELESS_CUE_WORDS)] as CueKind[];
const INDEX_OF_KIND = Object.fromEntries(KINDS.map((kind, index) => [kind, index])) as Record<
  CueKind,
  number
>;

/**
 * Letter case folded for the characters of Latin-1 (A–Z, À–Þ but ×): what the scan compares and hashes.
 * Beyond Latin-1 a character stands for itself.
 */
const FOLDED = new Uint16Array(256).map((_, code) =>
  (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7) ? code + 32 : code,
);

function foldedCode(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code < 256 ? (FOLDED[code] as number) : code;
}

interface CueWord {
  word: string;
  ignoreCase: boolean;
  kind: number;
  wholeWord: boolean;
}

/**
 * Every cue word is at least three characters long; the words are filed by a hash of their first three
 * characters, and the scan tests only the words filed under the hash of the three characters at each place,
 * and only when the fourth character there is one that a word filed there has (or one of them has only
 * three). The hash is of each character's code with bit 5 set (`| 32`): that folds A–Z and À–Þ to their lower
 * case, so a word matches wherever its letters do in any case, and what else it joins only costs a test.
 * Shortest first, so each kind is recorded with the length of its shortest word there.
 */
const HASH_SIZE = 1 << 16;
const WORDS_BY_HASH: CueWord[][] = [[]];
const SLOT_OF_HASH = new Uint16Array(HASH_SIZE);
/** A bit per hash under which words are filed: 8 KB that the scan reads at every place, and that stay in cache. */
const FILED = new Int32Array(HASH_SIZE >>> 5);
/** Per slot, a bit for each fourth character (modulo 32, which `| 32` leaves alone) of the words filed there. */
const FOURTH_CHARS_OF_SLOT: number[] = [0];

function trigramHash(a: number, b: number, c: number): number {
  return (a * 961 + b * 31 + c) & (HASH_SIZE - 1);
}

for (const [kind, words, ignoreCase] of [
  ...Object.entries(CUE_WORDS).map(([kind, words]) => [kind, words, false] as const),
  ...Object.entries(CASELESS_CUE_WORDS).map(([kind, words]) => [kind, words, true] as const),
]) {
  for (const word of words as readonly string[]) {
    if (word.length < 3) throw new Error(`cue word '${word}' is shorter than three characters`);
    const hash = trigramHash(word.charCodeAt(0) | 32, word.charCodeAt(1) | 32, word.charCodeAt(2) | 32);
    if (SLOT_OF_HASH[hash] === 0) {
      SLOT_OF_HASH[hash] = WORDS_BY_HASH.push([]) - 1;
      FOURTH_CHARS_OF_SLOT.push(0);
      (FILED[hash >>> 5] as number) |= 1 << (hash & 31);
    }
    const slot = SLOT_OF_HASH[hash] as number;
    (FOURTH_CHARS_OF_SLOT[slot] as number) |= word.length === 3 ? -1 : 1 << (word.charCodeAt(3) & 31);
    const filed = WORDS_BY_HASH[slot] as CueWord[];
    const cueWord = {
      word: ignoreCase ? word.toLowerCase() : word,
      ignoreCase,
      kind: INDEX_OF_KIND[kind as CueKind],
      wholeWord: WHOLE_WORD_KINDS.has(kind as CueKind),
    };
    filed.push(cueWord);
  }
}
for (const filed of WORDS_BY_HASH) filed.sort((x, y) => x.word.length - y.word.length);

function isWordCodeAfter(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const code = foldedCode(text, at);
  return isLowerWordLetter(code) || (code >= 48 && code <= 57);
}

function wordAt(text: string, at: number, cue: CueWord): boolean {
  const { word } = cue;
  if (at + word.length > text.length) return false;
  if (cue.ignoreCase) {
    for (let i = 0; i < word.length; i += 1)
      if (foldedCode(text, at + i) !== word.charCodeAt(i)) return false;
  } else if (!text.startsWith(word, at)) return false;
  return !cue.wholeWord || !isWordCodeAfter(text, at + word.length);
}

interface Spans {
  starts: number[];
  ends: number[];
}

/** Where a text's cue words are. */
export interface CueWords {
  /** Whether a word of `kind` lies wholly between `from` and `to`. */
  has(kind: CueKind, from: number, to: number): boolean;
  /** Whether a word of `kind` begins between `from` and `to`. */
  beginsIn(kind: CueKind, from: number, to: number): boolean;
  /** Where the first word of `kind` at or after `from` begins, or -1. */
  next(kind: CueKind, from: number): number;
}

/** Finds every place where a cue word begins, overlapping ones included, in one scan. */
export function findCueWords(text: string): CueWords {
  const spans: Spans[] = KINDS.map(() => ({ starts: [], ends: [] }));
  const length = text.length;
  // Past the end charCodeAt gives NaN, which `| 32` turns into 32: the hash stays a small integer.
  let a = text.charCodeAt(0) | 32;
  let b = text.charCodeAt(1) | 32;
  for (let at = 0; at + 2 < length; at += 1) {
    const c = text.charCodeAt(at + 2) | 32;
    const hash = trigramHash(a, b, c);
    a = b;
    b = c;
    if (((FILED[hash >>> 5] as number) & (1 << (hash & 31))) === 0) continue;
    const slot = SLOT_OF_HASH[hash] as number;
    if (((FOURTH_CHARS_OF_SLOT[slot] as number) & (1 << (text.charCodeAt(at + 3) & 31))) === 0) continue;
    const filed = WORDS_BY_HASH[slot] as CueWord[];
    for (let i = 0; i < filed.length; i += 1) {
      const cue = filed[i] as CueWord;
      const found = spans[cue.kind] as Spans;
      const count = found.starts.length;
      if ((count > 0 && found.starts[count - 1] === at) || !wordAt(text, at, cue)) continue;
      found.starts.push(at);
      found.ends.push(at + cue.word.length);
    }
  }
  return {
    has(kind, from, to) {
      return spansWithin(spans[INDEX_OF_KIND[kind]] as Spans, from, to);
    },
    beginsIn(kind, from, to) {
      return anyOffsetIn((spans[INDEX_OF_KIND[kind]] as Spans).starts, from, to);
    },
    next(kind, from) {
      const { starts } = spans[INDEX_OF_KIND[kind]] as Spans;
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
