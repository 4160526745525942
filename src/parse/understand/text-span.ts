import { isSpaceAt } from './scan.js';

/** The document's wording with whitespace collapsed and bold markers removed. */
export function cleanText(raw: string): string {
  const unmarked = raw.includes('**') || raw.includes('➤') ? raw.replace(/\*\*/g, '').replace(/➤/g, '') : raw;
  return collapseSpaces(unmarked).trim();
}

/** The text with each run of white space made one space. */
export function collapseSpaces(text: string): string {
  return hasOnlyLoneSpaces(text) ? text : text.replace(/\s+/gu, ' ');
}

/** Whether every white space in the text is a space with no other white space after it. */
function hasOnlyLoneSpaces(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 32 && code < 0x80) continue;
    if (code === 32 ? isSpaceAt(text, i + 1) : isSpaceAt(text, i)) return false;
  }
  return true;
}

/** Like cleanText, or null when nothing is left. */
export function cleanOrNull(raw: string | undefined | null): string | null {
  if (raw == null) return null;
  const cleaned = cleanText(raw);
  return cleaned === '' ? null : cleaned;
}
