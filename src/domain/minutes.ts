/** The structured record of one meeting document, in the shape of the parse contract. */

export type DocumentKind = 'minutes' | 'agenda' | 'item' | 'listing';
export type Language = 'fi' | 'sv' | 'en';

export interface Participant {
  name: string;
  organization: string | null;
  role: string | null;
  present: boolean | null;
  chair: boolean;
  secretary: boolean;
  invited: boolean;
  /** Partial attendance as written, e.g. '1-5' or 'klo 12.25-'. */
  items: string | null;
}

export interface Vote {
  question: string;
  result: string;
  yes: number | null;
  no: number | null;
  blank: number | null;
  absent: number | null;
}

export interface Dissent {
  name: string;
  text: string | null;
}

export interface Item {
  number: string;
  title: string;
  proposal: string | null;
  decision: string | null;
  attachments: string[];
  votes?: Vote[];
  dissents?: Dissent[];
  disqualified?: string[];
}

export interface Departure {
  name: string;
  time: string | null;
  item: string | null;
  until?: string | null;
}

export interface Arrival {
  name: string;
  time: string | null;
  item: string | null;
}

export interface Action {
  owner: string;
  task: string;
  due: string | null;
  item: string | null;
}

export interface NextMeeting {
  date: string | null;
  start_time: string | null;
  end_time: string | null;
  place: string | null;
}

export interface ListingEntry {
  published: string | null;
  title: string;
  meeting_date: string | null;
  summary: string | null;
}

export interface MinutesRecord {
  kind: DocumentKind;
  language: Language;
  body: string | null;
  title: string | null;
  meeting_number: string | null;
  date: string | null;
  start_time: string | null;
  end_time: string | null;
  place: string | null;
  participants: Participant[];
  items: Item[];
  departures: Departure[];
  arrivals: Arrival[];
  actions: Action[];
  next_meeting: NextMeeting | null;
  recorded_by: string | null;
  minutes_checkers: string[];
  entries: ListingEntry[];
  related_titles: string[];
}

/** A [start, end) range of the reader's normalised text. */
export type Span = readonly [start: number, end: number];

/** JSON Pointer of a record field (e.g. '/items/2/decision') → the span of text it came from. */
export type Provenance = Record<string, Span>;

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  span?: Span;
}
