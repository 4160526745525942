/**
 * Applies the text-layer conventions (see text-layer.ts) to text any reader produced: NFC, '\n' only,
 * no soft hyphens or invisible characters, plain spaces, trimmed line ends, at most one blank line.
 * Tabs (table cells) and '**' (bold) pass through untouched.
 */
export function normalizeText(text: string, mayHoldRare = true): string {
  let out = text.normalize('NFC');
  // Most texts have none of these: one test instead of four passes. NFC neither makes nor takes away one of
  // them, so a test before it (`mayHoldRare` false) holds after it.
  if (mayHoldRare && RARE_CHARACTER.test(out)) {
    out = out
      .replace(/\r\n?|[\v\f\u2028\u2029\u0085]/g, '\n')
      .replace(/[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g, '')
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
      // Remaining C0/C1 control characters are debris of conversions, never content.
      .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, '');
  }
  out = trimLineEnds(out);
  if (out.includes('\n\n\n')) out = out.replace(/\n{3,}/g, '\n\n');
  let start = 0;
  let end = out.length;
  while (start < end && out.charCodeAt(start) === NEWLINE) start++;
  while (end > start && out.charCodeAt(end - 1) === NEWLINE) end--;
  return start === 0 && end === out.length ? out : out.slice(start, end);
}

/** Removes the spaces and tabs that end lines. */
function trimLineEnds(text: string): string {
  const pieces: string[] = [];
  let kept = 0;
  for (let lineStart = 0; lineStart <= text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    let end = lineEnd;
    while (end > lineStart && isBlank(text.charCodeAt(end - 1))) end--;
    if (end < lineEnd) {
      pieces.push(text.slice(kept, end));
      kept = lineEnd;
    }
    lineStart = lineEnd + 1;
  }
  if (pieces.length === 0) return text;
  pieces.push(text.slice(kept));
  return pieces.join('');
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

const NEWLINE = 10;
/** A character the text layer replaces or drops: line breaks other than '\n', invisible ones, odd spaces, controls. */
export const RARE_CHARACTER =
  /[\r\v\f\u2028\u2029\u0085\u00AD\u200B\u200C\u200D\u2060\uFEFF\u00A0\u2000-\u200A\u202F\u205F\u3000\u0000-\u0008\u000E-\u001F\u007F-\u009F]/;
