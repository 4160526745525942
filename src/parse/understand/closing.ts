import type { NextMeeting, Span } from '../../domain/minutes.js';
import { type CueWords, execAtCueWords } from './cue-words.js';
import { findTimeRange, toIsoDate } from './dates.js';
import { findNames } from './person-names.js';
import { execAtWordStart, followsWordChar } from './scan.js';
import { cleanOrNull } from './text-span.js';

export interface Found<T> {
  value: T;
  span: Span;
}

const RECORDER_CUE =
  /(?:Muistion (?:laati|kirjasi|kirjoitti|vakuudeksi)|Pöytäkirjan (?:laati|kirjasi|vakuudeksi)|Muistion laatija|Pöytäkirjanpitäjä|Pöytäkirjanpitäjänä|Muistiinpanot|Vakuudeksi|Sekreterare|Protokollförare|Protokollet fördes av|Minnesanteckningarna fördes av|Vid pennan|Antecknat av|Minutes taken by|Sihteeri)(?![\p{L}\p{N}])\s*:?/uy;

/** Who wrote the document: the name after 'Muistion laati', 'Pöytäkirjanpitäjä', 'Sekreterare' … (the last such cue wins). */
export function findRecorder(text: string, from: number, to: number, cues: CueWords): Found<string> | null {
  let found: Found<string> | null = null;
  if (!cues.has('recorder', 0, text.length)) return null;
  let next = from;
  for (
    let m = execAtCueWords(RECORDER_CUE, text, cues, 'recorderLabel', next);
    m && m.index < to;
    m = execAtCueWords(RECORDER_CUE, text, cues, 'recorderLabel', next)
  ) {
    // Only a label that starts a word names the recorder.
    if (followsWordChar(text, m.index)) {
      next = m.index + 1;
      continue;
    }
    const after = m.index + m[0].length;
    next = after;
    const names = findNames(text, after, Math.min(to, after + 80), 'first-last');
    const name = names[0];
    if (name && name.start - after <= 40) found = { value: name.name, span: [name.start, name.end] };
  }
  return found;
}

const NEXT_CUE =
  /(?:Seuraava kokous|Seuraavat kokoukset|Seuraavat [\p{L}-]+ kokoukset|Seuraava [\p{L}-]+ kokous|Nästa sammanträde|Nästa möte|Next meeting)(?![\p{L}\p{N}])[^.\n]{0,40}?(?:pidetään|on|hålls|är)?\s*:?/iuy;
const SHORT_DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.?(?:(\d{4}))?(?![\d])/u;

/** The next meeting, with its year inferred from the meeting date when the text leaves it out. */
export function findNextMeeting(
  text: string,
  from: number,
  to: number,
  meetingDate: string | null,
  cues: CueWords,
): Found<NextMeeting> | null {
  if (!cues.has('nextMeeting', 0, text.length)) return null;
  for (
    let m = execAtCueWords(NEXT_CUE, text, cues, 'nextMeetingLabel', from);
    m && m.index < to;
    m = execAtCueWords(NEXT_CUE, text, cues, 'nextMeetingLabel', m.index + 1)
  ) {
    if (followsWordChar(text, m.index)) continue;
    const after = m.index + m[0].length;
    const window = text.slice(after, Math.min(to, after + 200));
    const date = SHORT_DATE.exec(window);
    if (!date || date.index > 80) continue;
    // '14.10' after 'klo' / 'kl.' is a time, not a date.
    if (/(?:klo|kl\.?|kello)\s*$/iu.test(window.slice(Math.max(0, date.index - 8), date.index))) continue;
    const day = Number(date[1]);
    const month = Number(date[2]);
    let year = date[3] ? Number(date[3]) : null;
    if (year === null && meetingDate) {
      const [y, mo] = meetingDate.split('-').map(Number) as [number, number];
      year = month < mo ? y + 1 : y;
    }
    const iso = year === null ? null : toIsoDate(year, month, day);
    if (!iso) continue;
    const afterDate = window.slice(date.index + date[0].length);
    const range = findTimeRange(afterDate.slice(0, 40));
    let place: string | null = null;
    if (range) {
      const tail = afterDate.slice(range.index + range.length);
      const placeText =
        /^[\s,]*([^\n.]{3,80}?)(?=\s+(?:Pol|Ke|Ma|Ti|To|Pe|ja)(?![\p{L}\p{N}])|[.\n]|\*\*|$)/u.exec(tail);
      // Swedish writes the place with a preposition ('i Stadshuset').
      place =
        placeText && /^\p{L}/u.test(placeText[1] ?? '')
          ? cleanOrNull((placeText[1] ?? '').replace(/^(?:i|på|vid)\s+/u, ''))
          : null;
      if (
        place &&
        (/^(?:Paikat|Paikka tarkentuu)/u.test(place) ||
          /^(?:ma|ti|ke|to|pe|la|su)(?![\p{L}\p{N}])/iu.test(place))
      )
        place = null;
    }
    return {
      value: { date: iso, start_time: range?.start ?? null, end_time: range?.end ?? null, place },
      span: [after + date.index, after + date.index + date[0].length],
    };
  }
  return null;
}

const CHECKERS_CUE =
  /(?:Pöytäkirjan(?:tarkastajiksi| tarkastajiksi|tarkastajaksi| tarkastajaksi)(?: valittiin)?|Valittiin pöytäkirjan ?tarkastajiksi|Valittiin pöytäkirjantarkastajaksi|Pöytäkirjan tarkastajat|Protokolljusterare|Till protokolljusterare (?:valdes|utsågs))(?![\p{L}\p{N}])\s*:?/giu;

/** Minutes checkers: 'Pöytäkirjan tarkastajiksi valittiin X ja Y'. */
export function findCheckers(text: string, from: number, to: number, cues: CueWords): Found<string[]> | null {
  if (!cues.has('checkers', 0, text.length)) return null;
  CHECKERS_CUE.lastIndex = from;
  const m = execAtWordStart(CHECKERS_CUE, text);
  if (!m || m.index >= to) return null;
  const after = m.index + m[0].length;
  const end = Math.min(to, text.indexOf('.', after) >= 0 ? text.indexOf('.', after) : to, after + 200);
  const names = findNames(text, after, end, 'first-last');
  if (names.length === 0) return null;
  return { value: names.map((n) => n.name), span: [after, end] };
}

export interface Signer {
  duty: 'chair' | 'secretary';
  name: string;
}

const SIGNER_CUE =
  /(?:Puheenjohtaja|Ordförande|Pöytäkirjanpitäjä|Sihteeri|Protokollförare|Sekreterare)(?![\p{L}\p{N}])[ \t]*:?[ \t]*(?:\*\*)?\s*/uy;

/**
 * Who signs as chair and as secretary: 'Puheenjohtaja <name>', or the flattened two columns
 * 'Puheenjohtaja Pöytäkirjanpitäjä <name> <name>'. A cue in running text ('kaupunginvaltuuston
 * puheenjohtaja X') names someone else's chair, so it counts only where it starts something.
 */
export function findSigners(text: string, from: number, to: number, cues: CueWords): Signer[] {
  const signers: Signer[] = [];
  if (!cues.has('signer', 0, text.length)) return signers;
  let next = from;
  for (
    let m = execAtCueWords(SIGNER_CUE, text, cues, 'signer', next);
    m && m.index < to;
    m = execAtCueWords(SIGNER_CUE, text, cues, 'signer', next)
  ) {
    next = m.index + m[0].length;
    // After a line or sentence start, a bold label, a tab, or a heading in capitals ('ALLEKIRJOITUS').
    if (!/(?:^|[\n.:]\s*|\*\*|\t|\p{Lu}{4}\s+)$/u.test(text.slice(Math.max(0, m.index - 6), m.index)))
      continue;
    const duties: Signer['duty'][] = [];
    let end = m.index;
    for (let c: RegExpExecArray | null = m; c; c = SIGNER_CUE.exec(text)) {
      duties.push(/^(?:Puheenjohtaja|Ordförande)/u.test(c[0]) ? 'chair' : 'secretary');
      end = c.index + c[0].length;
      SIGNER_CUE.lastIndex = end;
    }
    next = end;
    const names = findNames(text, end, Math.min(to, end + 120), 'first-last');
    if ((names[0]?.start ?? Infinity) - end > (duties.length > 1 ? 60 : 2)) continue;
    duties.forEach((duty, i) => {
      const name = names[i];
      if (name) signers.push({ duty, name: name.name });
    });
  }
  return signers;
}
