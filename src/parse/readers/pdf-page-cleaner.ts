import type { PageBox } from './pdf-geometry.js';
import type { PdfCell, PdfLine } from './pdf-lines.js';

export interface PdfPageLines {
  box: PageBox;
  /** Blocks (columns or the whole page) of lines, in reading order. */
  blocks: PdfLine[][];
}

/** Share of the page height at the top and bottom where running headers and footers live. */
const HEADER_ZONE = 0.09;
const FOOTER_ZONE = 0.08;
const PAGE_NUMBER =
  /^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^\d{1,4}\s*\(\s*\d{1,4}\s*\)$|^\d{1,4}\s*(?:\/|of|av|af)\s*\d{1,4}$|^(?:sivu|sida|sid\.|s\.|page|p\.)\s*\d{1,4}(?:\s*(?:\/|of|av|af|\()\s*\d{1,4}\)?)?$/i;

type Zone = 'header' | 'footer' | null;

/**
 * Removes page furniture: bare page numbers ("3", "- 3 -", "3 (12)", "Sivu 3 / 12", "sida 3") at the top or
 * bottom of a page, footers repeated on at least half of the pages, and repeated headers except on the first
 * page, where the header is kept (without its page number) since it often names the body, meeting and date.
 * Lines are compared with their digits masked, so "Pöytäkirja 3/2017  5 (12)" repeats on every page.
 */
export function removePageFurniture(pages: readonly PdfPageLines[]): PdfPageLines[] {
  const zones = pages.map((page) =>
    page.blocks.map((lines) => lines.map((line) => findZone(line, page.box))),
  );
  const pagesOf = new Map<string, Set<number>>();
  pages.forEach((page, p) =>
    page.blocks.forEach((lines, b) =>
      lines.forEach((line, l) => {
        const zone = zones[p]![b]![l]!;
        if (!zone) return;
        const key = `${zone}:${maskDigits(describeLine(line))}`;
        const seen = pagesOf.get(key) ?? new Set<number>();
        seen.add(p);
        pagesOf.set(key, seen);
      }),
    ),
  );
  const minRepeats = Math.max(2, Math.ceil(pages.length * 0.5));
  return pages.map((page, p) => ({
    box: page.box,
    blocks: page.blocks.map((lines, b) =>
      lines.flatMap((line, l) => {
        const zone = zones[p]![b]![l]!;
        if (!zone) return [line];
        if (PAGE_NUMBER.test(describeLine(line))) return [];
        const key = `${zone}:${maskDigits(describeLine(line))}`;
        if (pages.length < 2 || (pagesOf.get(key)?.size ?? 0) < minRepeats) return [line];
        if (zone === 'footer' || p > 0) return [];
        const cells = line.cells.filter((cell) => !PAGE_NUMBER.test(describeCell(cell)));
        return cells.length > 0 ? [{ ...line, cells }] : [];
      }),
    ),
  }));
}

function findZone(line: PdfLine, box: PageBox): Zone {
  const height = box.bottom - box.top;
  if (line.y - line.size < box.top + height * HEADER_ZONE) return 'header';
  if (line.y > box.bottom - height * FOOTER_ZONE) return 'footer';
  return null;
}

function describeLine(line: PdfLine): string {
  return line.cells.map(describeCell).join('\t');
}

function describeCell(cell: PdfCell): string {
  return cell.runs
    .map((run) => run.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function maskDigits(text: string): string {
  return text.replace(/\d+/g, '#').toLowerCase();
}
