import type { Diagnostic, MinutesRecord, Provenance } from '../domain/minutes.js';
import { readDocument } from './readers/read-document.js';
import type { ReaderName } from './readers/text-layer.js';
import { understandText } from './understand/understand.js';

export interface ParseResult {
  record: MinutesRecord;
  /** Where each field came from, as spans of `text`. */
  provenance: Provenance;
  /** The reader's normalised text that spans refer to. */
  text: string;
  reader: ReaderName;
  diagnostics: Diagnostic[];
}

/** Parses one document's bytes into the structured record. Throws `ReadError` when it cannot be read. */
export async function parseDocument(bytes: Uint8Array, fileName: string): Promise<ParseResult> {
  // pdf.js refuses Node Buffers; hand every reader a plain Uint8Array.
  const layer = await readDocument(Buffer.isBuffer(bytes) ? new Uint8Array(bytes) : bytes, fileName);
  const understood = understandText(layer.text);
  return {
    record: understood.record,
    provenance: understood.provenance,
    text: layer.text,
    reader: layer.reader,
    diagnostics: [...layer.diagnostics, ...understood.diagnostics],
  };
}
