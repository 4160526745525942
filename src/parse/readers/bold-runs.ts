/** A piece of a line's text in one weight. */
export interface TextRun {
  text: string;
  bold: boolean;
}

/**
 * Renders runs as text with bold wrapped in '**'. Spaces between two bold runs join them, so one bold phrase
 * gets one pair of markers; whitespace-only bold gets none; spaces stay outside the markers.
 */
export function renderRuns(runs: readonly TextRun[]): string {
  const merged = mergeRuns(runs);
  let out = '';
  for (const run of merged) {
    if (!run.bold || run.text.trim() === '') {
      out += run.text;
      continue;
    }
    const lead = /^\s*/.exec(run.text)![0];
    const trail = /\s*$/.exec(run.text)![0];
    out += `${lead}**${run.text.trim()}**${trail}`;
  }
  return out;
}

function mergeRuns(runs: readonly TextRun[]): TextRun[] {
  const merged: TextRun[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (run.text === '') continue;
    let bold = run.bold;
    if (run.text.trim() === '') bold = (merged[merged.length - 1]?.bold ?? false) && isNextRunBold(runs, i);
    const last = merged[merged.length - 1];
    if (last && last.bold === bold) last.text += run.text;
    else merged.push({ text: run.text, bold });
  }
  return merged;
}

function isNextRunBold(runs: readonly TextRun[], index: number): boolean {
  for (let i = index + 1; i < runs.length; i++) {
    const run = runs[i]!;
    if (run.text.trim() !== '') return run.bold;
  }
  return false;
}
