/**
 * One statement with parameters as PostgreSQL frontend protocol messages (Parse, Bind, Execute, Sync),
 * built in a single buffer of its exact size. PGlite's own client grows its buffers as it serialises and
 * copies each parameter several times on the way, which for a batch of documents (megabytes of texts and
 * vectors in a few parameters) cost the writing thread a tenth of its time.
 */

/** A parameter: bytes go in binary form, strings in text form, null as SQL NULL. */
export type WireParam = Uint8Array | string | null;

export function isWireParam(value: unknown): value is WireParam {
  return value === null || typeof value === 'string' || value instanceof Uint8Array;
}

const PARSE = 0x50; // 'P'
const BIND = 0x42; // 'B'
const EXECUTE = 0x45; // 'E'
const SYNC = 0x53; // 'S'

/** The messages that run `text` once with `params` on the unnamed statement and portal. */
export function statementMessages(text: string, params: readonly WireParam[]): Uint8Array {
  const encoded = params.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p));
  const query = Buffer.byteLength(text);
  const parseLength = 4 + 1 + query + 1 + 2;
  let bindLength = 4 + 1 + 1 + 2 + 2 * params.length + 2 + 2;
  for (const p of encoded) bindLength += 4 + (p?.byteLength ?? 0);
  const executeLength = 4 + 1 + 4;
  const out = Buffer.allocUnsafe(1 + parseLength + 1 + bindLength + 1 + executeLength + 1 + 4);
  let at = 0;
  // Parse: unnamed statement, parameter types left to the statement's casts.
  at = out.writeUInt8(PARSE, at);
  at = out.writeInt32BE(parseLength, at);
  at = out.writeUInt8(0, at);
  at += out.write(text, at, 'utf8');
  at = out.writeUInt8(0, at);
  at = out.writeInt16BE(0, at);
  // Bind: unnamed portal and statement, one format code per parameter, results in text.
  at = out.writeUInt8(BIND, at);
  at = out.writeInt32BE(bindLength, at);
  at = out.writeUInt8(0, at);
  at = out.writeUInt8(0, at);
  at = out.writeInt16BE(params.length, at);
  for (const p of params) at = out.writeInt16BE(p instanceof Uint8Array ? 1 : 0, at);
  at = out.writeInt16BE(params.length, at);
  for (const p of encoded) {
    if (p === null) {
      at = out.writeInt32BE(-1, at);
      continue;
    }
    at = out.writeInt32BE(p.byteLength, at);
    out.set(p, at);
    at += p.byteLength;
  }
  at = out.writeInt16BE(0, at);
  // Execute the unnamed portal to the end, then Sync, which ends the implicit or joins the open transaction.
  at = out.writeUInt8(EXECUTE, at);
  at = out.writeInt32BE(executeLength, at);
  at = out.writeUInt8(0, at);
  at = out.writeInt32BE(0, at);
  at = out.writeUInt8(SYNC, at);
  at = out.writeInt32BE(4, at);
  if (at !== out.length) throw new Error(`protocol message is ${at} bytes, expected ${out.length}`);
  return out;
}

const QUERY = 0x51; // 'Q'
const COPY_DATA = 0x64; // 'd'
const COPY_DONE = 0x63; // 'c'

/**
 * A `COPY … FROM STDIN` statement followed by its data and the end of it (Query, CopyData, CopyDone), in
 * one buffer: the engine reads the rows from the messages as they come.
 */
export function copyInMessages(statement: string, data: Uint8Array): Uint8Array {
  const query = Buffer.byteLength(statement);
  const out = Buffer.allocUnsafe(1 + 4 + query + 1 + 1 + 4 + data.byteLength + 1 + 4);
  let at = out.writeUInt8(QUERY, 0);
  at = out.writeInt32BE(4 + query + 1, at);
  at += out.write(statement, at, 'utf8');
  at = out.writeUInt8(0, at);
  at = out.writeUInt8(COPY_DATA, at);
  at = out.writeInt32BE(4 + data.byteLength, at);
  out.set(data, at);
  at += data.byteLength;
  at = out.writeUInt8(COPY_DONE, at);
  out.writeInt32BE(4, at);
  return out;
}
