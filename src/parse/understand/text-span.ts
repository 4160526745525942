/** The document's wording with whitespace collapsed and bold markers removed. */
export function cleanText(raw: string): string {
  const unmarked = raw.includes('**') || raw.includes('➤') ? raw.replace(/\*\*/g, '').replace(/➤/g, '') : raw;
  return collapseSpaces(unmarked).trim();
}

/** The text with each run of white space made one space. */
export function collapseSpaces(text: string): string {
  // Lone spaces are left as they are: only runs of two or more, and other white space, are replaced.
  return text.replace(/[^\S ]\s*| \s+/gu, ' ');
}

/** Like cleanText, or null when nothing is left. */
export function cleanOrNull(raw: string | undefined | null): string | null {
  if (raw == null) return null;
  const cleaned = cleanText(raw);
  return cleaned === '' ? null : cleaned;
}
