/**
 * Markings that keep a document, item or attachment from publication: 'Ei julkinen', 'Salassa
 * pidettävä', 'luottamuksellinen', a Publicity Act section (JulkL 24 § …), and the Swedish equivalents.
 */
const MARKING =
  /\b(?:ei julkinen|salassa\s*pidettävä|salassapidettävä|luottamuksellinen|sekretessbelagd|sekretess|icke offentlig|julkl\s*(?:\(\s*621\/1999\s*\)\s*)?\d+\s*§|offl\s*\d+\s*§)/iu;
// How each marking starts, with the same flags: a search for these is several times faster than one for
// MARKING itself, which is then tried only where one stands.
const MARKING_START = /ei julkinen|salassa|luottamuksellinen|sekretess|icke offentlig|julkl|offl/giu;
const MARKING_HERE = new RegExp(MARKING.source, 'iuy');

/** The marking's line, as the basis to show, when the text carries one; otherwise null. */
export function findNonPublicBasis(text: string | null | undefined): string | null {
  if (!text) return null;
  const at = markingIndex(text);
  if (at === -1) return null;
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim();
  return line.length > 300 ? text.slice(at, at + 300).trim() : line;
}

/** Where MARKING first matches, or -1. */
function markingIndex(text: string): number {
  MARKING_START.lastIndex = 0;
  for (let start = MARKING_START.exec(text); start; start = MARKING_START.exec(text)) {
    MARKING_HERE.lastIndex = start.index;
    if (MARKING_HERE.test(text)) return start.index;
    MARKING_START.lastIndex = start.index + 1;
  }
  return -1;
}
