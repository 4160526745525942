import type { Action, Arrival, Departure, Span } from '../../domain/minutes.js';
import { normaliseClock } from './dates.js';
import { findNames } from './person-names.js';
import { CASELESS_CUE_WORDS, type CueWords } from './cue-words.js';
import { cleanText } from './text-span.js';

export interface FoundEvent<T> {
  value: T;
  span: Span;
}

const LEAVE =
  /(?<![\p{L}\p{N}])(?:poistui|poistuivat|avlägsnade sig|avlägsnade|lämnade sammanträdet|lämnade mötet|left the meeting|oli poissa)(?![\p{L}\p{N}])/u;
const ARRIVE = /(?<![\p{L}\p{N}])(?:saapui|saapuivat|anlände|anslöt|kom till mötet|arrived)(?![\p{L}\p{N}])/u;
const CLOCK =
  /(?<![\p{L}\p{N}])(?:klo|kello|kl\.?|ajassa|time)\s*(\d{1,2}[.:]\d{2})(?:\s*[-–]\s*(\d{1,2}[.:]\d{2}))?/iu;
const ITEM_REF =
  /(?<![\p{L}\p{N}])(?:asian|asiakohdan|kohdan|pykälän|ärende|§)\s*§?\s*(\d{1,3}(?:\.\d{1,2})?)(?![\p{L}\p{N}])|(?:behandlingen av|käsittelyn aikana|under)\s*§\s*(\d{1,3})/iu;

interface SentenceSpan {
  start: number;
  end: number;
}

/** The sentences of the text between `from` and `to`, split when first asked for and then kept. */
export function itemSentences(text: string, from: number, to: number): () => readonly SentenceSpan[] {
  let sentences: SentenceSpan[] | null = null;
  return () => (sentences ??= sentencesOf(text, from, to));
}

function sentencesOf(text: string, from: number, to: number): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  // A dot before a number ('kl. 10.40', '12.18') does not end a sentence.
  const re = /(?:[^.!?\n]|[.](?=\s?\d))+(?:[.!?](?!\s?\d)|$)/gmu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    out.push({ start: m.index + lead, end: Math.min(to, m.index + m[0].length) });
  }
  return out;
}

/** Departures and arrivals told in sentences: 'X ja Y poistuivat kokouksesta … kello 12.18.' */
export function readMovements(
  text: string,
  from: number,
  to: number,
  item: string | null,
  cues: CueWords,
  sentences: () => readonly SentenceSpan[],
): { departures: FoundEvent<Departure>[]; arrivals: FoundEvent<Arrival>[] } {
  const departures: FoundEvent<Departure>[] = [];
  const arrivals: FoundEvent<Arrival>[] = [];
  if (!cues.has('movement', from, to)) return { departures, arrivals };
  for (const s of sentences()) {
    if (!cues.has('movement', s.start, s.end)) continue;
    const sentence = text.slice(s.start, s.end);
    const leave = LEAVE.exec(sentence);
    const arrive = ARRIVE.exec(sentence);
    const verb = leave ?? arrive;
    if (!verb) continue;
    const names = findNames(text, s.start, s.start + verb.index, 'first-last');
    if (names.length === 0) continue;
    const clock = CLOCK.exec(sentence.slice(verb.index)) ?? CLOCK.exec(sentence);
    const time = clock ? normaliseClock(clock[1] ?? '') : null;
    const ref = ITEM_REF.exec(sentence);
    const itemRef = ref ? (ref[1] ?? ref[2] ?? null) : item;
    for (const name of names) {
      if (leave) {
        const departure: Departure = { name: name.name, time, item: itemRef };
        if (clock?.[2] && /oli poissa/u.test(sentence)) departure.until = normaliseClock(clock[2]);
        departures.push({ value: departure, span: [s.start, s.end] });
      } else arrivals.push({ value: { name: name.name, time, item: itemRef }, span: [s.start, s.end] });
    }
  }
  return { departures, arrivals };
}

/** Notes beside a name in a roster: '(poistui klo 15.41 asian 11.3 käsittelyn aikana)', 'pois 15.50', '- till 21:20'. */
export function readRosterNote(
  name: string,
  note: string,
  at: number,
): { departure?: FoundEvent<Departure>; arrival?: FoundEvent<Arrival> } {
  const leave =
    /\((?:poistui|avlägsnade)[^)]*?(\d{1,2}[.:]\d{2})[^)]*\)|(?<![\p{L}\p{N}])pois\s+(\d{1,2}[.:]\d{2})|-\s*till\s+(\d{1,2}[.:]\d{2})/iu.exec(
      note,
    );
  const arrive = /\((?:saapui|anlände)[^)]*?(\d{1,2}[.:]\d{2})[^)]*\)/iu.exec(note);
  const result: { departure?: FoundEvent<Departure>; arrival?: FoundEvent<Arrival> } = {};
  if (leave) {
    const ref = ITEM_REF.exec(leave[0]);
    result.departure = {
      value: {
        name,
        time: normaliseClock(leave[1] ?? leave[2] ?? leave[3] ?? ''),
        item: ref ? (ref[1] ?? ref[2] ?? null) : null,
      },
      span: [at + leave.index, at + leave.index + leave[0].length],
    };
  }
  if (arrive) {
    const ref = ITEM_REF.exec(arrive[0]);
    result.arrival = {
      value: { name, time: normaliseClock(arrive[1] ?? ''), item: ref ? (ref[1] ?? ref[2] ?? null) : null },
      span: [at + arrive.index, at + arrive.index + arrive[0].length],
    };
  }
  return result;
}

const ASSIGN = /(?<![\p{L}\p{N}])(?:Päätettiin|Sovittiin|Todettiin|Beslöts|Beslutades),?\s+(?:että|att)\s+/gu;
const DUE =
  /(?<![\p{L}\p{N}])((?:seuraava(?:an|ksi)?|nästa)\s+[\p{L}-]*\s?(?:kokoukseen|kokoukseksi|sammanträde|möte)|\d{1,2}\.\d{1,2}\.(?:\d{4})?\s*(?:mennessä|asti)|(?:viimeistään|senast)\s+\d{1,2}\.\d{1,2}\.(?:\d{4})?)/iu;
const TASK_VERBS = `(?:${CASELESS_CUE_WORDS.taskVerb.join('|')})(?![\\p{L}\\p{N}])`;
const TASK_VERB = new RegExp(`^\\s*(?:\\S+\\s+){0,20}?${TASK_VERBS}`, 'iu');
/** Work given to a named person: 'Päätettiin, että X … laatii seuraavaan kokoukseen …', 'X ryhtyy työstämään …'. */
export function readActions(
  text: string,
  from: number,
  to: number,
  item: string | null,
  knownNames: ReadonlySet<string>,
  cues: CueWords,
  sentences: () => readonly SentenceSpan[],
): FoundEvent<Action>[] {
  const actions: FoundEvent<Action>[] = [];
  if (!cues.beginsIn('taskVerb', from, to)) return actions;
  for (const s of sentences()) {
    if (!cues.beginsIn('taskVerb', s.start, s.end)) continue;
    const sentence = text.slice(s.start, s.end);
    ASSIGN.lastIndex = 0;
    const assign = ASSIGN.exec(sentence);
    let ownerStart = assign ? assign.index + assign[0].length : 0;
    const names = findNames(text, s.start + ownerStart, s.end, 'first-last');
    let owner = names[0];
    if (!owner || owner.start - (s.start + ownerStart) > 2) {
      const short = /^(\p{Lu}\p{Ll}+)\s/u.exec(sentence.slice(ownerStart));
      const full = short ? [...knownNames].find((n) => n.startsWith(`${short[1]} `)) : undefined;
      if (!full || !short) continue;
      owner = {
        name: full,
        start: s.start + ownerStart,
        end: s.start + ownerStart + (short[1]?.length ?? 0),
      };
    }
    ownerStart = owner.end - s.start;
    const rest = sentence.slice(ownerStart);
    if (!TASK_VERB.test(rest)) continue;
    if (!assign && !knownNames.has(owner.name) && !/^\s+(?:ryhtyy|laatii|valmistelee|selvittää)/u.test(rest))
      continue;
    const task = cleanText(rest).replace(/[.]$/u, '');
    const due = DUE.exec(rest);
    actions.push({
      value: { owner: owner.name, task, due: due ? cleanText(due[1] ?? '') : null, item },
      span: [s.start, s.end],
    });
  }
  return actions;
}
