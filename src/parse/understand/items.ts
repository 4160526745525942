import type { Item, Span } from '../../domain/minutes.js';
import {
  type Sentence,
  type TextField,
  isDecisionSentence,
  isProposalSentence,
  joinSentences,
  labelOf,
  PROPOSER_LABEL_WORDS,
  splitSentences,
} from './item-content.js';
import { type ItemMarker, findItemMarkers, findSubItemMarkers } from './item-segments.js';
import { findAttachments } from './attachments.js';
import { attachItemRecords } from './item-records.js';
import type { CueWords } from './cue-words.js';
import { isFirstName } from '../lexicon/names.js';
import { beginsWithOneOf, hasMoreLineBreaksThan, indexBetween, initialsOf } from './scan.js';
import { cleanText } from './text-span.js';

export interface ItemSpans {
  item: Span;
  title: Span;
  proposal?: Span;
  decision?: Span;
}

export interface FoundItem {
  item: Item;
  spans: ItemSpans;
  /** The item's whole region, for finding events inside it. */
  region: Span;
}

const PROPOSAL_LABELS = new RegExp(
  String.raw`^(?:Päätösehdotus|Ehdotus|Esitys|Esittelijän ehdotus|Pohjaesitys|Förslag|Beslutsförslag|Alustava esitys|${PROPOSER_LABEL_WORDS})$`,
  'u',
);
const DECISION_LABELS = /^(?:Päätös|Beslut)$/u;

/** Verbs that open a proposal or decision; in a flattened text the title ends before one. */
const OPENING_VERB =
  /^(?:Hyväksytään|Merkitään|Todetaan|Päätetään|Valitaan|Ehdotetaan|Hyväksyttiin|Merkittiin|Todettiin|Päätettiin|Valittiin|Godkänns|Antecknas|Konstateras|Beslöts|Godkändes|Antecknades|Konstaterades)$/u;

/** Labels that open a proposal or decision written on the title's line ('Beslut: …'). */
const CONTENT_LABEL = /^(?:Päätös|Päätösehdotus|Ehdotus|Esitys|Beslut|Beslutsförslag|Förslag):?$/u;
/** Who a sentence after a title often starts with ('Puheenjohtaja Anna Holm avasi …'). */
const OPENING_TITLE =
  /^(?:Puheenjohtaja|Sihteeri|Esittelijä|Ordföranden|Ordförande|Sekreteraren|Föredraganden)$/u;

/** What follows a decision without being part of it: the table of votes, the list of who was there. */
const AFTER_DECISION_WORDS = [
  'Äänestystulokset',
  'Äänestystulos',
  'Äänestyksen tulos',
  'Äänestys',
  'Omröstning',
  'Omröstningsresultat',
  'Omröstningsresultatet',
  'Läsnä',
  'Poissa',
  'Paikalla',
  'Närvarande',
  'Frånvarande',
];
const AFTER_DECISION = new RegExp(`^(?:\\*\\*)?(?:${AFTER_DECISION_WORDS.join('|')})(?![\\p{L}\\p{N}])`, 'u');
const AFTER_DECISION_INITIALS = initialsOf(['**', ...AFTER_DECISION_WORDS]);

/** Whether a sentence opens what comes after a decision: a vote's result or who was present. */
function isAfterDecision(sentence: string): boolean {
  return beginsWithOneOf(AFTER_DECISION_INITIALS, sentence) && AFTER_DECISION.test(sentence);
}

/** Where a title written on one line with its text ends: before the first capitalised word that starts a sentence. */
function findTitleEnd(text: string, start: number, limit: number, lineMode: boolean): number {
  const newline = text.indexOf('\n', start);
  let end = newline >= 0 && newline < limit ? newline : limit;
  const bold = indexBetween(text, '**', start + 1, end);
  if (bold > start && text.slice(start, bold).trim() !== '') end = bold;
  if (lineMode && end - start <= 130) return end;
  const words = /\S+/gu;
  words.lastIndex = start;
  let count = 0;
  let previous = '';
  const seen: Array<{ word: string; at: number }> = [];
  for (let m = words.exec(text); m && m.index < end; m = words.exec(text)) {
    const word = m[0];
    if (count > 0) {
      if (CONTENT_LABEL.test(word)) return m.index;
      // Any other label ('Nästa möte: …') starts with its first capitalised word.
      if (word.endsWith(':') && word.length > 2) {
        const label = [...seen.slice(-1), { word, at: m.index }].find((w) => /^\p{Lu}/u.test(w.word));
        if (label && label.at > start) return label.at;
      }
      if (
        /[.!?]$/u.test(previous) &&
        !/^(?:ks|pol|vs|vt|esim|mm|klo)\.$/iu.test(previous) &&
        /^\p{Lu}/u.test(word)
      ) {
        return m.index;
      }
      if (/^(?:ks\.|\(liite|\(Liite|liite|Liite)$/u.test(word) && count >= 2) return m.index;
      if (OPENING_VERB.test(word)) return m.index;
      // The item's history ('Kh 28.12.2022 § 104') follows its title.
      if (
        /^\p{Lu}(?:\p{Ll}{0,7}|\p{Lu}{1,6})$/u.test(word) &&
        /^\s+\d{1,2}\.\d{1,2}\.\d{4}\s+§/u.test(text.slice(m.index + word.length, m.index + word.length + 20))
      )
        return m.index;
      // A capitalised word before a lower-case one starts a sentence; Swedish 'I' too ('I piloten …').
      if (/^\p{Lu}(?:\p{Ll}|$)/u.test(word) && !/-$/u.test(previous)) {
        const after = /\S+/gu;
        after.lastIndex = m.index + word.length;
        const next = after.exec(text);
        const lower = word.length === 1 ? /^\p{Ll}{3,}$/u : /^\p{Ll}{2,}[\p{Ll},]*\.?$/u;
        if (
          next &&
          next.index < end + 1 &&
          lower.test(next[0]) &&
          count >= 1 &&
          !(word.length === 1 && /^(?:och|ja)$/u.test(next[0]))
        ) {
          const cut = sentenceStartBefore(seen, m.index);
          return subtitleEnd(text, seen, cut, end) ?? cut;
        }
      }
    }
    previous = word;
    seen.push({ word, at: m.index });
    count += 1;
    if (m.index - start > 220) return m.index;
  }
  return end;
}

/** A heading word in capitals ('FLYKTINGMOTTAGANDE', 'KOMMITTÉER', 'JA'). */
const CAPITALS_WORD = /^[\p{Lu}\d][\p{Lu}\d-]*[,:]?$/u;
/** What ends a heading's subject: a word in capitals long enough to open the next heading ('UNDERSTÖD', not 'OY'), or a label ('Beslut:'). */
const SUBJECT_END = /(?<![\p{L}\p{N}-])(?:\p{Lu}{4,}(?:-\p{Lu}+)*(?![\p{L}\p{N}-])|\p{Lu}\p{Ll}+:)/u;

/**
 * A title written as a heading in capitals and a subject after it ('FLYKTINGMOTTAGANDE Mottagande av
 * kvotflyktingar', 'BORGEN KVT-Vesihuolto OY; ansökan om kommunal borgen') keeps the subject, when the
 * subject is short, without a sentence's end, and reaches the next heading in capitals, a label or the
 * title's limit. Where it ends; null when the words at `cut` start the item's text instead.
 */
function subtitleEnd(
  text: string,
  seen: Array<{ word: string; at: number }>,
  cut: number,
  limit: number,
): number | null {
  const heading = seen.filter((w) => w.at < cut);
  if (heading.length === 0 || !heading.every((w) => CAPITALS_WORD.test(w.word))) return null;
  if (!heading.some((w) => /\p{Lu}{3}/u.test(w.word))) return null;
  const rest = text.slice(cut, Math.min(limit, cut + 100));
  const next = SUBJECT_END.exec(rest);
  const subject = next ? rest.slice(0, next.index) : limit <= cut + 100 ? rest : null;
  if (subject === null || /[.!?:]/u.test(subject) || subject.trim().length > 90) return null;
  return cut + subject.trimEnd().length;
}

/**
 * A sentence that starts with a person ('… Ordföranden Siv Blomqvist öppnade'): it starts at the person's
 * given names and title, not at the surname; the title keeps at least its first word.
 */
function sentenceStartBefore(seen: Array<{ word: string; at: number }>, at: number): number {
  let start = at;
  for (let j = seen.length - 1; j >= 1; j -= 1) {
    const word = (seen[j] as { word: string }).word;
    if (!isFirstName(word) && !OPENING_TITLE.test(word)) break;
    start = (seen[j] as { at: number }).at;
  }
  return start;
}

function classify(sentences: Sentence[]): { proposal: TextField | null; decision: TextField | null } {
  const content = sentences.filter((s) => !s.aside);
  const labelled = classifyByLabels(sentences);
  if (labelled) return labelled;
  const marked = content.filter((s) => s.marked);
  if (marked.length > 0) {
    const firstMarked = sentences.indexOf(marked[0] as Sentence);
    return { proposal: proposalBefore(sentences, firstMarked), decision: joinSentences(marked) };
  }
  const decisionAt = content.findIndex((s) => isDecisionSentence(s.text, s.decisionVerb));
  const decisionIndex =
    decisionAt >= 0 ? sentences.indexOf(content[decisionAt] as Sentence) : sentences.length;
  const tally = sentences.findIndex((s, i) => i > decisionIndex && isAfterDecision(s.text));
  const decisionSentences = sentences
    .slice(decisionIndex, tally < 0 ? undefined : tally)
    .filter((s) => !s.aside);
  return { proposal: proposalBefore(sentences, decisionIndex), decision: joinSentences(decisionSentences) };
}

function proposalBefore(sentences: Sentence[], end: number): TextField | null {
  let start = -1;
  for (let i = 0; i < end; i += 1) {
    const s = sentences[i] as Sentence;
    if (isProposalSentence(s.text) && !isDecisionSentence(s.text, s.decisionVerb)) {
      start = i;
      break;
    }
  }
  if (start < 0) return null;
  const run = sentences.slice(start, end).filter((s) => !s.aside);
  return joinSentences(run);
}

function classifyByLabels(
  sentences: Sentence[],
): { proposal: TextField | null; decision: TextField | null } | null {
  const proposal: Sentence[] = [];
  const decision: Sentence[] = [];
  let current: Sentence[] | null = null;
  let sawLabel = false;
  for (const s of sentences) {
    const label = labelOf(s.text);
    if (label) {
      sawLabel = sawLabel || PROPOSAL_LABELS.test(label) || DECISION_LABELS.test(label);
      current = PROPOSAL_LABELS.test(label) ? proposal : DECISION_LABELS.test(label) ? decision : null;
      const rest = s.text
        .replace(/^[\s*➤-]*/u, '')
        .slice(label.length)
        .replace(/^[\s:*]+/u, '');
      if (current && rest !== '') current.push({ ...s, text: rest, start: s.end - rest.length });
      continue;
    }
    if (isAfterDecision(s.text)) current = null;
    if (current && !s.event) current.push(s);
  }
  if (!sawLabel) return null;
  return { proposal: joinSentences(proposal), decision: joinSentences(decision) };
}

/** A date before a capitalised title on the item's line. */
const ITEM_DATE = /^\d{1,2}\.\d{1,2}\.\d{4}[ \t]+(?=\p{Lu})/u;
/** The dots a table of contents leads to its page number with ('Protokollets justering ... 3'). */
const TOC_LEADER = /\s+(?:\.[ \t]?){3,}\d{0,3}$|\s*…\s*\d{0,3}$/u;

function buildItem(
  text: string,
  marker: ItemMarker,
  end: number,
  lineMode: boolean,
): { found: FoundItem; bodyStart: number } {
  // '§ 45' alone on its line: the title is the next line.
  if (/^[ \t*]*\n/u.test(text.slice(marker.titleStart, marker.titleStart + 40))) {
    const next = /\S/u.exec(text.slice(marker.titleStart, end));
    if (next) marker = { ...marker, titleStart: marker.titleStart + next.index };
  }
  // '12§ 20.01.2017 KUNNANHALLITUKSEN …': the date the item was handled, then its title.
  const dated = ITEM_DATE.exec(text.slice(marker.titleStart, marker.titleStart + 40));
  if (dated) marker = { ...marker, titleStart: marker.titleStart + dated[0].length };
  const titleEnd = findTitleEnd(text, marker.titleStart, end, lineMode);
  const titleText = cleanText(text.slice(marker.titleStart, titleEnd))
    .replace(/\s+\d{1,3}$/u, '')
    .replace(TOC_LEADER, '')
    .replace(/[\s:;,–-]+$/u, '');
  const item: Item = {
    number: marker.number,
    title: titleText,
    proposal: null,
    decision: null,
    attachments: [],
  };
  const spans: ItemSpans = { item: [marker.start, end], title: [marker.titleStart, titleEnd] };
  return { found: { item, spans, region: [marker.start, end] }, bodyStart: titleEnd };
}

function fillContent(
  text: string,
  found: FoundItem,
  bodyStart: number,
  bodyEnd: number,
  cues: CueWords,
): void {
  const { proposal, decision } = classify(splitSentences(text, bodyStart, bodyEnd, cues));
  if (proposal) {
    found.item.proposal = proposal.value;
    found.spans.proposal = proposal.span;
  }
  if (decision) {
    found.item.decision = decision.value;
    found.spans.decision = decision.span;
  }
  found.item.attachments = findAttachments(text, found.region[0], found.region[1], cues);
  attachItemRecords(found.item, text, found.region[0], found.region[1], cues);
}

/** A document that is one item published alone: the title line given, its text up to `to`. */
export function readSingleItem(
  text: string,
  titleStart: number,
  titleEnd: number,
  to: number,
  cues: CueWords,
): FoundItem {
  const title = cleanText(text.slice(titleStart, titleEnd));
  const found: FoundItem = {
    item: { number: '', title, proposal: null, decision: null, attachments: [] },
    spans: { item: [titleStart, to], title: [titleStart, titleEnd] },
    region: [titleStart, to],
  };
  fillContent(text, found, titleEnd, to, cues);
  return found;
}

/** Reads every item between `from` and `to`. */
export function readItems(
  text: string,
  from: number,
  to: number,
  cues: CueWords,
  closing?: RegExp,
): FoundItem[] {
  const markers = findItemMarkers(text, from, to);
  const last = markers.reduce<ItemMarker | undefined>((a, m) => (a && a.start > m.start ? a : m), undefined);
  const closingAt = last && closing ? closing.exec(text.slice(last.titleStart, to)) : null;
  if (last && closingAt) to = last.titleStart + closingAt.index;
  const lineMode = hasMoreLineBreaksThan(text, from, to, (to - from) / 400);
  const items: FoundItem[] = [];
  markers.forEach((marker, index) => {
    const end = Math.min(marker.end ?? markers[index + 1]?.start ?? to, to);
    const { found, bodyStart } = buildItem(text, marker, end, lineMode);
    const subMarkers = findSubItemMarkers(text, bodyStart, end, marker.number);
    const firstSub = subMarkers[0];
    fillContent(text, found, bodyStart, firstSub ? firstSub.start : end, cues);
    if (firstSub) found.item.attachments = findAttachments(text, bodyStart, firstSub.start, cues);
    items.push(found);
    subMarkers.forEach((sub, subIndex) => {
      const subEnd = subMarkers[subIndex + 1]?.start ?? end;
      const built = buildItem(text, sub, subEnd, true);
      fillContent(text, built.found, built.bodyStart, subEnd, cues);
      items.push(built.found);
    });
  });
  return items;
}

/**
 * Items without numbers, as news pages of decisions write them: a short heading line, then its paragraphs.
 * Used only when at least two such sections each record a decision.
 */
export function readHeadingItems(text: string, from: number, to: number, cues: CueWords): FoundItem[] {
  const blocks = [...text.slice(from, to).matchAll(/[^\n]+(?:\n[^\n]+)*/gu)].map((m) => ({
    start: from + m.index,
    end: from + m.index + m[0].length,
    text: m[0],
  }));
  const isHeading = (b: { text: string }) =>
    !b.text.includes('\n') &&
    b.text.length <= 120 &&
    /^\s*(?:\*\*)?\p{Lu}/u.test(b.text) &&
    !/[.:!?]\s*(?:\*\*)?$/u.test(b.text);
  const headings = blocks.filter(
    (b, i) => isHeading(b) && blocks[i + 1] !== undefined && !isHeading(blocks[i + 1]!),
  );
  if (headings.length < 2) return [];
  const items: FoundItem[] = [];
  let undecided = 0;
  for (const [i, heading] of headings.entries()) {
    const end = headings[i + 1]?.start ?? to;
    const found: FoundItem = {
      item: {
        number: String(i + 1),
        title: cleanText(heading.text),
        proposal: null,
        decision: null,
        attachments: [],
      },
      spans: { item: [heading.start, end], title: [heading.start, heading.end] },
      region: [heading.start, end],
    };
    fillContent(text, found, heading.end, end, cues);
    // Past half of the sections without a decision, they are not items: the rest need not be read.
    if (found.item.decision === null && ++undecided * 2 > headings.length) return [];
    items.push(found);
  }
  return items;
}
