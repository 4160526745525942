import { ReadError } from './text-layer.js';
import { decoderFor } from './decoders.js';
import { detectBom, detectBomlessUtf16 } from './text-decoder.js';

export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'text';

/** Largest input read at all; bigger files are refused with a clear error rather than exhausting memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'shtml', 'php', 'asp', 'aspx', 'jsp']);
const DOCX_EXTENSIONS = new Set(['docx', 'docm', 'dotx', 'dotm']);
const LEADING_MARKUP =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|div|p|table|meta|title|section|article|main|header|nav|h[1-6]|ul|ol|span|br|a|link|script|style|font|center|form|iframe|frameset|b|strong|em|i)\b/i;
const STRONG_MARKUP = /<(?:!doctype\s+html|html[\s>]|body[\s>]|head>)/i;
const ANY_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;

/** Decides how to read the bytes from their content; the file name's extension only breaks ties. */
export function detectFormat(bytes: Uint8Array, fileName: string): DocumentFormat {
  if (bytes.length === 0) throw new ReadError('EMPTY', 'the file is empty');
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new ReadError(
      'TOO_LARGE',
      `the file is ${Math.round(bytes.length / 1048576)} MB, over the ${MAX_INPUT_BYTES / 1048576} MB limit`,
    );
  }
  const extension = findExtension(fileName);
  if (findAscii(bytes, '%PDF-', 0, 1024) >= 0) return 'pdf';
  if (startsWithBytes(bytes, [0x50, 0x4b]) && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) {
    return detectZipFormat(bytes, extension);
  }
  rejectKnownBinary(bytes);
  if (!detectBom(bytes) && !detectBomlessUtf16(bytes) && looksBinary(bytes)) {
    if (extension === 'pdf') throw new ReadError('CORRUPT_PDF', 'the file does not start like a PDF');
    if (DOCX_EXTENSIONS.has(extension)) throw new ReadError('CORRUPT_DOCX', 'the file is not a valid DOCX');
    throw new ReadError('BINARY', 'the file is binary data, not a PDF, DOCX, HTML or text document');
  }
  const head = decodeHead(bytes);
  if (head.trim() === '') throw new ReadError('EMPTY', 'the file has only whitespace');
  if (LEADING_MARKUP.test(head) || STRONG_MARKUP.test(head)) return 'html';
  if (HTML_EXTENSIONS.has(extension) && ANY_TAG.test(head)) return 'html';
  return 'text';
}

function detectZipFormat(bytes: Uint8Array, extension: string): DocumentFormat {
  if (findAscii(bytes, 'word/document.xml') >= 0) return 'docx';
  if (DOCX_EXTENSIONS.has(extension)) {
    if (findAscii(bytes, 'word/') >= 0) return 'docx';
    throw new ReadError('CORRUPT_DOCX', 'the .docx file has no Word document inside');
  }
  throw new ReadError('UNSUPPORTED_FORMAT', `the file is ${describeZip(bytes)}, not a Word document (DOCX)`);
}

function describeZip(bytes: Uint8Array): string {
  if (findAscii(bytes, 'xl/workbook') >= 0) return 'an Excel workbook';
  if (findAscii(bytes, 'ppt/presentation') >= 0) return 'a PowerPoint presentation';
  if (findAscii(bytes, 'opendocument.text') >= 0) return 'an OpenDocument text (ODT)';
  if (findAscii(bytes, 'opendocument') >= 0) return 'an OpenDocument file';
  return 'a ZIP archive';
}

function rejectKnownBinary(bytes: Uint8Array): void {
  if (startsWithBytes(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new ReadError(
      'UNSUPPORTED_FORMAT',
      'the file is an old binary Office document (.doc); save it as DOCX or PDF',
    );
  }
  if (findAscii(bytes, '{\\rtf', 0, 8) === 0) {
    throw new ReadError('UNSUPPORTED_FORMAT', 'the file is RTF; save it as DOCX or PDF');
  }
  const image =
    startsWithBytes(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWithBytes(bytes, [0xff, 0xd8, 0xff]) ||
    findAscii(bytes, 'GIF8', 0, 4) === 0 ||
    startsWithBytes(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWithBytes(bytes, [0x4d, 0x4d, 0x00, 0x2a]);
  if (image)
    throw new ReadError('UNSUPPORTED_FORMAT', 'the file is an image; a scanned document needs OCR first');
}

/** Text has almost no NUL or control bytes; binary data has them everywhere. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let suspicious = 0;
  let i = 0;
  // Four bytes at a time where the bytes are aligned: most words of text hold no control byte, and a test of
  // the word tells so (only a word that may hold one is read byte by byte).
  const aligned = (4 - (bytes.byteOffset & 3)) & 3;
  for (; i < aligned && i < n; i++) if (isSuspicious(bytes[i]!)) suspicious++;
  const words =
    i === aligned ? new Uint32Array(bytes.buffer, bytes.byteOffset + i, (n - i) >>> 2) : new Uint32Array(0);
  for (let w = 0; w < words.length; w++) {
    if (!mayHoldControlByte(words[w]!)) continue;
    for (let k = i + w * 4, end = k + 4; k < end; k++) if (isSuspicious(bytes[k]!)) suspicious++;
  }
  for (i += words.length * 4; i < n; i++) if (isSuspicious(bytes[i]!)) suspicious++;
  return suspicious > Math.max(2, n * 0.02);
}

/** A control byte other than tab, line breaks and escape, or DEL. */
function isSuspicious(b: number): boolean {
  return (
    (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) ||
    b === 0x7f
  );
}

/** Whether one of the four bytes of `word` is under 0x20 (its top three bits zero) or is 0x7F. */
function mayHoldControlByte(word: number): boolean {
  return hasZeroByte(word & 0xe0e0e0e0) || hasZeroByte(word ^ 0x7f7f7f7f);
}

/** Whether one of the four bytes of `word` is zero. */
function hasZeroByte(word: number): boolean {
  return ((word - 0x01010101) & ~word & 0x80808080) !== 0;
}

function decodeHead(bytes: Uint8Array): string {
  const bom = detectBom(bytes);
  const utf16 = bom?.encoding.startsWith('utf-16') ? bom.encoding : detectBomlessUtf16(bytes);
  if (utf16) return decoderFor(utf16).decode(bytes.subarray(0, 2048));
  // Only the ASCII of the head is asked about: a byte for a character, as Latin-1 reads it, without a decoder.
  const head = bytes.subarray(bom?.length ?? 0, 1024);
  return Buffer.from(head.buffer, head.byteOffset, head.length).toString('latin1');
}

function findExtension(fileName: string): string {
  const match = /\.([a-z0-9]{1,5})$/i.exec(fileName.trim());
  return match ? match[1]!.toLowerCase() : '';
}

function startsWithBytes(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function findAscii(bytes: Uint8Array, needle: string, from = 0, to = bytes.length): number {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(to, bytes.length));
  return haystack.indexOf(needle, from, 'latin1');
}
