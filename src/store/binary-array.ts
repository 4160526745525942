/**
 * One-dimensional arrays in PostgreSQL's binary format (what `array_recv` reads), for large inserts.
 * A parameter sent as bytes skips the client's escaping and the server's parsing of the text form
 * (`{"…","…"}`), which for a batch of documents' texts costs more than storing them. Both clients send a
 * Buffer parameter in binary.
 */

// The element type's OID, which the array's header carries and the server checks.
// tsvector elements come already in their binary form (search/index/tsvector-binary.ts); json and jsonb
// elements are JSON texts, date elements 'YYYY-MM-DD'.
const ELEMENT_OIDS = {
  text: 25,
  bool: 16,
  int2: 21,
  int4: 23,
  int8: 20,
  float4: 700,
  date: 1082,
  json: 114,
  jsonb: 3802,
  tsvector: 3614,
} as const;

export type BinaryElement = keyof typeof ELEMENT_OIDS;

export function isBinaryElement(type: string): type is BinaryElement {
  return Object.hasOwn(ELEMENT_OIDS, type);
}

type FixedElement = Exclude<BinaryElement, 'text' | 'json' | 'jsonb' | 'tsvector'>;

const FIXED_SIZE: Record<FixedElement, number> = {
  bool: 1,
  int2: 2,
  int4: 4,
  int8: 8,
  float4: 4,
  date: 4,
};

/**
 * `values` as a binary `type[]`; null and undefined are SQL NULL, text elements are UTF-8 (a text given
 * as a Uint8Array is taken to be its UTF-8 bytes), tsvector elements are the bytes given. One pass: each
 * element is written where it goes (a text is encoded once, into room for its longest UTF-8 form) and its
 * length before it.
 */
export function encodeArray(type: BinaryElement, values: readonly unknown[]): Buffer {
  let bound = 20;
  for (const value of values) bound += valueBound(type, value);
  const out = Buffer.allocUnsafe(bound);
  out.writeInt32BE(1, 0); // dimensions
  out.writeInt32BE(ELEMENT_OIDS[type], 8);
  out.writeInt32BE(values.length, 12);
  out.writeInt32BE(1, 16); // lower bound
  let hasNull = 0;
  let at = 20;
  for (const value of values) {
    if (value === null || value === undefined) hasNull = 1;
    at = writeValue(out, type, value, at);
  }
  out.writeInt32BE(hasNull, 4);
  return out.subarray(0, at);
}

/**
 * The most bytes a value takes as `writeValue` writes it: UTF-8 takes at most 3 bytes per UTF-16 unit;
 * bytes given are written as they are.
 */
export function valueBound(type: BinaryElement, value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (isFixed(type)) return 4 + FIXED_SIZE[type];
  const header = type === 'jsonb' ? 5 : 4;
  return header + (value instanceof Uint8Array ? value.byteLength : 3 * String(value).length);
}

/**
 * Writes one value at `at` as arrays and binary COPY rows both hold them: its length in bytes (-1 for
 * NULL, which null and undefined are), then its binary form. Returns where the next value goes.
 */
export function writeValue(out: Buffer, type: BinaryElement, value: unknown, at: number): number {
  const length = value === null || value === undefined ? -1 : writeBinary(out, type, value, at + 4);
  out.writeInt32BE(length, at);
  return at + 4 + Math.max(0, length);
}

/** Writes a value's binary form at `at`; returns its size. */
function writeBinary(out: Buffer, type: BinaryElement, value: unknown, at: number): number {
  if (isFixed(type)) return writeFixed(out, type, value, at);
  if (type !== 'jsonb') return writeBytes(out, value, at);
  out[at] = 1; // jsonb's binary format version: the JSON text follows
  return 1 + writeBytes(out, value, at + 1);
}

/** A text's UTF-8 (json's binary form is its text, kept as written), or the bytes given. */
function writeBytes(out: Buffer, value: unknown, at: number): number {
  if (!(value instanceof Uint8Array)) return out.write(String(value), at);
  out.set(value, at);
  return value.byteLength;
}

const isFixed = (type: BinaryElement): type is FixedElement => Object.hasOwn(FIXED_SIZE, type);

/** Writes a fixed-size element; returns its size. */
function writeFixed(out: Buffer, type: FixedElement, value: unknown, at: number): number {
  if (type === 'bool') out.writeUInt8(value === true || value === 't' || value === 'true' ? 1 : 0, at);
  else if (type === 'int2') out.writeInt16BE(Number(value), at);
  else if (type === 'int4') out.writeInt32BE(Number(value), at);
  else if (type === 'int8') out.writeBigInt64BE(BigInt(value as string | number | bigint), at);
  else if (type === 'date') out.writeInt32BE(daysSince2000(value), at);
  else out.writeFloatBE(Number(value), at);
  return FIXED_SIZE[type];
}

const DAY_MS = 86_400_000;
const EPOCH_2000_MS = Date.UTC(2000, 0, 1);

/** A 'YYYY-MM-DD' date as PostgreSQL keeps it: days since 2000-01-01. A date that does not exist fails. */
function daysSince2000(value: unknown): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  // Date.UTC rolls 2019-02-30 over into March; the text form would be refused, and so is this.
  if (!m || new Date(ms).toISOString().slice(0, 10) !== m[0]) {
    throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  }
  return (ms - EPOCH_2000_MS) / DAY_MS;
}
