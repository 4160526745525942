import { renderRuns, type TextRun } from './bold-runs.js';
import { splitColumns } from './pdf-columns.js';
import type { PdfPageItems } from './pdf-geometry.js';
import { joinHyphenatedLines, joinWrappedLabels } from './pdf-line-joiner.js';
import { buildLines, markParagraphs, measureLineSpacing, type PdfCell, type PdfLine } from './pdf-lines.js';
import { removePageFurniture } from './pdf-page-cleaner.js';

/** When more of the text than this is bold, bold marks nothing. */
const MAX_BOLD_SHARE = 0.6;

/**
 * Turns placed text items of all pages into text-layer text: columns in reading order, lines with cells separated
 * by '\t', page furniture removed, paragraphs apart, hyphenated words whole, bold in '**'.
 */
export function assemblePdfText(pages: readonly PdfPageItems[]): string {
  const laidOut = pages.map((page) => ({ box: page.box, blocks: splitColumns(page.items).map(buildLines) }));
  const lines: PdfLine[] = [];
  removePageFurniture(laidOut).forEach((page, p) => {
    const spacing = measureLineSpacing(page.blocks);
    const blocks = page.blocks.filter((block) => block.length > 0);
    blocks.forEach((block, b) => {
      markParagraphs(block, spacing);
      // A page's text continues the previous page's paragraph.
      if (b === 0 && p > 0) block[0]!.breakBefore = false;
      lines.push(...block);
    });
  });
  const joined = joinHyphenatedLines(joinWrappedLabels(lines));
  const bold = measureBoldShare(joined) <= MAX_BOLD_SHARE;
  return joined
    .map((line, i) => {
      const text = line.cells.map((cell) => renderCell(cell, bold)).join('\t');
      return i === 0 ? text : `${line.breakBefore ? '\n\n' : '\n'}${text}`;
    })
    .join('');
}

function renderCell(cell: PdfCell, bold: boolean): string {
  const runs: TextRun[] = bold ? cell.runs : cell.runs.map((run) => ({ ...run, bold: false }));
  return renderRuns(runs).replace(/\s+/g, ' ').trim();
}

function measureBoldShare(lines: readonly PdfLine[]): number {
  let total = 0;
  let bold = 0;
  for (const line of lines) {
    for (const cell of line.cells) {
      for (const run of cell.runs) {
        total += run.text.length;
        if (run.bold) bold += run.text.length;
      }
    }
  }
  return total === 0 ? 0 : bold / total;
}
