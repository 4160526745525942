/**
 * One-dimensional arrays in PostgreSQL's binary format (what `array_recv` reads), for large inserts.
 * A parameter sent as bytes skips the client's escaping and the server's parsing of the text form
 * (`{"…","…"}`), which for a batch of documents' texts costs more than storing them. Both clients send a
 * Buffer parameter in binary.
 */

// The element type's OID, which the array's header carries and the server checks.
// tsvector elements come already in their binary form (search/index/tsvector-binary.ts).
const ELEMENT_OIDS = {
  text: 25,
  bool: 16,
  int2: 21,
  int4: 23,
  int8: 20,
  float4: 700,
  tsvector: 3614,
} as const;

export type BinaryElement = keyof typeof ELEMENT_OIDS;

export function isBinaryElement(type: string): type is BinaryElement {
  return Object.hasOwn(ELEMENT_OIDS, type);
}

const FIXED_SIZE: Record<Exclude<BinaryElement, 'text' | 'tsvector'>, number> = {
  bool: 1,
  int2: 2,
  int4: 4,
  int8: 8,
  float4: 4,
};

/**
 * `values` as a binary `type[]`; null and undefined are SQL NULL, text elements are UTF-8, tsvector
 * elements are the bytes given.
 */
export function encodeArray(type: BinaryElement, values: readonly unknown[]): Buffer {
  const texts =
    type === 'text' ? values.map((v) => (v === null || v === undefined ? null : String(v))) : null;
  const lengths = values.map((v, i) => {
    if (v === null || v === undefined) return -1;
    if (texts) return Buffer.byteLength(texts[i] as string);
    return type === 'tsvector' ? (v as Uint8Array).byteLength : FIXED_SIZE[type as keyof typeof FIXED_SIZE];
  });
  let size = 20 + 4 * values.length;
  let hasNull = 0;
  for (const n of lengths) {
    if (n < 0) hasNull = 1;
    else size += n;
  }
  const out = Buffer.allocUnsafe(size);
  out.writeInt32BE(1, 0); // dimensions
  out.writeInt32BE(hasNull, 4);
  out.writeInt32BE(ELEMENT_OIDS[type], 8);
  out.writeInt32BE(values.length, 12);
  out.writeInt32BE(1, 16); // lower bound
  let at = 20;
  for (const [i, value] of values.entries()) {
    const length = lengths[i] as number;
    out.writeInt32BE(length, at);
    at += 4;
    if (length < 0) continue;
    if (texts) out.write(texts[i] as string, at);
    else if (type === 'tsvector') out.set(value as Uint8Array, at);
    else writeFixed(out, type, value, at);
    at += length;
  }
  return out;
}

function writeFixed(out: Buffer, type: BinaryElement, value: unknown, at: number): void {
  if (type === 'bool') out.writeUInt8(value === true || value === 't' || value === 'true' ? 1 : 0, at);
  else if (type === 'int2') out.writeInt16BE(Number(value), at);
  else if (type === 'int4') out.writeInt32BE(Number(value), at);
  else if (type === 'int8') out.writeBigInt64BE(BigInt(value as string | number | bigint), at);
  else out.writeFloatBE(Number(value), at);
}
