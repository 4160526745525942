/**
 * A tsvector in PostgreSQL's binary form, what `tsvectorrecv` reads: the lexeme count, then each lexeme
 * as NUL-terminated UTF-8, its number of positions and each position (weight in the top two bits). The
 * writing thread sends it as it is, so the database does not parse the vector's text form, which in
 * PGlite cost the writing thread about as much as storing the vector.
 *
 * `tsvectorrecv` keeps what it is given, so this writes what `tsvectorin` would make of the text form:
 * lexemes in its order (bytes compared, then length), each once, positions ascending.
 */
export function tsvectorBinary(
  lexemes: readonly string[],
  /** Per lexeme, its positions (position | weight << 14), ascending; empty for none. */
  positions: readonly (readonly number[])[],
): Uint8Array {
  const encoded = lexemes.map((lexeme) => Buffer.from(lexeme));
  const order = encoded.map((_, i) => i).sort((a, b) => Buffer.compare(encoded[a] as Buffer, encoded[b] as Buffer)); // prettier-ignore
  let size = 4;
  for (const [i, bytes] of encoded.entries()) size += bytes.length + 3 + 2 * (positions[i]?.length ?? 0);
  const out = Buffer.allocUnsafe(size);
  out.writeInt32BE(lexemes.length, 0);
  let at = 4;
  for (const i of order) {
    const bytes = encoded[i] as Buffer;
    const list = positions[i] ?? [];
    at += bytes.copy(out, at);
    out[at++] = 0;
    out.writeUInt16BE(list.length, at);
    at += 2;
    for (const p of list) {
      out.writeUInt16BE(p, at);
      at += 2;
    }
  }
  return out;
}
