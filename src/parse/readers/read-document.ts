import { detectFormat } from './detect-format.js';
import { readHtml } from './html-reader.js';
import { ReadError, type TextLayer } from './text-layer.js';
import { readText } from './text-reader.js';

export { MAX_INPUT_BYTES } from './detect-format.js';

/** Reads any supported document (text, HTML, PDF, DOCX) into its normalised text layer. */
export async function readDocument(bytes: Uint8Array, fileName: string): Promise<TextLayer> {
  const format = detectFormat(bytes, fileName);
  // pdf.js and mammoth load only when a PDF or Word file comes: the legacy pdf.js build patches built-ins
  // for the whole process, and neither is needed for text and HTML.
  const layer =
    format === 'pdf'
      ? await (await import('./pdf-reader.js')).readPdf(bytes)
      : format === 'docx'
        ? await (await import('./docx-reader.js')).readDocx(bytes)
        : format === 'html'
          ? readHtml(bytes)
          : readText(bytes);
  if (layer.text.trim() === '') {
    throw new ReadError(format === 'text' ? 'EMPTY' : 'NO_TEXT', `the ${describeFormat(format)} has no text`);
  }
  return layer;
}

function describeFormat(format: string): string {
  return format === 'text' ? 'file' : format === 'html' ? 'HTML page' : `${format.toUpperCase()} file`;
}
