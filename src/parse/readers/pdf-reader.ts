import { AnnotationMode, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Diagnostic } from '../../domain/minutes.js';
import { placePageItems, type PdfPageItems, type RawTextItem } from './pdf-geometry.js';
import { assemblePdfText } from './pdf-text-assembler.js';
import { ReadError, type TextLayer } from './text-layer.js';
import { normalizeText } from './text-normalizer.js';

/** Fewer letters and digits than this in the whole document means there is no text layer to speak of. */
const MIN_TEXT_CHARS = 16;

/** Reads a PDF's text layer into the normalised text: reading order, tables as tab rows, bold as '**'. */
export async function readPdf(bytes: Uint8Array): Promise<TextLayer> {
  const task = getDocument({
    // pdfjs takes ownership of (and detaches) the buffer it is given, so it gets a copy.
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw describeOpenError(error);
  }
  try {
    const { pages, diagnostics } = await extractPages(doc);
    const text = normalizeText(assemblePdfText(pages));
    if ((text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < MIN_TEXT_CHARS) {
      throw new ReadError('NO_TEXT', 'the PDF has no text layer (scanned image?)');
    }
    const empty = pages.flatMap((page, i) => (page.items.length === 0 ? [i + 1] : []));
    if (empty.length > 0) {
      diagnostics.push({
        severity: 'warning',
        code: 'PDF_PAGES_WITHOUT_TEXT',
        message: `page${empty.length > 1 ? 's' : ''} ${summarizePages(empty)} ha${empty.length > 1 ? 've' : 's'} no text layer (scanned image?)`,
      });
    }
    return { text, reader: 'pdf', encoding: null, pages: doc.numPages, diagnostics };
  } finally {
    await doc.destroy();
  }
}

interface PageText {
  page: PDFPageProxy;
  viewport: { transform: number[]; width: number; height: number };
  items: { text: string; transform: number[]; width: number; font: string }[];
  fonts: Set<string>;
  /** Font id → its family and vertical metrics: a bold face shares them with its regular face. */
  families: Map<string, string>;
}

async function extractPages(
  doc: PDFDocumentProxy,
): Promise<{ pages: PdfPageItems[]; diagnostics: Diagnostic[] }> {
  const texts: (PageText | null)[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    try {
      texts.push(await extractPageText(await doc.getPage(number)));
    } catch (error) {
      texts.push(null);
      diagnostics.push({
        severity: 'warning',
        code: 'PDF_PAGE_UNREADABLE',
        message: `page ${number}: ${describe(error)}`,
      });
    }
  }
  if (texts.every((text) => text === null))
    throw new ReadError('CORRUPT_PDF', 'no page of the PDF could be read');
  const fontNames = await resolveFontNames(texts.filter((text) => text !== null));
  const pages = texts.map((text) => {
    if (!text) return { box: { left: 0, top: 0, right: 0, bottom: 0 }, items: [] };
    const items: RawTextItem[] = text.items.map((item) => ({
      ...item,
      fontName: fontNames.get(item.font) ?? '',
    }));
    text.page.cleanup();
    return placePageItems(items, text.viewport.transform, text.viewport);
  });
  return { pages, diagnostics };
}

async function extractPageText(page: PDFPageProxy): Promise<PageText> {
  const { transform, width, height } = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: PageText['items'] = [];
  const fonts = new Set<string>();
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    items.push({ text: item.str, transform: item.transform, width: item.width, font: item.fontName });
    if (item.str.trim() !== '') fonts.add(item.fontName);
  }
  const families = new Map<string, string>();
  for (const font of fonts) {
    const style = content.styles[font];
    families.set(
      font,
      style ? `${style.fontFamily}|${style.ascent}|${style.descent}|${style.vertical}` : font,
    );
  }
  return { page, viewport: { transform, width, height }, items, fonts, families };
}

/**
 * Text content names fonts only by an internal id; their real names (which tell bold apart) reach the common
 * objects once a page's operator list is built, which costs about as much as the text itself. So names are
 * looked up only for fonts that share their family and metrics with another font (a regular and a bold face),
 * through as few (and as light) pages' operator lists as cover them all.
 */
async function resolveFontNames(texts: readonly PageText[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const fontsOf = new Map<string, Set<string>>();
  for (const text of texts) {
    for (const [font, family] of text.families)
      fontsOf.set(family, (fontsOf.get(family) ?? new Set()).add(font));
  }
  const unknown = new Set(
    [...fontsOf.values()].filter((fonts) => fonts.size > 1).flatMap((fonts) => [...fonts]),
  );
  while (unknown.size > 0) {
    let best: PageText | null = null;
    let covered = 0;
    for (const text of texts) {
      const count = [...text.fonts].filter((font) => unknown.has(font)).length;
      const lighter = best !== null && text.items.length < best.items.length;
      if (count > covered || (count > 0 && count === covered && lighter)) {
        best = text;
        covered = count;
      }
    }
    if (!best) break;
    await best.page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
    for (const font of best.fonts) {
      if (!unknown.has(font)) continue;
      unknown.delete(font);
      const object: unknown = best.page.commonObjs.has(font) ? best.page.commonObjs.get(font) : null;
      const name = object && typeof object === 'object' && 'name' in object ? object.name : null;
      names.set(font, typeof name === 'string' ? name : '');
    }
  }
  return names;
}

function describeOpenError(error: unknown): ReadError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new ReadError('ENCRYPTED_PDF', 'the PDF is password-protected and cannot be read');
  }
  return new ReadError(
    'CORRUPT_PDF',
    `the PDF is damaged or truncated and cannot be read (${describe(error)})`,
  );
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}

function summarizePages(numbers: readonly number[]): string {
  return numbers.length > 10 ? `${numbers.slice(0, 10).join(', ')} …` : numbers.join(', ');
}
