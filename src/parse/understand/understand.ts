import type { Diagnostic, MinutesRecord, Provenance } from '../../domain/minutes.js';
import { extractBodyName } from './body-name.js';
import { findCheckers, findNextMeeting, findRecorder, findSigners } from './closing.js';
import { type CueWords, findCueWords } from './cue-words.js';
import { type FoundEvent, itemSentences, readActions, readMovements, readRosterNote } from './events.js';
import { findDocumentFrame } from './frame.js';
import { readHeader } from './header.js';
import { type FoundItem, readHeadingItems, readItems, readSingleItem } from './items.js';
import { isNoticeSentence } from './item-content.js';
import { bodyFromProposal, readLabelledItem } from './labelled-item.js';
import { classifyKind } from './kind.js';
import { detectLanguage } from './language.js';
import { readListing } from './listing.js';
import { type FoundParticipant, findRosterLabel, readParticipants } from './participants.js';

export interface Understanding {
  record: MinutesRecord;
  provenance: Provenance;
  diagnostics: Diagnostic[];
}

const CLOSING =
  /(?:^\p{Lu}\p{Ll}+(?:ssa|ssä|lla|llä|, den)? \d{1,2}\.\d{1,2}\.\d{4}\s*$|Muistion (?:laati|laatija|kirjasi|kirjoitti|vakuudeksi)|Pöytäkirjan (?:laati|laatija|vakuudeksi)|Muistiinpanot|Vid protokollet|Vid pennan|Protokollet fördes av|Minnesanteckningarna fördes av|Vakuudeksi|Allekirjoitukset|Oikaisuvaatimusohje|OIKAISUVAATIMUSOHJE|Valitusosoitus|Besvärsanvisning|BESVÄRSANVISNING|VALITUSOSOITUS|Muutoksenhakuohje|MUUTOKSENHAKUOHJE|Justerat|Protokollet justerat)(?![\p{L}\p{N}])/mu;

/** Turns a normalised text layer into the structured record. Pure and linear in the text's length. */
export function understandText(text: string): Understanding {
  const provenance: Provenance = {};
  const diagnostics: Diagnostic[] = [];
  const cues = findCueWords(text);
  const frame = findDocumentFrame(text, cues);
  const from = frame.start;
  const header = readHeader(text, from, from + 3000);
  const startsWithSection = /^\s*(?:\d{1,4}\s?§|§\s?\d{1,4})/u.test(
    text.slice(from, from + 200).replace(/^[^\n]*\n(?=\s*(?:\d{1,4}\s?§|§))/u, ''),
  );
  // A table of contents may come before the labelled header; its entries are the items when the text is cut
  // short. A document that opens with its item's number ('12§ …') has read that line as its title.
  const itemsFrom =
    startsWithSection || (header.labelStart !== null && header.labelStart - from > 300) ? from : header.end;
  const { items: foundItems, end: itemsEnd } = readItemsUntilClosing(text, itemsFrom, cues);
  let items = foundItems;
  const firstItemStart = items[0]?.spans.item[0] ?? itemsEnd;
  const participants = readRoster(text, from, firstItemStart, items);
  const labelled =
    items.length <= 1 && participants.length === 0 ? readLabelledItem(text, from, text.length, cues) : null;
  if (items.length === 0 && !labelled) items = readHeadingItems(text, header.end, itemsEnd, cues);
  // Only a page without a roster or a run of items can be a listing.
  const listing = participants.length === 0 && items.length < 2 ? readListing(text, from, text.length) : [];
  const headingText = text.slice(from, Math.min(text.length, Math.max(header.end, from + 300)));
  const kind = classifyKind({
    heading: `${frame.pageTitle ?? ''} ${headingText}`,
    body: text.slice(from, from + 20000),
    itemCount: items.length,
    proposalCount: items.filter((found) => found.item.proposal !== null).length,
    decisionCount: items.filter(
      (found) => found.item.decision !== null && !isNoticeSentence(found.item.decision),
    ).length,
    participantCount: participants.length,
    listingEntries: listing.length,
    hasHeaderLabels: header.date !== null && (header.startTime !== null || header.place !== null),
    startsWithSection: startsWithSection || labelled !== null,
  });
  const record: MinutesRecord = {
    kind,
    language: detectLanguage(text.slice(from)),
    body: null,
    title: header.title?.value ?? frame.pageTitle,
    meeting_number: header.meetingNumber?.value ?? null,
    date: header.date?.value ?? null,
    start_time: header.startTime?.value ?? null,
    end_time: header.endTime?.value ?? null,
    place: header.place?.value ?? null,
    participants: [],
    items: [],
    departures: [],
    arrivals: [],
    actions: [],
    next_meeting: null,
    recorded_by: null,
    minutes_checkers: [],
    entries: [],
    related_titles: frame.relatedTitles,
  };
  if (header.title) provenance['/title'] = header.title.span;
  if (header.meetingNumber) provenance['/meeting_number'] = header.meetingNumber.span;
  if (header.date) provenance['/date'] = header.date.span;
  if (header.startTime) provenance['/start_time'] = header.startTime.span;
  if (header.endTime) provenance['/end_time'] = header.endTime.span;
  if (header.place) provenance['/place'] = header.place.span;

  if (kind === 'listing') {
    record.entries = listing.map((e) => e.entry);
    listing.forEach((e, i) => (provenance[entryPointer(i)] = e.span));
    record.title = header.title?.value ?? null;
    record.date = null;
    record.start_time = null;
    record.end_time = null;
    record.place = null;
    record.meeting_number = null;
    return { record, provenance, diagnostics };
  }

  if (labelled) {
    items = [mergeLabelled(labelled.found, items[0])];
    if (labelled.presenter) participants.push(labelled.presenter);
    if (labelled.meeting) {
      record.date = labelled.meeting.date;
      record.body = labelled.meeting.body;
    }
  } else if (kind === 'item' && items.length === 0) items = [singleItem(text, from, itemsEnd, cues)];
  if (kind === 'item' && items[0]) {
    record.title = items[0].item.title || record.title;
    provenance['/title'] = items[0].spans.title;
  }
  const bodyName =
    record.body ??
    bodyFromProposal(kind === 'item' ? (items[0]?.item.proposal ?? null) : null) ??
    extractBodyName(record.title ?? '') ??
    extractBodyName(frame.pageTitle ?? '') ??
    extractBodyName(headingText.split('\n').slice(0, 3).join(' '));
  record.body = bodyName;
  if (bodyName && provenance['/title']) provenance['/body'] = provenance['/title'];

  record.participants = participants.map((p) => p.participant);
  // An agenda lists who is invited; whether they came is not known yet.
  if (kind === 'agenda') for (const p of record.participants) if (p.present === true) p.present = null;
  participants.forEach((p, i) => (provenance[participantPointer(i)] = p.span));
  for (const p of participants) {
    const note = readRosterNote(p.participant.name, text.slice(p.span[0], p.span[1]), p.span[0]);
    if (note.departure) addEvent(provenance, record.departures, departurePointer, note.departure);
    if (note.arrival) addEvent(provenance, record.arrivals, arrivalPointer, note.arrival);
  }

  const knownNames = new Set(record.participants.map((p) => p.name));
  record.items = items.map((found) => found.item);
  items.forEach((found, i) => recordItemProvenance(provenance, found, i));
  for (const found of items) {
    const [start, end] = found.region;
    const sentences = itemSentences(text, start, end);
    const moves = readMovements(text, start, end, found.item.number, cues, sentences);
    for (const d of moves.departures) addEvent(provenance, record.departures, departurePointer, d);
    for (const a of moves.arrivals) addEvent(provenance, record.arrivals, arrivalPointer, a);
    for (const a of readActions(text, start, end, found.item.number, knownNames, cues, sentences))
      addEvent(provenance, record.actions, actionPointer, a);
    markChairAndSecretary(text, start, end, record, cues);
  }
  markSigners(text, from, record, cues);

  const recorder = findRecorder(text, from, text.length, cues);
  const secretary = record.participants.find((p) => p.secretary);
  if (recorder) {
    record.recorded_by = recorder.value;
    provenance['/recorded_by'] = recorder.span;
  } else if (secretary && kind === 'minutes') record.recorded_by = secretary.name;
  if (kind === 'agenda') record.recorded_by = null;
  const next = findNextMeeting(text, header.end, text.length, record.date, cues);
  if (next) {
    record.next_meeting = next.value;
    provenance['/next_meeting'] = next.span;
  }
  const checkers = findCheckers(text, from, text.length, cues);
  if (checkers) {
    record.minutes_checkers = checkers.value;
    provenance['/minutes_checkers'] = checkers.span;
  }
  return { record, provenance, diagnostics };
}

function addEvent<T>(
  provenance: Provenance,
  list: T[],
  pointer: (index: number) => string,
  event: FoundEvent<T>,
): void {
  provenance[pointer(list.length)] = event.span;
  list.push(event.value);
}

/**
 * The provenance pointers of one list ('/items/3/title') by index, each written once: a key made anew for
 * every document is looked up in the engine's table of property names each time.
 */
function pointerList(list: string, field = ''): (index: number) => string {
  const made: string[] = [];
  return (index) => {
    const kept = made[index];
    if (kept !== undefined) return kept;
    const pointer = `/${list}/${index}${field}`;
    if (index < MAX_KEPT_POINTERS) made[index] = pointer;
    return pointer;
  };
}

const MAX_KEPT_POINTERS = 1000;
const entryPointer = pointerList('entries');
const participantPointer = pointerList('participants');
const departurePointer = pointerList('departures');
const arrivalPointer = pointerList('arrivals');
const actionPointer = pointerList('actions');
const itemPointer = pointerList('items');
const itemTitlePointer = pointerList('items', '/title');
const itemProposalPointer = pointerList('items', '/proposal');
const itemDecisionPointer = pointerList('items', '/decision');

/** The first roster cue (Läsnä, Osallistujat, Närvarande …) that opens a real list of people. */
function readRoster(text: string, from: number, firstItemStart: number, items: FoundItem[]) {
  let best: FoundParticipant[] = [];
  for (
    let m = findRosterLabel(text, from, 0, text.length), tries = 0;
    m && tries < 6;
    m = findRosterLabel(text, m.end, 0, text.length), tries += 1
  ) {
    const start = m.start;
    const nextItem = items.find((found) => found.spans.item[0] > start);
    const end =
      start < firstItemStart
        ? firstItemStart
        : (nextItem?.spans.item[0] ?? Math.min(text.length, start + 8000));
    const found = readParticipants(text, start, Math.max(end, start));
    if (found.length >= 2) return found;
    if (found.length > best.length) best = found;
  }
  return best;
}

function recordItemProvenance(provenance: Provenance, found: FoundItem, i: number): void {
  provenance[itemPointer(i)] = found.spans.item;
  provenance[itemTitlePointer(i)] = found.spans.title;
  if (found.spans.proposal) provenance[itemProposalPointer(i)] = found.spans.proposal;
  if (found.spans.decision) provenance[itemDecisionPointer(i)] = found.spans.decision;
}

/** The items, the last one ending where the signatures or appeal instructions begin. */
function readItemsUntilClosing(
  text: string,
  from: number,
  cues: CueWords,
): { items: FoundItem[]; end: number } {
  const items = readItems(text, from, text.length, cues, CLOSING);
  const last = items[items.length - 1];
  if (last) return { items, end: last.region[1] };
  const closing = CLOSING.exec(text.slice(from));
  return { items, end: closing ? from + closing.index : text.length };
}

/** A label/value item, keeping the number and title of a '§ N Title' heading found in the same text. */
function mergeLabelled(labelled: FoundItem, numbered: FoundItem | undefined): FoundItem {
  if (!numbered) return labelled;
  const item = { ...labelled.item, number: numbered.item.number || labelled.item.number };
  if (numbered.item.title) item.title = numbered.item.title;
  return {
    ...labelled,
    item,
    spans: { ...labelled.spans, title: numbered.item.title ? numbered.spans.title : labelled.spans.title },
  };
}

/** A document that is one item published alone: its heading line is the item's title, the rest its text. */
function singleItem(text: string, from: number, to: number, cues: CueWords): FoundItem {
  const lines = [...text.slice(from, to).matchAll(/[^\n]+/gu)];
  const heading =
    lines.find((l, i) => i > 0 && l[0] === l[0].toUpperCase() && /\p{Lu}{4,}/u.test(l[0])) ??
    lines[1] ??
    lines[0];
  const start = heading ? from + heading.index : from;
  return readSingleItem(text, start, heading ? start + heading[0].length : from, to, cues);
}

const CHAIR_ELECTED = /(?<![\p{L}\p{N}])Valittiin puheenjohtajaksi\s+(\p{Lu}\p{Ll}+ \p{Lu}[\p{L}-]+)/u;
const SECRETARY_ACTED =
  /(\p{Lu}\p{Ll}+ \p{Lu}[\p{L}-]+)(?:\s+(\p{Lu}\p{Ll}+?)(?:sta|stä|lta|ltä))?\s+toimi (?:kokouksen )?sihteerinä/u;

/** The participants who sign as chair and secretary, when the roster did not say who they are. */
function markSigners(text: string, from: number, record: MinutesRecord, cues: CueWords): void {
  const unnamed = (['chair', 'secretary'] as const).filter(
    (duty) => !record.participants.some((p) => p[duty]),
  );
  if (unnamed.length === 0 || record.participants.length === 0) return;
  const signers = findSigners(text, from, text.length, cues);
  for (const duty of unnamed) {
    const signer = signers.find((s) => s.duty === duty);
    const p = signer && record.participants.find((x) => x.name === signer.name);
    if (p) p[duty] = true;
  }
}

/** 'Valittiin puheenjohtajaksi X' and 'X toimi kokouksen sihteerinä' in the item between `from` and `to`. */
function markChairAndSecretary(
  text: string,
  from: number,
  to: number,
  record: MinutesRecord,
  cues: CueWords,
): void {
  const region = text.slice(from, to);
  const chair = cues.has('chairElected', from, to) ? CHAIR_ELECTED.exec(region) : null;
  if (chair) {
    const p = record.participants.find((x) => x.name === chair[1]);
    if (p) p.chair = true;
  }
  const secretary = cues.has('secretaryActed', from, to) ? SECRETARY_ACTED.exec(region) : null;
  if (secretary && secretary[1]) {
    const existing = record.participants.find((x) => x.name === secretary[1]);
    if (existing) existing.secretary = true;
    else {
      const before = region
        .slice(Math.max(0, secretary.index - 40), secretary.index)
        .split(/\s+/u)
        .filter(Boolean);
      const role =
        before.length > 0 && /^\p{Lu}\p{Ll}+$/u.test(before[before.length - 1] ?? '')
          ? (before[before.length - 1] ?? null)
          : null;
      record.participants.push({
        name: secretary[1],
        organization: secretary[2] ?? null,
        role,
        present: true,
        chair: false,
        secretary: true,
        invited: false,
        items: null,
      });
    }
  }
}
