/**
 * A tsvector in PostgreSQL's binary form, what `tsvectorrecv` reads: the lexeme count, then each lexeme
 * as NUL-terminated UTF-8, its number of positions and each position (weight in the top two bits). The
 * writing thread sends it as it is, so the database does not parse the vector's text form, which in
 * PGlite cost the writing thread about as much as storing the vector.
 *
 * The lexemes go in the order given, each once, with their positions ascending. `tsvectorrecv` sorts
 * them into its order (bytes compared, then length) in C, in a fraction of what sorting the strings here
 * costs the parse thread.
 */
export function tsvectorBinary(
  lexemes: readonly string[],
  /** Per lexeme, its positions (position | weight << 14), ascending; empty for none. */
  positions: readonly (readonly number[])[],
): Uint8Array {
  // Room for the longest UTF-8 form (3 bytes a UTF-16 unit), so each lexeme is encoded once, in place,
  // as `encodeArray` does with texts.
  let room = 4;
  for (let i = 0; i < lexemes.length; i++) {
    room += 3 * (lexemes[i] as string).length + 3 + 2 * (positions[i]?.length ?? 0);
  }
  const out = Buffer.allocUnsafe(room);
  out.writeInt32BE(lexemes.length, 0);
  let at = 4;
  for (let i = 0; i < lexemes.length; i++) {
    at = writeUtf8(out, lexemes[i] as string, at);
    out[at++] = 0;
    const list = positions[i] ?? [];
    out[at++] = list.length >>> 8;
    out[at++] = list.length & 0xff;
    for (const p of list) {
      out[at++] = p >>> 8;
      out[at++] = p & 0xff;
    }
  }
  // A buffer of its own, as long as the vector: what a thread can hand over whole.
  return new Uint8Array(out.buffer, out.byteOffset, at).slice();
}

/**
 * Writes a string's UTF-8 at `at`; returns where it ends. Lexemes are short: a loop costs less than
 * calling into the runtime for each, which is left to what has surrogates.
 */
function writeUtf8(out: Buffer, text: string, at: number): number {
  for (let c = 0; c < text.length; c++) {
    const code = text.charCodeAt(c);
    if (code < 0x80) out[at++] = code;
    else if (code < 0x800) {
      out[at++] = 0xc0 | (code >> 6);
      out[at++] = 0x80 | (code & 0x3f);
    } else if ((code & 0xf800) === 0xd800) return at + out.write(text.slice(c), at);
    else {
      out[at++] = 0xe0 | (code >> 12);
      out[at++] = 0x80 | ((code >> 6) & 0x3f);
      out[at++] = 0x80 | (code & 0x3f);
    }
  }
  return at;
}
