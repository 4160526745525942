/**
 * Rows in PostgreSQL's binary COPY format (what `COPY … FROM … WITH (FORMAT binary)` reads): a signature
 * and header, then per row its number of fields and each field as arrays hold their elements (length,
 * then the type's binary form; see binary-array.ts), then -1. COPY hands each row to the table directly,
 * without the executor's work per row that `INSERT … SELECT … FROM unnest(…)` costs: materialising the
 * unnested rows, then projecting them.
 */
import type { BinaryElement } from './binary-array.js';
import { valueBound, writeValue } from './binary-array.js';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** The rows given column by column (one array per column, all of one length) as a binary COPY stream. */
export function encodeCopyRows(
  types: readonly BinaryElement[],
  columns: readonly (readonly unknown[])[],
): Buffer {
  const rows = columns[0]?.length ?? 0;
  // Signature, flags and header extension length; each row's field count; the trailer.
  let bound = SIGNATURE.length + 8 + 2 * rows + 2;
  types.forEach((type, c) => {
    for (const value of columns[c] as readonly unknown[]) bound += valueBound(type, value);
  });
  const out = Buffer.allocUnsafe(bound);
  let at = SIGNATURE.copy(out, 0);
  at = out.writeInt32BE(0, at); // flags: no OIDs
  at = out.writeInt32BE(0, at); // no header extension
  for (let r = 0; r < rows; r++) {
    at = out.writeInt16BE(types.length, at);
    for (let c = 0; c < types.length; c++) {
      at = writeValue(out, types[c] as BinaryElement, (columns[c] as readonly unknown[])[r], at);
    }
  }
  at = out.writeInt16BE(-1, at);
  return out.subarray(0, at);
}
