import type { CueKind, CueWords } from './cue-words.js';
import { followsWordChar } from './scan.js';
import { collapseSpaces } from './text-span.js';

/** Attachments an item names: 'liite 1', 'Liite 3: Projektiorganisaatio', 'liitteinä 2-6', file lists. */

// NAMED, NUMBERED and RANGE must start a word; all three are sticky, tried where attachment words begin.
const NAMED =
  /(Liite|Bilaga|LIITE|BILAGA)\s+(\d{1,3})\s*[:.]\s*([^\n]{1,120}?)(?=\s*(?:$|\n|\)|(?<=\S)\s+(?:Käydään|Merkitään|Hyväksytään|Todettiin|Päätettiin)(?![\p{L}\p{N}])))/muy;
const NUMBERED =
  /(?:liite|liitteenä|liitteessä|liitteestä|liitteeseen|bilaga|bilagan)\s+(\d{1,3})(?![\p{L}\p{N}])/iuy;
const RANGE = /(?:liitteinä|liitteet|bilagor(?:na)?)\s+(\d{1,3})\s*[-–]\s*(\d{1,3})(?![\p{L}\p{N}])/iuy;
const NAMED_BY_POSITION =
  /(?:^|[.\n]\s*|-\s)(\p{Lu}[\p{L}-]*(?:\s\p{L}[\p{L}-]*){0,3})\s+liitteenä(?![\p{L}\p{N}])/gu;
const FILE_LINE =
  /^[ \t]*(?:[-•][ \t]*)?([^\n]{2,150}?\.(?:pdf|docx?|xlsx?|pptx?|odt|txt)|[^\n]{2,150}?)\s*\(\d+\s*(?:kt|kb|Kt|KB|MB|Mt|mb)\)\s*$/gmu;
// Read one line at a time, only on lines where the cue scan found an extension: at every line start of a
// region the name's run of 150 characters backs off one at a time looking for the extension.
const FILE_NAME = /^[ \t]*(?:[-•][ \t]*)?([^\s\n][^\n]{1,150}\.(?:pdf|docx?|xlsx?|pptx?|odt))\s*$/iuy;

function clean(name: string): string {
  return collapseSpaces(name.replace(/\*\*/g, ''))
    .replace(/[\s,;]+$/u, '')
    .replace(/,\s*(?:luottamuksellinen|salassa pidettävä|ei julkinen).*$/iu, '')
    .trim();
}

const NAMED_IN_BRACKETS = /\((?:liite|Liite)\s+(\d{1,3})\s+([^)]{2,80})\)/uy;
const FILE_SIZE = /\(\d+\s*(?:kt|kb|mb|mt)\)/iu;
const FILE_EXTENSION = /\.(?:pdf|docx?|xlsx?|pptx?|odt)(?![\p{L}\p{N}])/iu;

/**
 * The attachments named in the text between `from` and `to`. The patterns of numbered and named attachments
 * all begin with 'liit' or 'bilag' (or just before it, '(liite 2 …)'): they are tried only where `cues` found
 * those, one match after another as a scan of the region would find them.
 */
export function findAttachments(text: string, from: number, to: number, cues: CueWords): string[] {
  const mentions = cues.beginsIn('attachment', from, to);
  const sizes = cues.beginsIn('fileSize', from, to);
  const extensions = cues.beginsIn('fileExtension', from, to);
  if (!mentions && !sizes && !extensions) return [];
  const region = text.slice(from, to);
  const byNumber = new Map<string, string>();
  const files: string[] = [];
  if (mentions) {
    const matchesOf = (pattern: RegExp, lead = 0, wordStart = true): RegExpExecArray[] =>
      matchesAtCues(pattern, region, from, cues, lead, wordStart);
    for (const m of matchesOf(NAMED)) {
      const number = m[2] ?? '';
      const name = clean(m[3] ?? '');
      byNumber.set(
        number,
        name
          ? `${m[1] === 'Bilaga' || m[1] === 'BILAGA' ? 'Bilaga' : 'Liite'} ${number}: ${name}`
          : `Liite ${number}`,
      );
    }
    for (const m of matchesOf(NAMED_IN_BRACKETS, 1, false)) {
      const number = m[1] ?? '';
      if (!byNumber.has(number)) byNumber.set(number, `Liite ${number}: ${clean(m[2] ?? '')}`);
    }
    for (const m of matchesOf(RANGE)) {
      const label = /^b/iu.test(m[0]) ? 'Bilagor' : 'Liitteet';
      const key = `${m[1]}-${m[2]}`;
      if (!byNumber.has(m[1] ?? '')) byNumber.set(key, `${label} ${key}`);
    }
    for (const m of matchesOf(NUMBERED)) {
      const number = m[1] ?? '';
      const covered = [...byNumber.keys()].some((k) => k === number || inRange(k, number));
      if (!covered) byNumber.set(number, `${/^b/iu.test(m[0]) ? 'Bilaga' : 'Liite'} ${number}`);
    }
    if (region.includes('liitteenä'))
      for (const m of region.matchAll(NAMED_BY_POSITION)) {
        const name = clean(m[1] ?? '');
        if (name && !/^(?:Liite|Muistio|Esitys on|Se)$/u.test(name) && byNumber.size === 0) files.push(name);
      }
  }
  if (sizes && FILE_SIZE.test(region))
    for (const m of region.matchAll(FILE_LINE)) files.push(clean(m[1] ?? ''));
  if (extensions && FILE_EXTENSION.test(region))
    for (const line of linesWithCues(text, from, to, cues, 'fileExtension')) {
      FILE_NAME.lastIndex = 0;
      const m = FILE_NAME.exec(line);
      const name = m ? clean(m[1] ?? '') : '';
      if (m && !files.includes(name)) files.push(name);
    }
  return [...byNumber.values(), ...files.filter((f, i) => f !== '' && files.indexOf(f) === i)];
}

/**
 * The matches in `region` (which begins at `from` of the text `cues` were found in) of the sticky `pattern`,
 * tried `lead` characters before each attachment word; each search goes on after the match before, as a
 * global scan's does. With `wordStart`, a match must begin a word of the region, or the search goes on from
 * the character after its start.
 */
function matchesAtCues(
  pattern: RegExp,
  region: string,
  from: number,
  cues: CueWords,
  lead: number,
  wordStart: boolean,
): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  for (let at = cues.next('attachment', from + lead); at >= 0 && at - lead < from + region.length;) {
    pattern.lastIndex = at - lead - from;
    const m = pattern.exec(region);
    let next = at + 1;
    if (m && wordStart && followsWordChar(region, m.index)) next = from + m.index + lead + 1;
    else if (m) {
      matches.push(m);
      next = from + m.index + m[0].length + lead;
    }
    at = cues.next('attachment', next);
  }
  return matches;
}

/** The lines of the text between `from` and `to` (cut to that region) where a cue word of `kind` begins, each once. */
function linesWithCues(text: string, from: number, to: number, cues: CueWords, kind: CueKind): string[] {
  const lines: string[] = [];
  for (let at = cues.next(kind, from); at >= 0 && at < to;) {
    const newlineBefore = text.lastIndexOf('\n', at - 1);
    const start = Math.max(from, newlineBefore + 1);
    const newline = text.indexOf('\n', at);
    const end = newline < 0 || newline > to ? to : newline;
    lines.push(text.slice(start, end));
    at = cues.next(kind, end + 1);
  }
  return lines;
}

function inRange(key: string, number: string): boolean {
  const m = /^(\d+)-(\d+)$/u.exec(key);
  return !!m && Number(number) >= Number(m[1]) && Number(number) <= Number(m[2]);
}
