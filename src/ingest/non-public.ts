/**
 * Markings that keep a document, item or attachment from publication: 'Ei julkinen', 'Salassa
 * pidettävä', 'luottamuksellinen', a Publicity Act section (JulkL 24 § …), and the Swedish equivalents.
 */
const MARKING =
  /\b(?:ei julkinen|salassa\s*pidettävä|salassapidettävä|luottamuksellinen|sekretessbelagd|sekretess|icke offentlig|julkl\s*(?:\(\s*621\/1999\s*\)\s*)?\d+\s*§|offl\s*\d+\s*§)/iu;

/** The marking's line, as the basis to show, when the text carries one; otherwise null. */
export function findNonPublicBasis(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = MARKING.exec(text);
  if (!match) return null;
  const lineStart = text.lastIndexOf('\n', match.index) + 1;
  const lineEnd = text.indexOf('\n', match.index);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim();
  return line.length > 300 ? text.slice(match.index, match.index + 300).trim() : line;
}
