/**
 * MinHash's inner loop four hashes at a time: a WebAssembly SIMD function, written out below as the
 * instructions it is made of, that does for a batch of shingles what `lowerToShingleMinima` does (in
 * minhash.ts). Null where WebAssembly SIMD is missing.
 */

// The part of the WebAssembly global used here (the compiler's ES libraries do not describe it).
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: { memory: { buffer: ArrayBuffer }; minima: (pairs: number) => void } }; // prettier-ignore
};

/** Lowers each signature value to the least of the shingles' hashes for it: the same as minhash.ts's loop. */
export type ShingleMinima = (signature: Int32Array, shingles: Int32Array) => void;

// The signature's 128 values, then as many [h1, h2] pairs of shingle hashes as the rest of a page holds.
const SIGNATURE_BYTES = 128 * 4;
const PAGE_BYTES = 65_536;
const PAIRS_PER_CALL = (PAGE_BYTES - SIGNATURE_BYTES) / 8;

// The function's locals: its parameter, then i32s, then v128s.
const PAIRS = 0;
const AT = 1;
const END = 2;
const H2 = 3;
const K = 4;
const X = 5;
const STEP = 6;
const V = 7;

/**
 * minima(pairs): for each pair from SIGNATURE_BYTES on, x = [h1, h1 + h2, h1 + 2·h2, h1 + 3·h2]; for each
 * four signature values, v = mix(x) & 0x7fffffff, signature = min(signature, v), x += 4·h2.
 */
const BODY = [
  ...i32Const(SIGNATURE_BYTES), ...localSet(AT),
  ...localGet(PAIRS), ...i32Const(3), 0x74 /* i32.shl */, ...i32Const(SIGNATURE_BYTES), 0x6a /* i32.add */, ...localSet(END),
  0x02, 0x40, // block
  0x03, 0x40, // loop over the pairs
  ...localGet(AT), ...localGet(END), 0x4f /* i32.ge_u */, 0x0d, 1, // br_if out of the block
  ...localGet(AT), ...i32Load(4), ...localSet(H2),
  ...v128Const([0, 1, 2, 3]), ...localGet(H2), ...simd(0x11) /* i32x4.splat */, ...simd(0xb5) /* i32x4.mul */,
  ...localGet(AT), ...i32Load(0), ...simd(0x11), ...simd(0xae) /* i32x4.add */, ...localSet(X),
  ...localGet(H2), ...i32Const(2), 0x74, ...simd(0x11), ...localSet(STEP),
  ...i32Const(0), ...localSet(K),
  0x03, 0x40, // loop over the signature, four values at a time
  ...localGet(X), ...localGet(X), ...i32Const(16), ...simd(0xad) /* i32x4.shr_u */, ...simd(0x51) /* v128.xor */,
  ...i32Const(0x85ebca6b), ...simd(0x11), ...simd(0xb5), ...localTee(V),
  ...localGet(V), ...i32Const(13), ...simd(0xad), ...simd(0x51),
  ...i32Const(0xc2b2ae35), ...simd(0x11), ...simd(0xb5), ...localTee(V),
  ...localGet(V), ...i32Const(16), ...simd(0xad), ...simd(0x51),
  ...i32Const(0x7fffffff), ...simd(0x11), ...simd(0x4e) /* v128.and */, ...localSet(V),
  ...localGet(K), ...localGet(K), ...simd(0x00), 4, 0 /* v128.load */, ...localGet(V), ...simd(0xb6) /* i32x4.min_s */,
  ...simd(0x0b), 4, 0, // v128.store
  ...localGet(X), ...localGet(STEP), ...simd(0xae), ...localSet(X),
  ...localGet(K), ...i32Const(16), 0x6a, ...localTee(K), ...i32Const(SIGNATURE_BYTES), 0x49 /* i32.lt_u */, 0x0d, 0, // br_if to the loop
  0x0b, // end of the loop over the signature
  ...localGet(AT), ...i32Const(8), 0x6a, ...localSet(AT),
  0x0c, 0, // br to the loop over the pairs
  0x0b, 0x0b, // end of the loop and of the block
  0x0b, // end of the function
]; // prettier-ignore

const I32 = 0x7f;
const V128 = 0x7b;
const FUNCTION = [2, 4, I32, 3, V128, ...BODY];
const MODULE = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // '\0asm', version 1
  ...section(1, [1, 0x60, 1, I32, 0]), // one type: (i32) → ()
  ...section(3, [1, 0]), // one function, of that type
  ...section(5, [1, 0x00, 1]), // one memory of one page
  ...section(7, [2, ...name('memory'), 0x02, 0, ...name('minima'), 0x00, 0]), // exported
  ...section(10, [1, ...unsigned(FUNCTION.length), ...FUNCTION]),
]); // prettier-ignore

export const simdShingleMinima: ShingleMinima | null = instantiate();

function instantiate(): ShingleMinima | null {
  if (!WebAssembly.validate(MODULE)) return null;
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(MODULE));
  const memory = new Int32Array(exports.memory.buffer);
  const { minima } = exports;
  return (signature, shingles) => {
    memory.set(signature, 0);
    for (let from = 0; from < shingles.length; from += PAIRS_PER_CALL * 2) {
      const batch = shingles.subarray(from, from + PAIRS_PER_CALL * 2);
      memory.set(batch, SIGNATURE_BYTES / 4);
      minima(batch.length / 2);
    }
    signature.set(memory.subarray(0, signature.length));
  };
}

function simd(op: number): number[] {
  return [0xfd, ...unsigned(op)];
}

function localGet(i: number): number[] {
  return [0x20, i];
}

function localSet(i: number): number[] {
  return [0x21, i];
}

function localTee(i: number): number[] {
  return [0x22, i];
}

function i32Const(n: number): number[] {
  return [0x41, ...signed(n | 0)];
}

function i32Load(offset: number): number[] {
  return [0x28, 2, ...unsigned(offset)];
}

function v128Const(lanes: readonly number[]): number[] {
  return [...simd(0x0c), ...lanes.flatMap((n) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24])];
}

function section(id: number, payload: readonly number[]): number[] {
  return [id, ...unsigned(payload.length), ...payload];
}

function name(text: string): number[] {
  return [...unsigned(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
}

/** Unsigned LEB128. */
function unsigned(n: number): number[] {
  const out: number[] = [];
  do {
    const low = n & 0x7f;
    n >>>= 7;
    out.push(n === 0 ? low : low | 0x80);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
function signed(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const low = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (low & 0x40) === 0) || (n === -1 && (low & 0x40) !== 0)) return [...out, low];
    out.push(low | 0x80);
  }
}
