import type { DocumentKind } from '../../domain/minutes.js';

const MINUTES_WORD =
  /(?<![\p{L}\p{N}])(?:muistio|pöytäkirja|kokouspöytäkirja|kokoupöytäkirja|kokousmuistio|protokoll|sammanträdesprotokoll|minnesanteckningar|promemoria|minutes|beslut|päätökset)(?![\p{L}\p{N}])/iu;
const AGENDA_WORD =
  /(?<![\p{L}\p{N}])(?:esityslista|asialista|kokouskutsu|föredragningslista|kallelse|agenda)(?![\p{L}\p{N}])/iu;
const DECISION_CUE =
  /(?<![\p{L}\p{N}])(?:Päätös|Hyväksyttiin|Merkittiin|Päätettiin|Todettiin|Beslut|Godkändes|beslutade)(?![\p{L}\p{N}])/u;

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
  const minutes = MINUTES_WORD.test(e.heading);
  const agenda = AGENDA_WORD.test(e.heading);
  if (agenda && !minutes)
    return DECISION_CUE.test(e.body) && !/esityslista/iu.test(e.heading) ? 'minutes' : 'agenda';
  // Untitled either way: items that only propose, with nothing decided, are an agenda.
  if (!minutes && !agenda && e.itemCount >= 2 && e.decisionCount === 0 && e.proposalCount >= 2)
    return 'agenda';
  return 'minutes';
}
