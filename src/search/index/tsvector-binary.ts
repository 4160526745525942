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
  // Room for the longest UTF-8 form (3 bytes a UTF-16 unit), so each lexeme is encoded once, in place,
  // as `encodeArray` does with texts.
  let room = 4;
  let surrogates = false;
  for (let i = 0; i < lexemes.length; i++) {
    const lexeme = lexemes[i] as string;
    for (let c = 0; c < lexeme.length && !surrogates; c++) surrogates = isSurrogate(lexeme.charCodeAt(c));
    room += 3 * lexeme.length + 3 + 2 * (positions[i]?.length ?? 0);
  }
  const order = lexemes.map((_, i) => i).sort(surrogates ? byBytes(lexemes) : byCodeUnits(lexemes));
  const out = Buffer.allocUnsafe(room);
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
  return out.subarray(0, at);
}

const isSurrogate = (code: number) => (code & 0xf800) === 0xd800;

/**
 * Lexemes (by index) in the order of their UTF-8 bytes, a prefix first. Without surrogates that is the
 * order of UTF-16 code units, which JavaScript compares strings by; with them it is not (U+FF21 comes
 * before U+1D518 in UTF-8 but after it in UTF-16), and the bytes are compared.
 */
function byCodeUnits(lexemes: readonly string[]): (a: number, b: number) => number {
  return (a, b) => {
    const x = lexemes[a] as string;
    const y = lexemes[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

function byBytes(lexemes: readonly string[]): (a: number, b: number) => number {
  const encoded = lexemes.map((lexeme) => Buffer.from(lexeme));
  return (a, b) => Buffer.compare(encoded[a] as Buffer, encoded[b] as Buffer);
}
