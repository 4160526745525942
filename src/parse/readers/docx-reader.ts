import mammoth from 'mammoth';
import { convertHtmlToText } from './html-reader.js';
import { ReadError, type TextLayer } from './text-layer.js';
import { normalizeText } from './text-normalizer.js';

/** Images are not text; skipping them spares reading and base64-encoding every picture. */
const SKIP_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/** Reads a Word document (DOCX) through mammoth's HTML, so tables, bold and lists follow the HTML conventions. */
export async function readDocx(bytes: Uint8Array): Promise<TextLayer> {
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    html = (await mammoth.convertToHtml({ buffer }, { convertImage: SKIP_IMAGES })).value;
  } catch (error) {
    throw new ReadError('CORRUPT_DOCX', `the DOCX file could not be opened (${describeError(error)})`);
  }
  return {
    text: normalizeText(convertHtmlToText(html)),
    reader: 'docx',
    encoding: null,
    pages: null,
    diagnostics: [],
  };
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}
