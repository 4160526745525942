/**
 * A tsvector in PostgreSQL's binary form, what `tsvectorrecv` reads: the lexeme count, then each lexeme
 * as NUL-terminated UTF-8, its number of positions and each position (weight in the top two bits). The
 * writing thread sends it as it is, so the database does not parse the vector's text form, which in
 * PGlite cost the writing thread about as much as storing the vector.
 *
 * This writes what `tsvectorin` would make of the text form: lexemes in its order (bytes compared, then
 * length), each once, positions ascending. `tsvectorrecv` would sort lexemes that come out of order, but
 * it runs on the writing thread, the one that bounds an ingest, so they are sorted here.
 */
export function tsvectorBinary(
  lexemes: readonly string[],
  /** Per lexeme, its positions (position | weight << 14), ascending; empty for none. */
  positions: readonly (readonly number[])[],
): Uint8Array {
  const order = lexemes.map((_, i) => i).sort(utf8Order(lexemes));
  let size = 4;
  for (const [i, lexeme] of lexemes.entries()) size += Buffer.byteLength(lexeme) + 3 + 2 * (positions[i]?.length ?? 0); // prettier-ignore
  const out = Buffer.allocUnsafe(size);
  out.writeInt32BE(lexemes.length, 0);
  let at = 4;
  for (const i of order) {
    at += out.write(lexemes[i] as string, at);
    out[at++] = 0;
    const list = positions[i] ?? [];
    out[at++] = list.length >>> 8;
    out[at++] = list.length & 0xff;
    for (const p of list) {
      out[at++] = p >>> 8;
      out[at++] = p & 0xff;
    }
  }
  return out;
}

/**
 * Compares lexemes (by index) as their UTF-8 bytes, a prefix first. Without surrogates that is the
 * order of UTF-16 code units, which JavaScript compares strings by; with them it is not (U+FF21 comes
 * before U+1D518 in UTF-8 but after it in UTF-16), and the bytes are compared.
 */
function utf8Order(lexemes: readonly string[]): (a: number, b: number) => number {
  if (!lexemes.some((l) => SURROGATE.test(l))) {
    return (a, b) => {
      const x = lexemes[a] as string;
      const y = lexemes[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    };
  }
  const encoded = lexemes.map((lexeme) => Buffer.from(lexeme));
  return (a, b) => Buffer.compare(encoded[a] as Buffer, encoded[b] as Buffer);
}

const SURROGATE = /[\uD800-\uDFFF]/;
