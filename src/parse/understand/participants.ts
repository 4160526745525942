import type { Participant, Span } from '../../domain/minutes.js';
import { isMunicipality } from '../lexicon/names.js';
import { type FoundName, findNames, mayHoldName, type NameOrder } from './person-names.js';
import { splitOrgAndRole } from './roles.js';
import { allMatches, isBlank, isSpaceAt } from './scan.js';
import { collapseSpaces } from './text-span.js';

export interface FoundParticipant {
  participant: Participant;
  span: Span;
}

type Presence = boolean | null;

interface Context {
  present: Presence;
  invited: boolean;
  role: string | null;
  chair: boolean;
  secretary: boolean;
}

interface Cue {
  start: number;
  end: number;
  apply: (context: Context) => Context;
}

/** A short line of its own that titles the names under it ('Kh:n edustaja', 'Asiantuntijajäsenet'). */
const ROLE_HEADING = /^[ \t]*((?:\p{Lu}[\p{L}:.-]*)(?: \p{Ll}[\p{L}-]*){0,3})[ \t]*:?[ \t]*(?=\n)/gmu;

// Each cue must start a word; findCues checks the character before it.
const CUE_PATTERNS: Array<[RegExp, (c: Context) => Context]> = [
  [
    /(?:Muut kutsutut|Kutsuttuina|Kutsuttuna|Muut osallistujat|Asiantuntijat|Sakkunniga|Sakkunnig|Inbjudna|Inbjuden|Invited)(?![\p{L}\p{N}])\s*:?|Muut(?:\s*:|\*\*|\t|\s*\n)/gu,
    () => ({ present: true, invited: true, role: null, chair: false, secretary: false }),
  ],
  [
    /(?:Muut saapuvilla olleet|Muut läsnäolijat|Muut läsnä olleet|MUUT SAAPUVILLA|Övriga närvarande|ÖVRIGA NÄRVARANDE|Övriga)(?![\p{L}\p{N}]):?/gu,
    () => ({ present: true, invited: false, role: null, chair: false, secretary: false }),
  ],
  [
    /(?:Poissa|POISSA|Estyneet|Estynyt|Frånvarande|FRÅNVARANDE|Förhinder|Absent)(?![\p{L}\p{N}])\s*:?/gu,
    () => ({ present: false, invited: false, role: null, chair: false, secretary: false }),
  ],
  [
    /(?:Läsnä|LÄSNÄ|Paikalla|PAIKALLA|Saapuvilla|SAAPUVILLA|Närvarande|NÄRVARANDE|Beslutande|Osallistujat|OSALLISTUJAT|Deltagare|Present)(?![\p{L}\p{N}])\s*:?/gu,
    (c) => ({ ...c, present: true, invited: false, role: null, chair: false, secretary: false }),
  ],
  [
    // Groups inside a presence block keep its presence ('Poissa: Varsinaiset jäsenet: …').
    /(?:Varsinaiset jäsenet|Jäsenet|Medlemmar|MEDLEMMAR|Varajäsenet|Ersättare)(?![\p{L}\p{N}])\s*:?/gu,
    (c) => ({ ...c, present: c.present ?? true, role: null, chair: false, secretary: false }),
  ],
  [
    /^\s*(?:Puheenjohtaja|Ordförande)\s*:?\s*(?=\n)/gmu,
    (c) => ({ ...c, present: true, chair: true, role: null, secretary: false }),
  ],
  [
    /^\s*(?:Sihteeri|Sekreterare|Pöytäkirjanpitäjä|Protokollförare)\s*:?\s*(?=\n)/gmu,
    (c) => ({ ...c, present: true, secretary: true, chair: false, role: null }),
  ],
  [
    /(?:Jakelu|JAKELU|Kutsutut|KUTSUTUT|Kokoukseen kutsutaan|Sändlista|Kallade)\s*:?/gu,
    () => ({ present: null, invited: false, role: null, chair: false, secretary: false }),
  ],
  // Last: any other cue on a line of its own is that, not a title.
  [ROLE_HEADING, (c) => c],
];

/** Cues that set the attendance context of the names after them (Läsnä, Poissa, Kutsuttuina, role headings). */
function findCues(text: string, from: number, to: number): Cue[] {
  const cues: Cue[] = [];
  const region = text.slice(from, to);
  for (const [pattern, apply] of CUE_PATTERNS) {
    for (const m of allMatches(pattern, region)) {
      if (m.index > 0 && /[\p{L}\p{N}]/u.test(region[m.index - 1] ?? '')) continue;
      const start = from + m.index;
      const end = start + m[0].length;
      if (cues.some((c) => c.start < end && start < c.end)) continue;
      if (pattern === ROLE_HEADING) {
        const heading = (m[1] ?? '').trim().replace(/:$/u, '');
        if (heading.length > 40 || (mayHoldName(heading) && findNames(text, start, end).length > 0)) continue;
        // A plural heading names a group ('Jäsenet', 'Asiantuntijajäsenet'), not a title of each person.
        if (/(?:t|na)$/u.test(heading)) {
          cues.push({
            start,
            end,
            apply(c) {
              return { ...c, present: c.present ?? true, role: null, chair: false, secretary: false };
            },
          });
          continue;
        }
        cues.push({
          start,
          end,
          apply(c) {
            return {
              ...c,
              present: c.present ?? true,
              role: heading.replace(/:$/u, ''),
              chair: false,
              secretary: false,
            };
          },
        });
        continue;
      }
      // Bold labels ('**Läsnä**') and the tab or colon after them belong to the cue.
      const tail = /^(?:\*\*)?[ \t:]*/u.exec(text.slice(end, end + 8))?.[0].length ?? 0;
      const lead = text.slice(Math.max(0, start - 2), start) === '**' ? 2 : 0;
      cues.push({ start: start - lead, end: end + tail, apply });
    }
  }
  cues.sort((a, b) => a.start - b.start);
  // Column headings written side by side ("Paikalla Poissa Varajäsen") say nothing about a single person.
  for (let i = 0; i + 1 < cues.length; i += 1) {
    const a = cues[i] as Cue;
    const b = cues[i + 1] as Cue;
    if (b.start - a.end <= 2 && /Poissa|POISSA|Frånvarande/u.test(text.slice(b.start, b.end))) {
      cues.splice(i, 2, { start: a.start, end: b.end, apply: (c) => ({ ...c, present: null, role: null }) });
    }
  }
  return cues;
}

const PARTIAL =
  /\((?:asiat|asia|kohdat|kohta|§§?|ärendena|ärenden|ärende|punkterna|punkt)\s*([\d\s,–-]+(?:\s*§)?)\)|(?<![\p{L}\p{N}])(?:kohdat|kohta)\s+(\d+\s*[-–]\s*\d+)/iu;
const CHAIR = /^[\s,]*(?:pj\.?|puheenjohtaja|ordförande|ordf\.)(?=[\s,)]|$)/iu;
const SECRETARY = /^[\s,]*(?:siht\.?|sihteeri|sekreterare|protokollförare|pöytäkirjanpitäjä)(?=[\s,)]|$)/iu;
const NOTE =
  /\((?:poistui|saapui|avlägsnade|anlände|ja merkintä)[^)]*\)|(?<![\p{L}\p{N}])pois\s+\d{1,2}[.:]\d{2}|-\s*till\s+\d{1,2}[.:]\d{2}|(?<![\p{L}\p{N}])etänä(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}(?![\p{L}\p{N}])/giu;

const MAX_NOTE_LENGTH = 150;

function emptyParticipant(name: string, context: Context): Participant {
  return {
    name,
    organization: null,
    role: context.role,
    present: context.present,
    chair: context.chair,
    secretary: context.secretary,
    invited: context.invited,
    items: null,
  };
}

// Words of printed forms that flattened extraction mixes into rosters.
const FORM_WORDS =
  /(?<![\p{L}])(?:OLLEET|JÄSENET|SAAPUVILLA|MUUT|ALLEKIRJOITUS|ASIAT|Paikalla|Poissa|Varajäsen|Varajäsenet)(?![\p{L}])/gu;

/** Sets the items a person attended ('(asiat 1-5)') from `notes`; the notes without them. */
function takeItems(p: Participant, notes: string): string {
  const partial = PARTIAL.exec(notes);
  if (!partial) return notes;
  p.items = (partial[1] ?? partial[2] ?? '').replace(/\s+/gu, '').replace(/–/gu, '-');
  return notes.replace(PARTIAL, ' ');
}

/** Reads one person's notes ('pj.', 'siht.', '(asiat 1-5)', role, organisation) from the text beside their name. */
function applyNotes(p: Participant, notes: string, order: 'org-role' | 'role-org', withOrg: boolean): void {
  if (notes.trim() === '') return;
  let rest = takeItems(p, notes).replace(NOTE, ' ');
  if (rest.includes('('))
    rest = rest.replace(/\((pj\.?|puheenjohtaja|ordförande|sihteeri|sekreterare)\)/giu, (_, flag: string) => {
      if (/^(?:pj|puheenjohtaja|ordförande)/iu.test(flag)) p.chair = true;
      else p.secretary = true;
      return ' ';
    });
  if (CHAIR.test(rest)) {
    p.chair = true;
    rest = rest.replace(CHAIR, ' ');
  }
  if (SECRETARY.test(rest)) {
    p.secretary = true;
    rest = rest.replace(SECRETARY, ' ');
  }
  if (rest.includes(','))
    rest = rest.replace(
      /,\s*(?:pj\.?|siht\.?|puheenjohtaja|sihteeri|sekreterare|ordförande|pöytäkirjanpitäjä|esittelijä|föredragande|sakkunnig|asiantuntija)(?=[\s,)]|$)/giu,
      (m) => {
        // The presenter is a duty in this meeting, not a title; an expert is invited.
        if (/esittelijä|föredragande/iu.test(m)) return ' ';
        if (/sakkunnig|asiantuntija/iu.test(m)) {
          p.invited = true;
          return ' ';
        }
        if (/pj|puheenjohtaja|ordförande/iu.test(m)) p.chair = true;
        else p.secretary = true;
        return ' ';
      },
    );
  if (/(?:^|\s)(?:sihteeri|sekreterare|pöytäkirjanpitäjä)$/iu.test(rest.trim())) p.secretary = true;
  rest = rest.replace(FORM_WORDS, ' ');
  rest = collapseSpaces(rest.replace(/[()]/gu, ' ')).replace(/^[\s,;:–-]+|[\s,;:–-]+$/gu, '');
  if (rest === '' || !withOrg) return;
  const split = splitOrgAndRole(rest, order);
  // Text running on for lines beside a name is not a title or an organisation.
  // Plain membership is what a roster says of everyone: no title ('jäsen', 'ledamot').
  if (split.role && !p.role && split.role.length <= MAX_NOTE_LENGTH && !PLAIN_MEMBER.test(split.role))
    p.role = split.role;
  if (split.organization && split.organization.length <= MAX_NOTE_LENGTH) p.organization = split.organization;
}

function contextAt(cues: Cue[], at: number, initial: Context): Context {
  let context = initial;
  for (const cue of cues) {
    if (cue.end > at) break;
    context = cue.apply(context);
  }
  return context;
}

const START: Context = { present: true, invited: false, role: null, chair: false, secretary: false };

/** '(x) Organisation Role Firstname Lastname, pj. (asiat 1-5)' entries, as distribution lists write them. */
function readMarkedEntries(text: string, from: number, to: number, cues: Cue[]): FoundParticipant[] {
  const marks = [...text.slice(from, to).matchAll(/\((x|X|-|–|\s?)\)/gu)].map((m) => ({
    at: from + m.index,
    end: from + m.index + m[0].length,
    present: /x/iu.test(m[1] ?? '') ? true : /[-–]/u.test(m[1] ?? '') ? false : null,
  }));
  const found: FoundParticipant[] = [];
  marks.forEach((mark, i) => {
    const cueAfter = cues.find((c) => c.start > mark.end && c.start < (marks[i + 1]?.at ?? to));
    const end = Math.min(marks[i + 1]?.at ?? to, cueAfter?.start ?? to);
    const names = findNames(text, mark.end, end, 'first-last');
    const last = names[names.length - 1];
    if (!last) return;
    const context = contextAt(cues, mark.at, START);
    const p = emptyParticipant(last.name, { ...context, present: mark.present, role: null });
    applyNotes(p, text.slice(mark.end, last.start), 'org-role', true);
    applyNotes(p, text.slice(last.end, end), 'org-role', false);
    found.push({ participant: p, span: [mark.at, end] });
  });
  return found;
}

/** People written one a line without an attendance mark, between `from` and `to`. */
function readUnmarkedLines(text: string, from: number, to: number, cues: Cue[]): FoundParticipant[] {
  const found: FoundParticipant[] = [];
  for (let lineStart = from; lineStart < to;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline > to ? to : newline;
    const first = findNames(text, lineStart, lineEnd)[0];
    if (
      first &&
      text.slice(lineStart, first.start).trim() === '' &&
      !cues.some((c) => c.start >= lineStart && c.start < lineEnd)
    ) {
      const p = emptyParticipant(first.name, { ...contextAt(cues, lineStart, START), present: null });
      applyNotes(p, text.slice(first.end, lineEnd), 'role-org', true);
      found.push({ participant: p, span: [first.start, lineEnd] });
    }
    lineStart = lineEnd + 1;
  }
  return found;
}

/** 'Lastname, Firstname Role, Organisation x' entries whose attendance mark comes last. */
function readTrailingMarkEntries(text: string, from: number, to: number, cues: Cue[]): FoundParticipant[] {
  const found: FoundParticipant[] = [];
  // The last mark may stand before the bold marker of the first item ('… kaupunki x\n\n**1 Avaus').
  const marks = [...text.slice(from, to).matchAll(/(?<=\S\s)(x|X|\+|-|–)(?=\s+(?:\p{Lu}|\*\*$|$)|$)/gu)];
  let entryStart = cues.find((c) => c.start >= from)?.end ?? from;
  for (const m of marks) {
    const at = from + m.index;
    // Lines before the marked one are people written without a mark: whether they came is not said.
    const lastLine = text.lastIndexOf('\n', at - 1) + 1;
    if (lastLine > entryStart) {
      found.push(...readUnmarkedLines(text, entryStart, lastLine, cues));
      entryStart = lastLine;
    }
    // A flattened list runs entries together: a later 'Lastname, Firstname' starts another, unmarked one.
    const entries = findNames(text, entryStart, at).filter(
      (name, i) => i === 0 || text.slice(name.start, name.end).includes(','),
    );
    entries.forEach((name, i) => {
      const next = entries[i + 1];
      const p = emptyParticipant(name.name, {
        ...contextAt(cues, entryStart, START),
        present: next ? null : /[x+]/iu.test(m[1] ?? ''),
      });
      applyNotes(p, text.slice(name.end, next ? next.start : at), 'role-org', true);
      found.push({ participant: p, span: [name.start, next ? next.start : at + 1] });
    });
    entryStart = at + (m[0]?.length ?? 1);
  }
  return found;
}

/**
 * The names read in the region's likelier word order, and those of lines where that order reads none: a
 * roster may write 'Kunnas Sirpa, sosiaalijohtaja' on one line and 'sosiaalijohtaja Pekka Virta' on the next.
 */
function withNamesOfOtherLines(text: string, from: number, to: number, names: FoundName[]): FoundName[] {
  if (names.length === 0) return names;
  const extra: FoundName[] = [];
  let k = 0;
  for (let lineStart = from; lineStart < to;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline > to ? to : newline;
    while (k < names.length && (names[k] as FoundName).start < lineStart) k += 1;
    const named = k < names.length && (names[k] as FoundName).start < lineEnd;
    if (!named && lineEnd - lineStart > 4 && mayHoldName(text.slice(lineStart, lineEnd)))
      extra.push(...findNames(text, lineStart, lineEnd));
    lineStart = lineEnd + 1;
  }
  return extra.length === 0 ? names : [...names, ...extra].sort((a, b) => a.start - b.start);
}

// 'Riina Lumme, väliaikainen sihteeri Nasima Razmyar, apulaispormestari …': a name whose given name the
// lexicon lacks still stands between a lowercase title and a comma.
const UNKNOWN_NAME = /(?<=\p{Ll}\.? )(\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?=,)/gu;

function withUnknownGivenNames(text: string, names: FoundName[]): FoundName[] {
  const extra: FoundName[] = [];
  names.forEach((name, i) => {
    const gapEnd = names[i + 1]?.start ?? name.end;
    if (gapEnd - name.end > 300) return;
    for (const m of allMatches(UNKNOWN_NAME, text.slice(name.end, gapEnd))) {
      const start = name.end + m.index;
      const first = (m[1] ?? '').split(' ')[0] ?? '';
      if (isMunicipality(first) || /n$/u.test(first)) continue;
      extra.push({ name: m[1] ?? '', start, end: start + (m[1] ?? '').length });
    }
  });
  return extra.length === 0 ? names : [...names, ...extra].sort((a, b) => a.start - b.start);
}

const LETTER = /\p{L}/u;

/** Whether the gap between two names is a comma, then words with a letter on the same line, without brackets. */
function isCommaAndTitle(gap: string): boolean {
  let comma = 0;
  while (comma < gap.length && isSpaceAt(gap, comma)) comma += 1;
  if (gap.charCodeAt(comma) !== 0x2c) return false;
  const title = gap.slice(comma + 1);
  return !/[,\n()]/u.test(title) && LETTER.test(title);
}

/**
 * Titles written before each name in a comma-separated list ('Övriga närvarande: stadsdirektör Hans-Erik
 * Lindqvist, förvaltningsdirektör Peter Andersén'), by the index of the name. Only for a run of names
 * where every gap is a comma and one title, a title stands before the first name and the line ends after
 * the last: otherwise the words between names may as well belong to the name before them.
 */
function titlesBeforeNames(
  text: string,
  names: FoundName[],
  blockOf: (name: FoundName) => number,
): Map<number, { title: string; start: number }> {
  const titles = new Map<number, { title: string; start: number }>();
  const titleGap = (k: number) => {
    const a = names[k] as FoundName;
    const b = names[k + 1];
    if (!b || blockOf(b) !== blockOf(a)) return null;
    const gap = text.slice(a.end, b.start);
    if (!isCommaAndTitle(gap)) return null;
    const title = gap.replace(/^\s*,/u, '').replace(/\s+/gu, ' ').trim();
    return { title, start: a.end + gap.indexOf(title.charAt(0), gap.indexOf(',')) };
  };
  let i = 0;
  while (i < names.length) {
    let j = i;
    const gaps: { title: string; start: number }[] = [];
    for (let gap = titleGap(j); gap !== null; gap = titleGap(j)) {
      gaps.push(gap);
      j += 1;
    }
    const first = names[i] as FoundName;
    const previousEnd = i > 0 ? (names[i - 1] as FoundName).end : 0;
    const leadFrom = Math.max(blockOf(first), previousEnd);
    const lead = text.slice(leadFrom, first.start).trim();
    const lineEnds = /^[ \t]*(?:\n|$)/u.test(
      text.slice((names[j] as FoundName).end, (names[j] as FoundName).end + 80),
    );
    if (gaps.length >= 1 && lead !== '' && !/[,\n]/u.test(lead) && lineEnds) {
      titles.set(i, { title: lead, start: leadFrom + text.slice(leadFrom, first.start).indexOf(lead) });
      gaps.forEach((gap, k) => titles.set(i + k + 1, gap));
    }
    i = j + 1;
  }
  return titles;
}

/** Where the block of names holding `at` begins: after the last cue that starts before it, else at `from`. */
function blockStartOf(cues: Cue[], at: number, from: number): number {
  let start = from;
  for (const cue of cues) if (cue.start < at) start = cue.end;
  return start;
}

/** Names in running text or one per line, with their notes around them. */
function readNamesInText(text: string, from: number, to: number, cues: Cue[]): FoundParticipant[] {
  const names = withUnknownGivenNames(text, withNamesOfOtherLines(text, from, to, findNames(text, from, to)));
  if (names.length === 0) return [];
  const blockStarts = new Map(names.map((name) => [name, blockStartOf(cues, name.start, from)]));
  const boundaries = (name: FoundName) => blockStarts.get(name) as number;
  const titles = titlesBeforeNames(text, names, boundaries);
  const prefixLayout = names.some((name, i) => {
    const blockStart = boundaries(name);
    const previous = names[i - 1];
    if (previous && previous.end > blockStart) return false;
    const before = text.slice(blockStart, name.start).trim();
    return /^\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?$/u.test(before);
  });
  const found: FoundParticipant[] = [];
  let carriedOrg: string | null = null;
  names.forEach((name, i) => {
    const next = names[i + 1];
    const cueAfter = cues.find((c) => c.start >= name.end && (!next || c.start < next.start));
    const gapEnd = cueAfter?.start ?? next?.start ?? Math.min(to, name.end + 160);
    const context = contextAt(cues, name.start, START);
    const p = emptyParticipant(name.name, context);
    const title = titles.get(i);
    if (title !== undefined) {
      p.role = title.title;
      found.push({ participant: p, span: [title.start, name.end] });
      return;
    }
    let after = text.slice(name.end, gapEnd);
    const lineEnd = after.indexOf('\n');
    if (
      lineEnd >= 0 &&
      /\n/u.test(text.slice(name.start, name.end + 1) + after.slice(lineEnd)) &&
      !prefixLayout
    ) {
      const sameLine = after.slice(0, lineEnd);
      const nextLine = after.slice(lineEnd).trim();
      after = /^\(/u.test(nextLine) ? `${sameLine} ${nextLine}` : sameLine;
    }
    if (prefixLayout) {
      const blockStart = boundaries(name);
      const previous = names[i - 1];
      const gapStart = previous && previous.end > blockStart ? previous.end : blockStart;
      const before = text.slice(gapStart, name.start).replace(NOTE, ' ').replace(/[()]/gu, ' ').trim();
      if (previous && previous.end <= blockStart) carriedOrg = null;
      // A page's letterhead may come between two names: the organisation is on the line of the name.
      const line = before.slice(before.lastIndexOf('\n') + 1);
      const org = line
        .replace(FORM_WORDS, ' ')
        .replace(/\s(?:vs|vt|va)\.?$/iu, '')
        .trim();
      // Letterheads and page footers (addresses, e-mail) that land between names are not organisations.
      const plausible =
        org !== '' &&
        /^\p{Lu}/u.test(org) &&
        org.split(/\s+/u).length <= 4 &&
        !/\d|@|\(at\)|www\./u.test(org);
      // A title before the name ('Ordförande Anna-Lena Karlsson', 'Ledamot Johanna Nyström') is the person's.
      const title = plausible ? splitOrgAndRole(org, 'org-role') : null;
      if (title && title.organization === null && title.role !== null) applyRoleCell(p, title.role);
      else if (plausible) carriedOrg = org;
      p.organization = carriedOrg;
      applyNotes(p, after.replace(/\s\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?\s*$/u, ' '), 'role-org', false);
    } else {
      applyNotes(p, after, 'role-org', true);
    }
    if (p.items === null && p.present === null && NOTE.test(after)) p.present = true;
    NOTE.lastIndex = 0;
    found.push({ participant: p, span: [name.start, gapEnd] });
  });
  return found;
}

const PLAIN_MEMBER = /^(?:jäsen|varsinainen jäsen|ledamot|member)$/iu;
const EXPERT = /^(?:asiantuntija|asiantuntijana|sakkunnig|kutsuttuna|kutsuttu|expert)$/iu;
const PRESENTER = /^(?:esittelijä|föredragande)$/iu;

/** A role cell such as 'hallintosihteeri, pöytäkirjanpitäjä': the title, with chair, secretary and expert as flags. */
function applyRoleCell(p: Participant, cell: string): void {
  const kept: string[] = [];
  for (const part of cell
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    if (CHAIR.test(part) && /^(?:pj\.?|puheenjohtaja|ordförande|ordf\.)$/iu.test(part)) p.chair = true;
    else if (
      SECRETARY.test(part) &&
      /^(?:siht\.?|sihteeri|sekreterare|protokollförare|pöytäkirjanpitäjä)$/iu.test(part)
    )
      p.secretary = true;
    else if (EXPERT.test(part)) p.invited = true;
    else if (!PLAIN_MEMBER.test(part) && !PRESENTER.test(part)) kept.push(part);
  }
  p.role = kept.length > 0 ? kept.join(', ') : null;
}

/**
 * A cell of notes beside a name: the items attended, then the role (chair, secretary and expert as flags);
 * when it names no role, the organisation it names is returned.
 */
function applyNotesCell(p: Participant, cell: string): string | null {
  const rest = collapseSpaces(takeItems(p, cell)).trim();
  if (rest === '') return null;
  const split = splitOrgAndRole(rest, 'role-org');
  if (split.role !== null) applyRoleCell(p, split.role);
  return split.role === null ? split.organization : null;
}

/** Which columns of a table's header, in lower case, hold attendance, organisation and role; -1 for none. */
function tableColumns(header: readonly string[]) {
  const col = (pattern: RegExp) => header.findIndex((h) => pattern.test(h));
  return {
    presentCol: col(/^(?:läsnä|paikalla|närvarande|present|x)$/u),
    absentCol: col(/^(?:poissa|frånvarande|absent)$/u),
    orgCol: col(/^(?:organisaatio|organisation|kunta|edustaa|org|taho|yksikkö|kommun)$/u),
    roleCol: col(/^(?:tehtävä|titteli|rooli|roll|befattning|nimike|role)$/u),
  };
}

interface CellNames {
  column: number;
  names: FoundName[];
}

/** The first of a row's cells that holds names, with those names; -1 and none when no cell does. */
function firstCellWithNames(cells: readonly string[]): CellNames {
  for (let column = 0; column < cells.length; column += 1) {
    const cell = cells[column] as string;
    const names = findNames(cell, 0, cell.length);
    if (names.length > 0) return { column, names };
  }
  return { column: -1, names: [] };
}

/** Whether a name was written surname first in `cell`. */
function writtenSurnameFirst(cell: string, name: FoundName): boolean {
  return cell.startsWith(name.name.slice(name.name.lastIndexOf(' ') + 1), name.start);
}

/** The word order most of a table's names are written in, or null when the rows do not agree by two to one. */
function tableNameOrder(
  rowCells: readonly (readonly string[])[],
  rowNames: readonly CellNames[],
): NameOrder | null {
  let lastFirst = 0;
  let firstLast = 0;
  rowNames.forEach(({ column, names }, r) => {
    const cell = rowCells[r]?.[column] ?? '';
    for (const name of names)
      if (writtenSurnameFirst(cell, name)) lastFirst += 1;
      else firstLast += 1;
  });
  if (lastFirst > 0 && lastFirst >= 2 * firstLast) return 'last-first';
  if (firstLast > 0 && firstLast >= 2 * lastFirst) return 'first-last';
  return null;
}

/** A row's names read in the table's word `order` when its cell reads as well that way ('Laine Seppo' among 'Manninen Tuula' rows). */
function inTableOrder(cells: readonly string[], found: CellNames, order: NameOrder | null): CellNames {
  const cell = cells[found.column] ?? '';
  if (order === null || found.names.every((n) => writtenSurnameFirst(cell, n) === (order === 'last-first')))
    return found;
  const names = findNames(cell, 0, cell.length, order);
  const same = names.length === found.names.length && names.every((n, i) => n.start === found.names[i]?.start && n.end === found.names[i]?.end); // prettier-ignore
  return same ? { column: found.column, names } : found;
}

/** Whether column `i` of a row is an attendance mark ('x', '✓'); false for no column (-1). */
function isMarkCell(cells: readonly string[], i: number): boolean {
  return i >= 0 ? /^[x+✓✔•X]$/u.test(cells[i] ?? '') : false;
}

/** Whether column `i` of a row is a dash; false for no column (-1). */
function isDashCell(cells: readonly string[], i: number): boolean {
  return i >= 0 && /^[-–]$/u.test(cells[i] ?? '');
}

/** The roster written as a table: one row a line, cells separated by tabs or pipes. */
function readTable(text: string, from: number, to: number, cues: Cue[]): FoundParticipant[] | null {
  const lines = [...text.slice(from, to).matchAll(/[^\n]+/gu)].map((m) => ({
    text: m[0],
    start: from + m.index,
  }));
  const rows = lines.filter((l) => l.text.includes('\t') || /^\s*\|/u.test(l.text));
  const lineCount = lines.filter((l) => l.text.trim() !== '').length;
  if (rows.length < 3 || rows.length * 5 < lineCount * 3) return null;
  const cellsOf = (line: string) =>
    (line.includes('\t') ? line.split('\t') : line.replace(/^\s*\||\|\s*$/gu, '').split('|')).map((c) =>
      c.trim(),
    );
  let columns = tableColumns([]);
  let lastOrg: string | null = null;
  let invited = false;
  const found: FoundParticipant[] = [];
  const rowCells = rows.map((row) => cellsOf(row.text));
  const rowNames = rowCells.map((cells) => firstCellWithNames(cells));
  const order = tableNameOrder(rowCells, rowNames);
  for (const [r, row] of rows.entries()) {
    const cells = rowCells[r] as string[];
    if (cells.every((c) => /^[-:\s]*$/u.test(c))) continue;
    if (
      cells.some((c) => /^(?:Nimi|Name|Namn|Läsnä|Poissa|Organisaatio)$/iu.test(c)) &&
      findNames(row.text, 0, row.text.length).length === 0
    ) {
      columns = tableColumns(cells.map((c) => c.toLowerCase()));
      continue;
    }
    const { presentCol, absentCol, orgCol, roleCol } = columns;
    const { column: nameCol, names } = inTableOrder(cells, rowNames[r] as CellNames, order);
    if (nameCol < 0) continue;
    let orgCell =
      orgCol >= 0 && orgCol !== nameCol ? (cells[orgCol] ?? '') : nameCol > 0 ? (cells[0] ?? '') : '';
    const invitedCue = /^(?:Muut kutsutut|Kutsuttuina|Muut|Övriga närvarande|Asiantuntijat)\s*:\s*/iu.exec(
      orgCell,
    );
    if (invitedCue) {
      invited = true;
      orgCell = orgCell.slice(invitedCue[0].length);
    }
    if (orgCell !== '') lastOrg = orgCell;
    const nameCell = cells[nameCol] ?? '';
    const orgParts =
      names.length > 1 && orgCell.split(/\s+/u).length === names.length ? orgCell.split(/\s+/u) : null;
    const marks = cells.filter(
      (_, i) => i !== nameCol && i !== orgCol && i !== roleCol && (i !== 0 || nameCol === 0),
    );
    let present: Presence =
      presentCol >= 0 || absentCol >= 0
        ? isMarkCell(cells, presentCol)
          ? true
          : isMarkCell(cells, absentCol) || isDashCell(cells, presentCol)
            ? false
            : null
        : null;
    const partial = marks.find(
      (c) => /^(?:klo\s*)?\d{1,2}[.:]\d{2}\s*-/u.test(c) || /^(?:asiat|kohdat)\s/u.test(c),
    );
    if (present === null && (partial || invited)) present = true;
    // Without a header, a cell of words after the name holds the role ('puheenjohtaja', 'kaupunginjohtaja
    // (asiat 1–5)'), or the organisation when it names no role.
    const notesCell =
      roleCol < 0 && presentCol < 0 && absentCol < 0 && orgCol < 0 && names.length === 1
        ? cells.find((c, i) => i > nameCol && i !== orgCol && c !== partial && /\p{L}{2}/u.test(c))
        : undefined;
    names.forEach((name, k) => {
      const context = contextAt(cues, row.start, START);
      const p = emptyParticipant(name.name, {
        ...context,
        present,
        invited: invited || context.invited,
        role: null,
      });
      const previousEnd = names[k - 1]?.end ?? 0;
      const before = nameCell.slice(previousEnd, name.start).trim();
      if (before && /^\p{Ll}/u.test(before)) p.role = before.replace(/[,;]$/u, '');
      applyNotes(p, nameCell.slice(name.end, names[k + 1]?.start ?? nameCell.length), 'role-org', false);
      if (roleCol >= 0 && cells[roleCol]) applyRoleCell(p, cells[roleCol] ?? '');
      const cellOrg = notesCell === undefined ? null : applyNotesCell(p, notesCell);
      if (p.present === null && presentCol < 0 && absentCol < 0) p.present = context.present;
      p.organization = orgParts ? (orgParts[k] ?? null) : (lastOrg ?? cellOrg);
      if (partial) p.items = partial;
      found.push({ participant: p, span: [row.start, row.start + row.text.length] });
    });
  }
  return found.length >= 2 ? found : null;
}

/** An attendance mark written last in an entry, before the next entry's 'Lastname,'. */
const TRAILING_MARK = /[x-](?=\s+\p{Lu}\p{Ll}+[,.]\s)/gu;

/** How many attendance marks in `region` are written last in an entry, each after a word and a space. */
function countTrailingMarks(region: string): number {
  let count = 0;
  for (const m of region.matchAll(TRAILING_MARK)) if (followsLetterAndSpace(region, m.index)) count += 1;
  return count;
}

/** Whether the characters just before `at` are a letter and then white space. */
function followsLetterAndSpace(text: string, at: number): boolean {
  if (at < 2 || !isSpaceAt(text, at - 1)) return false;
  const last = text.charCodeAt(at - 2);
  const lead = at >= 3 ? text.charCodeAt(at - 3) : 0;
  const pair = last >= 0xdc00 && last <= 0xdfff && lead >= 0xd800 && lead <= 0xdbff;
  return LETTER.test(text.slice(pair ? at - 3 : at - 2, at - 1));
}

/** Headings that open a roster when they stand alone on their line, possibly in bold ('**Jäsenet**:'). */
const ROSTER_HEADINGS = ['Jäsenet', 'Medlemmar', 'Varsinaiset jäsenet'];
/** Labels that open a roster after a space, mark or punctuation and before a space, colon or bold mark. */
const ROSTER_LABELS = [
  'Jakelu',
  'JAKELU',
  'Kokoukseen kutsutaan',
  'Sändlista',
  'Kallade',
  'Osallistujat',
  'OSALLISTUJAT',
  'Läsnä',
  'LÄSNÄ',
  'Läsnäolijat',
  'Saapuvilla',
  'SAAPUVILLA',
  'Paikalla',
  'PAIKALLA',
  'Kutsutut',
  'KUTSUTUT',
  'Kutsuttuina',
  'Närvarande',
  'NÄRVARANDE',
  'Beslutande',
  'Deltagare',
  'DELTAGARE',
  'Present',
  'Attendees',
  'Participants',
];
const ROSTER_WORD = new RegExp([...ROSTER_HEADINGS, ...ROSTER_LABELS].join('|'), 'gu');

/** Where a roster's opening heading or label is. */
export interface RosterLabel {
  start: number;
  end: number;
}

/**
 * The first roster heading or label that begins at or after `from`, reading only the text between `base`
 * (taken as a line start) and `limit` (taken as the end of the text). A heading's span starts at its line.
 */
export function findRosterLabel(text: string, from: number, base: number, limit: number): RosterLabel | null {
  ROSTER_WORD.lastIndex = from;
  for (let m = ROSTER_WORD.exec(text); m && m.index < limit; m = ROSTER_WORD.exec(text)) {
    const found = headingAt(text, m.index, from, base, limit) ?? labelAt(text, m.index, base, limit);
    if (found) return found;
    ROSTER_WORD.lastIndex = m.index + 1;
  }
  return null;
}

/** A roster heading at `at` that stands alone on its line, from its line's start to the line break. */
function headingAt(text: string, at: number, from: number, base: number, limit: number): RosterLabel | null {
  const word = ROSTER_HEADINGS.find((w) => at + w.length <= limit && text.startsWith(w, at));
  if (word === undefined) return null;
  let end = at + word.length;
  if (end + 2 <= limit && text.startsWith('**', end)) end += 2;
  end = skipBlanks(text, end, limit);
  if (end < limit && text.charCodeAt(end) === 0x3a) end = skipBlanks(text, end + 1, limit);
  if (end >= limit || text.charCodeAt(end) !== 0x0a) return null;
  const lead = at - 2 >= base && text.startsWith('**', at - 2) ? at - 2 : at;
  let start = lead;
  while (start > base && isBlank(text.charCodeAt(start - 1))) start -= 1;
  if (start > base && text.charCodeAt(start - 1) !== 0x0a) return null;
  return start >= from ? { start, end } : null;
}

/** A roster label at `at` after a space, mark or punctuation and before a space, colon, bold mark or the end. */
function labelAt(text: string, at: number, base: number, limit: number): RosterLabel | null {
  if (at > base && !isSpaceAt(text, at - 1) && !'*.,:'.includes(text.charAt(at - 1))) return null;
  for (const word of ROSTER_LABELS) {
    const end = at + word.length;
    if (end > limit || !text.startsWith(word, at)) continue;
    if (
      end === limit ||
      isSpaceAt(text, end) ||
      text.charCodeAt(end) === 0x3a ||
      (end + 2 <= limit && text.startsWith('**', end))
    )
      return { start: at, end };
  }
  return null;
}

/** The first position at or after `at`, before `limit`, that is not a space or tab. */
function skipBlanks(text: string, at: number, limit: number): number {
  let end = at;
  while (end < limit && isBlank(text.charCodeAt(end))) end += 1;
  return end;
}

const ROSTER_END =
  /^[ \t]*(?:\*\*)?(?:Allekirjoitukset|Allekirjoitus|Pöytäkirjan tarkastajat|Pöytäkirjan tarkastus|Käsitellyt asiat|Käsiteltävät asiat|Underskrifter|Protokolljusterare|Justering|Behandlade ärenden)(?![\p{L}])/mu;

/** The people listed as attending (or not) between `from` and `to`, each once. */
export function readParticipants(text: string, from: number, to: number): FoundParticipant[] {
  const seen = new Set<string>();
  return readRosterRegion(text, from, to).filter((p) => {
    if (seen.has(p.participant.name)) return false;
    seen.add(p.participant.name);
    return true;
  });
}

function readRosterRegion(text: string, from: number, to: number): FoundParticipant[] {
  const start = findRosterLabel(text, from, from, to);
  if (!start) return [];
  const rosterStart = start.start;
  const after = ROSTER_END.exec(text.slice(rosterStart, to));
  if (after && after.index > 0) to = rosterStart + after.index;
  const cues = findCues(text, rosterStart, to);
  const region = text.slice(rosterStart, to);
  const table = /\t|\|/u.test(region) ? readTable(text, rosterStart, to, cues) : null;
  if (table) return table;
  const markedCount = (region.match(/\((?:x|X|-|–)\)/gu) ?? []).length;
  if (markedCount >= 3) return readMarkedEntries(text, rosterStart, to, cues);
  if (countTrailingMarks(region) >= 3) return readTrailingMarkEntries(text, rosterStart, to, cues);
  return readNamesInText(text, rosterStart, to, cues);
}
