import type { Diagnostic } from '../../domain/minutes.js';

export type ReaderName = 'text' | 'html' | 'pdf' | 'docx';

/**
 * What every reader produces: one normalised text the understanding works on, and whose offsets
 * provenance spans refer to.
 *
 * Conventions of the normalised text:
 * - Unicode NFC, '\n' line breaks, no '\r', no soft hyphens, non-breaking spaces as plain spaces,
 *   trailing whitespace trimmed on every line, at most one blank line in a row;
 * - paragraphs and headings each on their own line(s), separated by a blank line;
 * - table rows one per line, cells separated by '\t';
 * - list items on their own line starting with '- ' (or their own number, '1. ');
 * - bold runs wrapped in '**' (decisions are often marked only by bold).
 */
export interface TextLayer {
  text: string;
  reader: ReaderName;
  /** Encoding the bytes were decoded from, for text and HTML. */
  encoding: string | null;
  /** Page count, for PDF. */
  pages: number | null;
  diagnostics: Diagnostic[];
}

export type ReadErrorCode =
  | 'EMPTY'
  | 'BINARY'
  | 'TOO_LARGE'
  | 'ENCRYPTED_PDF'
  | 'CORRUPT_PDF'
  | 'CORRUPT_DOCX'
  | 'UNSUPPORTED_FORMAT'
  | 'NO_TEXT';

/** A document that cannot be read at all. The message says why, in words a user understands. */
export class ReadError extends Error {
  override readonly name = 'ReadError';
  constructor(
    readonly code: ReadErrorCode,
    message: string,
  ) {
    super(message);
  }
}
