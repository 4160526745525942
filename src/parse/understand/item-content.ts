import type { Span } from '../../domain/minutes.js';
import { CUE_WORDS, type CueWords } from './cue-words.js';
import { beginsWithOneOf, followsWordChar, indexBetween, initialsOf, isDigit, isSpaceAt } from './scan.js';
import { cleanText } from './text-span.js';

/** What a meeting notes of its last items: that nothing else is on the list, and when the next meeting is. */
const NOTICE = String.raw`Ei muita asioita|Inga övriga ärenden|Seuraava kokous pidetään|Nästa (?:möte|sammanträde) hålls`;
const NOTICE_START = new RegExp(`^(?:${NOTICE})`, 'u');
/** Sentences that record what was decided or noted. */
const DECISION_START = new RegExp(
  String.raw`^(?:${NOTICE}|Päätettiin|Hyväksyttiin|Merkittiin|Todettiin|Valittiin|Nimettiin|Sovittiin|Keskusteltiin ja (?:päätettiin|todettiin)|Kokous (?:päätettiin|hyväksyi|päätti)|Puheenjohtaja (?:avasi|päätti|totesi)|Päätös|Päätökset|Beslut|Beslöt|Beslutades|Godkändes|Antecknades|Konstaterades|Valdes|Sammanträdet (?:konstaterades|förklarades)|Ordföranden (?:öppnade|avslutade)|Kvalt|Khall|Kh|Ltk|Decision|Decided|Approved|Noted|Äänestyksen jälkeen|Efter (?:omröstning|votering))(?![\p{L}\p{N}])`,
  'u',
);
const DECISION_INSIDE =
  /^(?:\p{Lu}[\p{L}-]*\s){0,3}(?:päätti|päättivät|hyväksyi|totesi|merkitsi|valitsi|avasi|beslöt|beslutade|godkände|öppnade|avslutade)(?![\p{L}\p{N}])/u;
/** A decision told after an adverbial ('I de övriga ärendena beslutade stadsstyrelsen …', 'Asiassa kunnanhallitus päätti …'). */
const DECISION_INVERTED =
  /^(?:(?:[\p{L}-]+[ \t]){1,6}(?:beslutade|beslöt|godkände|antecknade|konstaterade)[ \t]+\p{Ll}*(?:styrelsen|nämnden|fullmäktige|sektionen|gruppen|utskottet|direktionen|rådet|mötet|sammanträdet)|(?:[\p{L}-]+[ \t]){1,3}\p{Ll}*(?:hallitus|lautakunta|valtuusto|jaosto|työryhmä|ohjausryhmä|johtoryhmä|toimikunta|neuvosto)[ \t]+(?:päätti|hyväksyi|totesi|merkitsi))(?![\p{L}\p{N}])/u;
/** Sentences that propose what the meeting should do. */
const PROPOSAL_START =
  /^(?:Päätösehdotus|Ehdotus|Esitys|Esittelijän ehdotus|Pohjaesitys|Merkitään|Hyväksytään|Käydään|Päätetään|Todetaan|Valitaan|Nimetään|Saatetaan|Linjataan|Keskustellaan|Ehdotetaan|Esitetään|Puheenjohtaja avaa|Förslag|Beslutsförslag|Föreslås|Antecknas|Godkänns|Konstateras|Proposal)(?![\p{L}\p{N}])/u;
const PROPOSAL_INSIDE =
  /^(?:\p{Lu}[\p{L}-]*\s){1,3}(?:päättää|esittää|hyväksyy|merkitsee|beslutar|föreslår|godkänner)(?![\p{L}\p{N}])/u;
const EVENT_SENTENCE =
  /(?<![\p{L}\p{N}])(?:poistui|poistuivat|saapui|saapuivat|avlägsnade|anlände|oli poissa)(?![\p{L}\p{N}])/u;
const ATTACHMENT_WORDS = [
  'Liite',
  'Liitteet',
  'Liitteenä',
  'Bilaga',
  'Bilagor',
  'Diat liitteenä',
  'Esitys liitteenä',
];
const ATTACHMENT_START = new RegExp(`^(?:${ATTACHMENT_WORDS.join('|')})(?![\\p{L}\\p{N}])`, 'u');
const ATTACHMENT_INSIDE = /(?<![\p{L}\p{N}])liittee(?:nä|inä)\s+\d/u;
const LABEL_WORDS = [
  'Päätösehdotus',
  'Ehdotus',
  'Esitys',
  'Esittelijän ehdotus',
  'Pohjaesitys',
  'Päätös',
  'Beslut',
  'Förslag',
  'Beslutsförslag',
  'Alustava esitys',
  'Kokouskäsittely',
  'Käsittely',
  'Behandling',
  'Perustelut',
  'Selostus',
  'Valmistelija',
  'Beredare',
  'Lisätiedot',
  'Tiedoksi',
  'Täytäntöönpano',
  'Föredragande',
  'Esittelijä',
  'Liitteet',
  'Bilagor',
  'Muutoksenhaku',
  'Oheismateriaali',
  'Valmistelijat',
];
const LABEL = new RegExp(`^(${LABEL_WORDS.join('|')})(?![\\p{L}-])`, 'u');

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SENTENCE_END = /[.!?]+(?=\s+(?:\p{Lu}|\d|[-–•➤*"”]))/gu;
const RUN_ON_CUE = new RegExp(`\\s+(?=(?:${CUE_WORDS.runOn.join('|')})(?![\\p{L}\\p{N}]))`, 'gu');

export interface Sentence {
  text: string;
  start: number;
  end: number;
  marked: boolean;
  /** An arrival or departure note. */
  event: boolean;
  /** An arrival, departure or attachment note: never part of a proposal or decision. */
  aside: boolean;
  /** Holds a verb of deciding that may come after an adverbial ('… beslutade stadsstyrelsen'). */
  decisionVerb: boolean;
}

/** Splits an item's body into sentences and marked lines (➤ or bold), keeping offsets. */
export function splitSentences(text: string, from: number, to: number, cues: CueWords): Sentence[] {
  const sentences: Sentence[] = [];
  const bodyHasMarks = indexBetween(text, '➤', from, to) >= 0 || indexBetween(text, '**', from, to) >= 0;
  for (let lineStart = from; lineStart < to;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = Math.min(to, newline < 0 ? text.length : newline);
    const lineIndex = lineStart;
    lineStart = (newline < 0 ? text.length : newline) + 1;
    if (lineEnd <= lineIndex) continue;
    const lineText = text.slice(lineIndex, lineEnd);
    const marked =
      bodyHasMarks &&
      (lineText.includes('➤') || lineText.includes('**')) &&
      (/^\s*(?:[-•]\s*)?➤/u.test(lineText) || /^\s*(?:[-•]\s*)?\*\*.*\*\*\s*$/u.test(lineText)) &&
      /\S/u.test(lineText.replace(/[➤*\s-]/gu, ''));
    // Flattened memos run sentences together: also cut before a cue word that opens a proposal or decision.
    const cuts: number[] = [];
    SENTENCE_END.lastIndex = 0;
    for (let b = SENTENCE_END.exec(lineText); b; b = SENTENCE_END.exec(lineText))
      cuts.push(b.index + b[0].length);
    // Flattened memos run sentences together: also cut before a cue word that opens a proposal or decision.
    if (cues.has('runOn', lineIndex, lineEnd)) {
      RUN_ON_CUE.lastIndex = 0;
      for (let b = RUN_ON_CUE.exec(lineText); b; b = RUN_ON_CUE.exec(lineText)) {
        if (/[\p{Ll}\d)]/u.test(lineText[b.index - 1] ?? '')) cuts.push(b.index);
      }
      cuts.sort((a, b) => a - b);
    }
    let pieceStart = lineIndex;
    cuts.push(lineText.length);
    for (const cut of cuts) {
      let start = pieceStart;
      let end = lineIndex + cut;
      pieceStart = end;
      while (start < end && isSpaceAt(text, start)) start += 1;
      while (end > start && isSpaceAt(text, end - 1)) end -= 1;
      // Nothing but marks ('##' before the next item's number, '---', '**'): no sentence.
      if (start === end || (end - start <= 3 && !WORD_CHAR.test(text.slice(start, end)))) continue;
      sentences.push({
        text: text.slice(start, end),
        start,
        end,
        marked,
        event: false,
        aside: false,
        decisionVerb: false,
      });
    }
  }
  const merged = mergeAbbreviations(text, sentences);
  const anyDecisionVerb = cues.has('decisionVerb', from, to);
  for (const sentence of merged) {
    sentence.event =
      cues.has('eventNote', sentence.start, sentence.end) && EVENT_SENTENCE.test(sentence.text);
    sentence.aside = sentence.event || isAttachmentNote(sentence, cues);
    sentence.decisionVerb = anyDecisionVerb && cues.has('decisionVerb', sentence.start, sentence.end);
  }
  return merged;
}

const ABBREVIATION_END =
  /(?:(?<![\p{L}\p{N}])(?:ks|esim|mm|ym|yms|ns|pj|siht|klo|kl|n|ca|t\.ex|bl\.a|s|v|vs|vt|va|pol|tms|jne|nro|puh)\.|(?<![\p{L}\p{N}])\d{1,2}\.)$/iu;

/** The longest run of letters and digits an abbreviation or ordinal ends with before its full stop. */
const LONGEST_ABBREVIATION_RUN = 4;

function endsWithAbbreviation(piece: string): boolean {
  if (!piece.endsWith('.')) return false;
  const stop = piece.length - 1;
  let start = stop;
  while (start > 0 && stop - start <= LONGEST_ABBREVIATION_RUN && followsWordChar(piece, start)) start -= 1;
  const run = stop - start;
  // A clock or a date ends the sentence it closes ('… klo 10.15.', '… pidetään 4.4.'): it is no ordinal.
  if (piece.charCodeAt(start - 1) === 0x2e && isDigit(piece.charCodeAt(start - 2))) return false;
  return run >= 1 && run <= LONGEST_ABBREVIATION_RUN && ABBREVIATION_END.test(piece.slice(-12));
}

/**
 * Joins the pieces cut after an abbreviation ('esim.', 'klo') or an ordinal ('3.') to the piece after them, unless
 * a blank line parts them or the next piece opens with a label ('… bilaga 1.' / 'Behandling').
 */
function mergeAbbreviations(text: string, sentences: Sentence[]): Sentence[] {
  const merged: Sentence[] = [];
  let lastPiece = '';
  for (const s of sentences) {
    const last = merged[merged.length - 1];
    if (
      last &&
      last.marked === s.marked &&
      s.start - last.end <= 2 &&
      endsWithAbbreviation(lastPiece) &&
      !text.slice(last.end, s.start).includes('\n\n') &&
      labelOf(s.text) === null
    ) {
      last.text = `${last.text} ${s.text}`;
      last.end = s.end;
    } else merged.push(s);
    lastPiece = s.text;
  }
  return merged;
}

/** Whether the character code is one a marked line may open with, before its text: '-', '•', '➤', '*'. */
function isMarkStart(code: number): boolean {
  return code === 0x2d || code === 0x2022 || code === 0x27a4 || code === 0x2a;
}

function stripMarks(sentence: string): string {
  if (!isMarkStart(sentence.charCodeAt(0)) && !isSpaceAt(sentence, 0)) return sentence;
  return sentence.replace(/^[\s\-•]*(?:➤\s*)?(?:\*\*)?/u, '');
}

/** Whether the sentence only notes that nothing else is on the list or when the next meeting is. */
export function isNoticeSentence(sentence: string): boolean {
  return NOTICE_START.test(sentence);
}

/**
 * Whether the sentence records a decision. `mayBeInverted` false says that it holds none of the verbs a
 * decision told after an adverbial needs (CUE_WORDS.decisionVerb), which spares that costly test.
 */
export function isDecisionSentence(sentence: string, mayBeInverted = true): boolean {
  const s = stripMarks(sentence);
  return DECISION_START.test(s) || DECISION_INSIDE.test(s) || (mayBeInverted && DECISION_INVERTED.test(s));
}

export function isProposalSentence(sentence: string): boolean {
  const s = stripMarks(sentence);
  return PROPOSAL_START.test(s) || PROPOSAL_INSIDE.test(s);
}

/** The first letters of the words an attachment note opens with. */
const ATTACHMENT_INITIALS = initialsOf(ATTACHMENT_WORDS);
/** The first letters of the labels. */
const LABEL_INITIALS = initialsOf(LABEL_WORDS);

/** Whether the sentence notes an attachment ('Liite 1: …', '… liitteenä 2 …'). */
function isAttachmentNote(sentence: Sentence, cues: CueWords): boolean {
  const s = stripMarks(sentence.text);
  return (
    (beginsWithOneOf(ATTACHMENT_INITIALS, s) && ATTACHMENT_START.test(s)) ||
    (cues.has('attachmentNote', sentence.start, sentence.end) && ATTACHMENT_INSIDE.test(s))
  );
}

/** A proposal labelled with whose it is, on a line of its own: 'Kunnanjohtajan ehdotus', 'Kommundirektörens förslag'. */
export const PROPOSER_LABEL_WORDS = String.raw`\p{Lu}\p{Ll}+[ns] (?:ehdotus|päätösehdotus|esitys|förslag|beslutsförslag)`;
const PROPOSER_LABEL = new RegExp(String.raw`^(${PROPOSER_LABEL_WORDS})[\s*]*:?[\s*]*$`, 'u');

export function labelOf(sentence: string): string | null {
  const s = stripMarks(sentence);
  const m = beginsWithOneOf(LABEL_INITIALS, s) ? LABEL.exec(s) : null;
  if (m) return m[1] ?? null;
  return endsLikeProposerLabel(s) ? (PROPOSER_LABEL.exec(s)?.[1] ?? null) : null;
}

/** Whether the text ends with 'ehdotus', 'esitys' or 'förslag', then at most a colon and bold marks. */
function endsLikeProposerLabel(text: string): boolean {
  let end = text.length;
  while (end > 0 && ' \t\n*:'.includes(text.charAt(end - 1))) end -= 1;
  return (
    text.startsWith('ehdotus', end - 7) ||
    text.startsWith('esitys', end - 6) ||
    text.startsWith('förslag', end - 7)
  );
}

export interface TextField {
  value: string;
  span: Span;
}

/** Joins sentences into one field, with the span from the first to the last. */
export function joinSentences(sentences: Sentence[]): TextField | null {
  const first = sentences[0];
  const last = sentences[sentences.length - 1];
  if (!first || !last) return null;
  const value = cleanText(sentences.map((s) => stripMarks(s.text)).join(' '));
  return value === '' ? null : { value, span: [first.start, last.end] };
}
