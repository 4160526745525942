/** Dates and times as Finnish and Swedish documents write them. */

const FI_MONTHS = [
  'tammi',
  'helmi',
  'maalis',
  'huhti',
  'touko',
  'kesä',
  'heinä',
  'elo',
  'syys',
  'loka',
  'marras',
  'joulu',
];
const SV_MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

export interface FoundDate {
  iso: string | null;
  /** Day and month when the year is not written ('16.2'). */
  day: number;
  month: number;
  year: number | null;
  index: number;
  length: number;
}

const NUMERIC_DATE = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2}(?!\d)))?/gu;
const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/gu;
const WORD_DATE =
  /(?<!\d)(\d{1,2})\.?\s+(?:(tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuuta|(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december))\s+(\d{4})/giu;

/** The first match of the global `pattern` in `text`, its scan started from the beginning. */
function first(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  return pattern.exec(text);
}

export function toIsoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every date written in the text, in order. Dates without a year carry iso null. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  // The patterns are global and shared: each scan starts from 0 (as matchAll's copy of a pattern would).
  // A numeric date needs a full stop, an ISO one a hyphen.
  if (text.includes('.'))
    for (let m = first(NUMERIC_DATE, text); m; m = NUMERIC_DATE.exec(text)) {
      const day = Number(m[1]);
      const month = Number(m[2]);
      let year: number | null = m[3] ? Number(m[3]) : null;
      if (year !== null && year < 100) year += 2000;
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      const iso = year === null ? null : toIsoDate(year, month, day);
      if (year !== null && iso === null) continue;
      found.push({ iso, day, month, year, index: m.index, length: m[0].length });
    }
  if (text.includes('-'))
    for (let m = first(ISO_DATE, text); m; m = ISO_DATE.exec(text)) {
      const iso = toIsoDate(Number(m[1]), Number(m[2]), Number(m[3]));
      if (iso)
        found.push({
          iso,
          day: Number(m[3]),
          month: Number(m[2]),
          year: Number(m[1]),
          index: m.index,
          length: m[0].length,
        });
    }
  for (let m = first(WORD_DATE, text); m; m = WORD_DATE.exec(text)) {
    const month = m[2]
      ? FI_MONTHS.indexOf(m[2].toLowerCase()) + 1
      : SV_MONTHS.indexOf((m[3] ?? '').toLowerCase()) + 1;
    const year = Number(m[4]);
    const iso = toIsoDate(year, month, Number(m[1]));
    if (iso) found.push({ iso, day: Number(m[1]), month, year, index: m.index, length: m[0].length });
  }
  return found.length > 1 ? found.sort((a, b) => a.index - b.index) : found;
}

export interface TimeRange {
  start: string | null;
  end: string | null;
  index: number;
  length: number;
}

function toClock(hours: string, minutes: string | undefined): string | null {
  const h = Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  if (h > 24 || m > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

// "klo 12.00 - 14.00", "12.00 14.00", "kl. 9.00–11.30", "09:00-11:25", "klo 12 15.30", "kello 9-11", "12.3016:00"
const CUE = String.raw`(?:klo|kello|kl)\.?\s*`;
const CLOCK = String.raw`(\d{1,2})(?:[.:](\d{2}))?`;
const RANGE_AFTER_CUE = new RegExp(
  `${CUE}${CLOCK}(?:\\s*(?:[-–—]|och|ja)?\\s*(?:${CUE})?${CLOCK}(?!\\d))?(\\s*[-–—])?`,
  'iu',
);
const BARE_RANGE = /(?<![\d.:])(\d{1,2})[.:](\d{2})(?:\s*[-–—]?\s*(\d{1,2})[.:](\d{2}))?(?![\d])/u;
/** A whole hour, then a dash and a clock: '16 – 17.45'. */
const HOUR_THEN_CLOCK = /(?<![\d.:])(\d{1,2})\s*[-–—]\s*(\d{1,2})[.:](\d{2})(?!\d)/u;

/** The first time or time range in the text: after a klo/kl cue if there is one, else a bare 'hh.mm'. */
export function findTimeRange(text: string): TimeRange | null {
  const cued = RANGE_AFTER_CUE.exec(text);
  if (cued) {
    const start = toClock(cued[1] ?? '', cued[2]);
    const end = cued[3] !== undefined ? toClock(cued[3], cued[4]) : null;
    if (start) return { start, end, index: cued.index, length: cued[0].length };
  }
  const bare = BARE_RANGE.exec(text);
  const hours = HOUR_THEN_CLOCK.exec(text);
  if (hours && (!bare || hours.index < bare.index)) {
    const start = toClock(hours[1] ?? '', undefined);
    const end = toClock(hours[2] ?? '', hours[3]);
    const [from, until] = [Number(hours[1]), Number(hours[2])];
    if (start && end && from >= 6 && from < until)
      return { start, end, index: hours.index, length: hours[0].length };
  }
  if (bare) {
    const start = toClock(bare[1] ?? '', bare[2]);
    const end = bare[3] !== undefined ? toClock(bare[3], bare[4]) : null;
    if (start) return { start, end, index: bare.index, length: bare[0].length };
  }
  return null;
}

/** 'hh.mm' or 'hh:mm' or 'hh' → 'HH:MM'. */
export function normaliseClock(written: string): string | null {
  const m = /^(\d{1,2})(?:[.:](\d{2}))?$/u.exec(written.trim());
  return m ? toClock(m[1] ?? '', m[2]) : null;
}
