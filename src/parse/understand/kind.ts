import type { DocumentKind } from '../../domain/minutes.js';
import { execAtWordStart } from './scan.js';

// The words must start a word: read them with hasWordAt, which checks the character before by hand.
const MINUTES_WORD =
  /(?:muistio|pöytäkirja|kokouspöytäkirja|kokoupöytäkirja|kokousmuistio|protokoll|sammanträdesprotokoll|minnesanteckningar|promemoria|minutes|beslut|päätökset)(?![\p{L}\p{N}])/giu;
const AGENDA_WORD =
  /(?:esityslista|asialista|kokouskutsu|föredragningslista|kallelse|agenda)(?![\p{L}\p{N}])/giu;
const DECISION_CUE =
  /(?:Päätös|Hyväksyttiin|Merkittiin|Päätettiin|Todettiin|Beslut|Godkändes|beslutade)(?![\p{L}\p{N}])/gu;

/** Whether the global `pattern` matches `text` at the start of a word. */
function hasWordAt(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return execAtWordStart(pattern, text) !== null;
}

export interface KindEvidence {
  heading: string;
  body: string;
  itemCount: number;
  /** Items with a proposal, and items with a decision. */
  proposalCount: number;
  decisionCount: number;
  participantCount: number;
  listingEntries: number;
  hasHeaderLabels: boolean;
  startsWithSection: boolean;
}

/** Minutes, agenda, a single item published alone, or a listing of several meetings' materials. */
export function classifyKind(e: KindEvidence): DocumentKind {
  if (e.listingEntries >= 2 && e.participantCount === 0 && e.itemCount < 2) return 'listing';
  if (e.startsWithSection && e.participantCount === 0 && e.itemCount <= 1) return 'item';
  if (!e.hasHeaderLabels && e.participantCount === 0 && e.itemCount <= 1) return 'item';
  const minutes = hasWordAt(MINUTES_WORD, e.heading);
  const agenda = hasWordAt(AGENDA_WORD, e.heading);
  if (agenda && !minutes)
    return hasWordAt(DECISION_CUE, e.body) && !/esityslista/iu.test(e.heading) ? 'minutes' : 'agenda';
  // Untitled either way: items that only propose, with nothing decided, are an agenda.
  if (!minutes && !agenda && e.itemCount >= 2 && e.decisionCount === 0 && e.proposalCount >= 2)
    return 'agenda';
  return 'minutes';
}
