/**
 * Applies the text-layer conventions (see text-layer.ts) to text any reader produced: NFC, '\n' only,
 * no soft hyphens or invisible characters, plain spaces, trimmed line ends, at most one blank line.
 * Tabs (table cells) and '**' (bold) pass through untouched.
 */
export function normalizeText(text: string): string {
  const lines = text
    .normalize('NFC')
    .replace(/\r\n?|[\v\f\u2028\u2029\u0085]/g, '\n')
    .replace(/[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    // Remaining C0/C1 control characters are debris of conversions, never content.
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
