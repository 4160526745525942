import { matchesAtWordStart } from './scan.js';
import { collapseSpaces } from './text-span.js';

/** Attachments an item names: 'liite 1', 'Liite 3: Projektiorganisaatio', 'liitteinä 2-6', file lists. */

// NAMED, NUMBERED and RANGE must start a word: read them with matchesAtWordStart.
const NAMED =
  /(Liite|Bilaga|LIITE|BILAGA)\s+(\d{1,3})\s*[:.]\s*([^\n]{1,120}?)(?=\s*(?:$|\n|\)|(?<=\S)\s+(?:Käydään|Merkitään|Hyväksytään|Todettiin|Päätettiin)(?![\p{L}\p{N}])))/gmu;
const NUMBERED =
  /(?:liite|liitteenä|liitteessä|liitteestä|liitteeseen|bilaga|bilagan)\s+(\d{1,3})(?![\p{L}\p{N}])/giu;
const RANGE = /(?:liitteinä|liitteet|bilagor(?:na)?)\s+(\d{1,3})\s*[-–]\s*(\d{1,3})(?![\p{L}\p{N}])/giu;
const NAMED_BY_POSITION =
  /(?:^|[.\n]\s*|-\s)(\p{Lu}[\p{L}-]*(?:\s\p{L}[\p{L}-]*){0,3})\s+liitteenä(?![\p{L}\p{N}])/gu;
const FILE_LINE =
  /^[ \t]*(?:[-•][ \t]*)?([^\n]{2,150}?\.(?:pdf|docx?|xlsx?|pptx?|odt|txt)|[^\n]{2,150}?)\s*\(\d+\s*(?:kt|kb|Kt|KB|MB|Mt|mb)\)\s*$/gmu;
// Leading blanks are read within the line: over a run of blank lines, '\s*' at each line start is quadratic.
const FILE_NAME = /^[ \t]*(?:[-•][ \t]*)?([^\s\n][^\n]{1,150}\.(?:pdf|docx?|xlsx?|pptx?|odt))\s*$/gimu;

function clean(name: string): string {
  return collapseSpaces(name.replace(/\*\*/g, ''))
    .replace(/[\s,;]+$/u, '')
    .replace(/,\s*(?:luottamuksellinen|salassa pidettävä|ei julkinen).*$/iu, '')
    .trim();
}

const ATTACHMENT_HINT = /iit|ilag|ILAG|IIT|\.pdf|\.doc|\(\d+\s*(?:kt|kb|mb|mt)\)/iu;
const NAMED_IN_BRACKETS = /\((?:liite|Liite)\s+(\d{1,3})\s+([^)]{2,80})\)/gu;

export function findAttachments(region: string): string[] {
  const hint = ATTACHMENT_HINT.exec(region);
  if (!hint) return [];
  // Numbered and named attachments are written with 'liite' or 'bilaga' ('(liite 2 …)', 'Bilaga 3:'), whose
  // 'iit' or 'ilag' lies at most two characters in: none starts earlier than that before the first hint.
  const mentionsFrom = Math.max(0, hint.index - 2);
  const byNumber = new Map<string, string>();
  const files: string[] = [];
  for (const m of matchesAtWordStart(NAMED, region, mentionsFrom)) {
    const number = m[2] ?? '';
    const name = clean(m[3] ?? '');
    byNumber.set(
      number,
      name
        ? `${m[1] === 'Bilaga' || m[1] === 'BILAGA' ? 'Bilaga' : 'Liite'} ${number}: ${name}`
        : `Liite ${number}`,
    );
  }
  NAMED_IN_BRACKETS.lastIndex = mentionsFrom;
  for (let m = NAMED_IN_BRACKETS.exec(region); m; m = NAMED_IN_BRACKETS.exec(region)) {
    const number = m[1] ?? '';
    if (!byNumber.has(number)) byNumber.set(number, `Liite ${number}: ${clean(m[2] ?? '')}`);
  }
  for (const m of matchesAtWordStart(RANGE, region, mentionsFrom)) {
    const label = /^b/iu.test(m[0]) ? 'Bilagor' : 'Liitteet';
    const key = `${m[1]}-${m[2]}`;
    if (!byNumber.has(m[1] ?? '')) byNumber.set(key, `${label} ${key}`);
  }
  for (const m of matchesAtWordStart(NUMBERED, region, mentionsFrom)) {
    const number = m[1] ?? '';
    const covered = [...byNumber.keys()].some((k) => k === number || inRange(k, number));
    if (!covered) byNumber.set(number, `${/^b/iu.test(m[0]) ? 'Bilaga' : 'Liite'} ${number}`);
  }
  if (region.includes('liitteenä'))
    for (const m of region.matchAll(NAMED_BY_POSITION)) {
      const name = clean(m[1] ?? '');
      if (name && !/^(?:Liite|Muistio|Esitys on|Se)$/u.test(name) && byNumber.size === 0) files.push(name);
    }
  if (/\(\d+\s*(?:kt|kb|mb|mt)\)/iu.test(region))
    for (const m of region.matchAll(FILE_LINE)) files.push(clean(m[1] ?? ''));
  if (/\.(?:pdf|docx?|xlsx?|pptx?|odt)(?![\p{L}\p{N}])/iu.test(region))
    for (const m of region.matchAll(FILE_NAME)) {
      const name = clean(m[1] ?? '');
      if (!files.includes(name)) files.push(name);
    }
  return [...byNumber.values(), ...files.filter((f, i) => f !== '' && files.indexOf(f) === i)];
}

function inRange(key: string, number: string): boolean {
  const m = /^(\d+)-(\d+)$/u.exec(key);
  return !!m && Number(number) >= Number(m[1]) && Number(number) <= Number(m[2]);
}
