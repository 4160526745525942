/** The document's wording with whitespace collapsed and bold markers removed. */
export function cleanText(raw: string): string {
  const unmarked = raw.includes('**') || raw.includes('➤') ? raw.replace(/\*\*/g, '').replace(/➤/g, '') : raw;
  return unmarked.replace(/\s+/gu, ' ').trim();
}

/** Like cleanText, or null when nothing is left. */
export function cleanOrNull(raw: string | undefined | null): string | null {
  if (raw == null) return null;
  const cleaned = cleanText(raw);
  return cleaned === '' ? null : cleaned;
}
