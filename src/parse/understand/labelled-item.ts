import type { Participant, Span } from '../../domain/minutes.js';
import type { FoundItem } from './items.js';
import { findNames } from './person-names.js';
import { cleanText } from './text-span.js';
import { attachItemRecords } from './item-records.js';
import type { CueWords } from './cue-words.js';
import { BODY_NOUN } from './cues.js';

/**
 * Items published alone by case-management systems (Tweb, Dynasty, CloudNC) as label/value pairs:
 * '**Päätösesitys**<tab>Merkitään tiedoksi.', 'Päätös:' on its own line, 'Liitteet', 'Esittelijä' …
 */

const LABELS: Array<[RegExp, Section]> = [
  [
    /^(?:Päätösesitys|Päätösehdotus|Ehdotus|Esitys|Esittelijän ehdotus|Pohjaesitys|\p{L}+n esitys|\p{L}+n ehdotus|Förslag|Beslutsförslag|Proposal)$/iu,
    'proposal',
  ],
  [/^(?:Päätös|Beslut|Decision)$/iu, 'decision'],
  [/^(?:Liitteet|Liite|Bilagor|Bilaga|Attachments)$/iu, 'attachments'],
  [/^(?:Esittelijä|Föredragande|Esittelijä\(t\))$/iu, 'presenter'],
  [
    /^(?:Dno|Diaarinumero|Päätöshistoria|Tiivistelmä|Esittelyteksti|Selostus|Perustelut|Oheismateriaali|Valmistelijat|Valmistelija|Lisätiedot|Täytäntöönpanotiedot|Täytäntöönpano|Muutoksenhakuohje|Muutoksenhaku|Kokouskäsittely|Käsittely|Tiedoksi|Beredare|Behandling|Sammandrag|Verkställighet|Ändringssökande|Ärendet|Bakgrund|Motivering|Dnr|Äänestystulokset|Äänestystulos|Omröstningsresultat)$/iu,
    'other',
  ],
];

type Section = 'proposal' | 'decision' | 'attachments' | 'presenter' | 'other';

interface LabelLine {
  section: Section;
  label: string;
  /** Where the label line starts. */
  start: number;
  /** Where its value begins (after the label and its tab or colon). */
  valueStart: number;
}

const LABEL_LINE =
  /^[ \t]*(?:\*\*)?([\p{Lu}][\p{L}()]*(?: [\p{L}()]+){0,2}?)(?:\*\*)?[ \t]*:?(?:\*\*)?(?:\t[ \t]*|[ \t]*$)/gmu;

function findLabelLines(text: string, from: number, to: number): LabelLine[] {
  const lines: LabelLine[] = [];
  for (const m of text.slice(from, to).matchAll(LABEL_LINE)) {
    const label = (m[1] ?? '').trim();
    const entry = LABELS.find(([pattern]) => pattern.test(label));
    if (!entry) continue;
    const start = from + m.index;
    lines.push({ section: entry[1], label, start, valueStart: start + m[0].length });
  }
  return lines;
}

export interface LabelledItem {
  found: FoundItem;
  presenter: { participant: Participant; span: Span } | null;
  /** 'Kaupunginhallitus 20.3.2017 § 10' when the item names its own meeting. */
  meeting: OwnMeeting | null;
}

interface OwnMeeting {
  at: number;
  body: string;
  date: string | null;
  number: string;
}

/** 'Kaupunginhallitus 20.3.2017 § 10' or 'Hyvinvointilautakunta § 87 14.11.2019' on a line of its own. */
function parseOwnMeetingLine(line: string): Omit<OwnMeeting, 'at'> | null {
  const plain = line.replace(/\*\*/gu, '').trim();
  if (plain.length > 90) return null;
  const section = /§\s?(\d{1,4})(?!\d)/u.exec(plain);
  const body = /^(\p{Lu}[\p{L}-]+)/u.exec(plain);
  if (!section || !body || !BODY_NOUN.test(body[1] ?? '')) return null;
  const date = /(\d{1,2})\.(\d{1,2})\.(\d{4})/u.exec(plain);
  const rest = plain
    .replace(body[0], '')
    .replace(section[0], '')
    .replace(date?.[0] ?? '', '');
  if (/\p{L}{3,}/u.test(rest)) return null;
  return {
    body: body[1] ?? '',
    date: date ? `${date[3]}-${(date[2] ?? '').padStart(2, '0')}-${(date[1] ?? '').padStart(2, '0')}` : null,
    number: section[1] ?? '',
  };
}

/** Reads a lone item written as label/value pairs, or null when the text is not laid out that way. */
export function readLabelledItem(
  text: string,
  from: number,
  to: number,
  cues: CueWords,
): LabelledItem | null {
  const labels = findLabelLines(text, from, to);
  const kinds = new Set(labels.map((l) => l.section));
  if (labels.length < 3 || !(kinds.has('proposal') || kinds.has('decision'))) return null;
  const firstLabel = labels[0] as LabelLine;
  const ownMeeting = findOwnMeeting(text, from, to, labels);
  const heading = findHeading(text, from, firstLabel.start);
  const sectionText = (section: Section): { value: string; span: Span } | null => {
    const index = labels.findIndex((l) => l.section === section);
    if (index < 0) return null;
    const label = labels[index] as LabelLine;
    let end = labels[index + 1]?.start ?? to;
    if (ownMeeting && ownMeeting.at > label.valueStart && ownMeeting.at < end) end = ownMeeting.at;
    const value = cleanText(text.slice(label.valueStart, end));
    return value === '' || value === '-' ? null : { value, span: [label.valueStart, end] };
  };
  const proposal = sectionText('proposal');
  const decision = sectionText('decision');
  const attachments = sectionText('attachments');
  const title = heading ? cleanText(text.slice(heading[0], heading[1])) : '';
  const found: FoundItem = {
    item: {
      number: ownMeeting?.number ?? '',
      title,
      proposal: proposal?.value ?? null,
      decision: decision?.value ?? null,
      attachments: attachments
        ? splitAttachmentList(text.slice(attachments.span[0], attachments.span[1]))
        : [],
    },
    spans: {
      item: [from, to],
      title: heading ?? [from, from],
      ...(proposal ? { proposal: proposal.span } : {}),
      ...(decision ? { decision: decision.span } : {}),
    },
    region: [from, to],
  };
  attachItemRecords(found.item, text, from, to, cues);
  return {
    found,
    presenter: readPresenter(text, sectionText('presenter')),
    meeting: ownMeeting,
  };
}

/** The item's own meeting line, outside its decision history. */
function findOwnMeeting(text: string, from: number, to: number, labels: LabelLine[]): OwnMeeting | null {
  for (const m of text.slice(from, to).matchAll(/[^\n]+/gu)) {
    if (!m[0].includes('§')) continue;
    const parsed = parseOwnMeetingLine(m[0]);
    if (!parsed) continue;
    const at = from + m.index;
    const within = labels.filter((l) => l.start <= at).pop();
    if (!within || !/^(?:Päätöshistoria|Beslutshistorik)$/iu.test(within.label)) return { ...parsed, at };
  }
  return null;
}

const NOT_HEADING =
  /^(?:\*\*)?(?:Päivämäärä|Datum|Pöytäkirja|Protokoll|Sivu|Sida|\d+\s*\(\d+\))(?![\p{L}])|(?:kaupunki|kunta|stad|kommun|kuntayhtymä|samkommun)(?:\*\*)?$/iu;

/** The item's heading: the first block of (bold) lines before the labels that is not a letterhead or a date. */
function findHeading(text: string, from: number, to: number): Span | null {
  const lines = [...text.slice(from, to).matchAll(/[^\n]+/gu)];
  let start = -1;
  let end = -1;
  for (const line of lines) {
    const value = line[0].trim();
    const lineStart = from + line.index;
    const lineEnd = lineStart + line[0].length;
    if (start >= 0) {
      const contiguous =
        text.slice(end, lineStart) === '\n' &&
        /^\*\*/u.test(value) &&
        /^\*\*/u.test(text.slice(start, end).trim());
      if (contiguous) {
        end = lineEnd;
        continue;
      }
      break;
    }
    if (NOT_HEADING.test(value) || /^\d{1,2}\.\d{1,2}\.\d{4}$/u.test(value) || parseOwnMeetingLine(value))
      continue;
    start = lineStart;
    end = lineEnd;
  }
  return start >= 0 ? [start, end] : null;
}

/** One attachment per line or dash item; a trailing clause after a comma is the document's note, not its name. */
function splitAttachmentList(value: string): string[] {
  return value
    .split(/\n(?=\s*(?:[-•]|\d{1,2}[.)]?\s|\p{Lu}))/u)
    .map((part) => {
      const numbered = /^\s*(\d{1,2})[.)]?\s+/u.exec(part);
      const name = cleanText(part.replace(/^\s*(?:[-•]|\d{1,2}[.)]?)\s*/u, '')).replace(/,\s+\p{Ll}.*$/u, '');
      return numbered && name !== '' ? `Liite ${numbered[1]}: ${name}` : name;
    })
    .filter((part) => part !== '' && part !== '-');
}

function readPresenter(
  text: string,
  section: { value: string; span: Span } | null,
): LabelledItem['presenter'] {
  if (!section) return null;
  const names = findNames(text, section.span[0], section.span[1], 'first-last');
  const name = names[0];
  if (!name) return null;
  const role = cleanText(text.slice(section.span[0], name.start)).replace(/[,:]$/u, '') || null;
  return {
    participant: {
      name: name.name,
      organization: null,
      role,
      present: null,
      chair: false,
      secretary: false,
      invited: false,
      items: null,
    },
    span: [name.start, name.end],
  };
}

/** The body that decides, from a proposal such as 'Yhdyskuntalautakunta päättää …'. */
export function bodyFromProposal(proposal: string | null): string | null {
  const m = proposal
    ? /^[^\p{L}]*(\p{Lu}[\p{L}-]+) (?:päättää|esittää|hyväksyy|merkitsee|beslutar|föreslår|godkänner)(?![\p{L}\p{N}])/u.exec(
        proposal,
      )
    : null;
  return m && BODY_NOUN.test(m[1] ?? '') ? (m[1] ?? null) : null;
}
