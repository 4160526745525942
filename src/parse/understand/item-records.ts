import type { Dissent, Item, Vote } from '../../domain/minutes.js';
import { type CueWords, findCueWords } from './cue-words.js';
import { findNames } from './person-names.js';
import { allMatches } from './scan.js';
import { cleanText } from './text-span.js';

/** Votes, dissents and declared conflicts of interest recorded inside one item. */
export interface ItemRecords {
  votes: Vote[];
  dissents: Dissent[];
  disqualified: string[];
}

const FI_COUNTS =
  /(\d{1,3})\s*JAA[^\d]{0,12}(\d{1,3})\s*EI(?:[^\d]{0,12}(\d{1,3})\s*(?:tyhj\p{L}*|TYHJ\p{L}*))?(?:[^\d]{0,12}(\d{1,3})\s*poissa)?|JAA\s*(\d{1,3})[^\d]{0,6}EI\s*(\d{1,3})(?:[^\d]{0,6}TYHJ\p{L}*\s*(\d{1,3}))?(?:[^\d]{0,6}POISSA\s*(\d{1,3}))?/iu;
const SV_COUNTS = /rösterna\s+(\d{1,3})\s*(?:\([^)]*\)\s*)?[–-]\s*(\d{1,3})/u;
const ABSENT_LINE = /Poissa\s+(\d{1,3})\s*kpl/u;
const QUESTION = /JAA\s*=\s*[^.\n]+?[.,]\s*EI\s*=\s*[^.\n]+\.?/u;

function sentenceStart(text: string, index: number): number {
  const dot = text.lastIndexOf('. ', index);
  return Math.max(dot >= 0 ? dot + 2 : 0, text.lastIndexOf('\n', index) + 1);
}

function sentenceAround(text: string, index: number): string {
  const start = sentenceStart(text, index);
  const endDot = text.indexOf('. ', index);
  const endLine = text.indexOf('\n', index);
  const ends = [endDot >= 0 ? endDot + 1 : text.length, endLine >= 0 ? endLine : text.length];
  return cleanText(text.slice(start, Math.min(...ends)));
}

function readVotes(region: string, title: string): Vote[] {
  const fi = FI_COUNTS.exec(region);
  const sv = fi ? null : SV_COUNTS.exec(region);
  const m = fi ?? sv;
  if (!m) return [];
  const num = (s: string | undefined) => (s === undefined ? null : Number(s));
  const yes = num(m[1] ?? m[5]);
  const no = num(m[2] ?? m[6]);
  const blank = fi ? num(m[3] ?? m[7]) : null;
  const absentLine = ABSENT_LINE.exec(region);
  const absent = fi ? (num(m[4] ?? m[8]) ?? num(absentLine?.[1])) : null;
  const question = QUESTION.exec(region)?.[0];
  return [
    {
      question: cleanText(question ? `${title} – ${question}` : title),
      result: sentenceAround(region, m.index),
      yes,
      no,
      blank,
      absent,
    },
  ];
}

const DISQUALIFIED =
  /(?:ilmoitti olevansa esteellinen|oli esteellinen|esteellisenä|anmälde jäv|var jävig|jävig)/gu;
const DISSENT =
  /(?:jätti(?:vät)?[^.]{0,40}eriävän mielipiteen|eriävä mielipide|reserverade sig|lämnade (?:en )?reservation|anmälde reservation)/gu;

/** People named in the same sentence before a cue ('Sari Mustonen ilmoitti olevansa esteellinen'). */
function namesBefore(region: string, pattern: RegExp): Array<{ name: string; sentence: string }> {
  const found: Array<{ name: string; sentence: string }> = [];
  for (const m of allMatches(pattern, region)) {
    const from = sentenceStart(region, m.index);
    for (const name of findNames(region, from, m.index, 'first-last')) {
      if (!found.some((f) => f.name === name.name))
        found.push({ name: name.name, sentence: sentenceAround(region, m.index) });
    }
  }
  return found;
}

/** Which records a text may hold, by whether it has a word each is written with. */
export interface RecordHints {
  votes: boolean;
  dissents: boolean;
  disqualified: boolean;
}

/** The records the text between `from` and `to` may hold. */
export function recordHintsIn(cues: CueWords, from: number, to: number): RecordHints {
  return {
    votes: cues.has('vote', from, to),
    dissents: cues.has('dissent', from, to),
    disqualified: cues.has('disqualified', from, to),
  };
}

/** Reads the votes, dissents and conflicts of interest of one item's text. */
export function readItemRecords(
  region: string,
  title: string,
  hints: RecordHints = recordHintsIn(findCueWords(region), 0, region.length),
): ItemRecords {
  const disqualified = hints.disqualified ? namesBefore(region, DISQUALIFIED).map((f) => f.name) : [];
  const dissents = hints.dissents
    ? namesBefore(region, DISSENT).map((f) => ({ name: f.name, text: f.sentence }))
    : [];
  return { votes: hints.votes ? readVotes(region, title) : [], dissents, disqualified };
}

/** Adds the votes, dissents and conflicts of interest of the item written between `from` and `to`, when it records any. */
export function attachItemRecords(item: Item, text: string, from: number, to: number, cues: CueWords): void {
  const hints = recordHintsIn(cues, from, to);
  if (!hints.votes && !hints.dissents && !hints.disqualified) return;
  const records = readItemRecords(text.slice(from, to), item.title, hints);
  if (records.votes.length > 0) item.votes = records.votes;
  if (records.dissents.length > 0) item.dissents = records.dissents;
  if (records.disqualified.length > 0) item.disqualified = records.disqualified;
}
