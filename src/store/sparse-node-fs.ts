import { fstatSync, ftruncateSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** What this layer uses of Emscripten's stream and of its NODEFS file system. */
interface NodeStream {
  nfd: number;
}
type StreamWrite = (
  stream: NodeStream,
  buffer: Uint8Array,
  offset: number,
  length: number,
  position: number,
) => number;
interface EmscriptenModule {
  NODEFS?: { stream_ops?: { write?: StreamWrite } };
}

/**
 * PGlite's data folder on the local file system, where extending a file with zeros makes it longer
 * instead of writing the zeros. PostgreSQL extends a relation a few pages at a time by writing zeroed
 * pages (more at a time it asks the file system to allocate, which PGlite already does by setting the
 * length). Through PGlite's file layer each such page is a synchronous write on the database's thread:
 * 440 MB of zeros in a 10,000-document load, all written again with the pages' contents later. Reading
 * back a file's unwritten part gives zeros either way, and so does recovery after a crash.
 */
export class SparseNodeFS extends NodeFS {
  override async init(pg: PGlite, options: Parameters<NodeFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, options);
    const preRun = [...((emscriptenOpts as { preRun?: unknown[] }).preRun ?? [])];
    preRun.push((mod: EmscriptenModule) => {
      const ops = mod.NODEFS?.stream_ops;
      if (ops?.write) ops.write = extendingWithoutZeros(ops.write);
    });
    return { emscriptenOpts: { ...emscriptenOpts, preRun } as typeof emscriptenOpts };
  }
}

/** The smallest write taken for an extension: PostgreSQL's page. */
const PAGE = 8192;

/** Wraps a stream write so that writing only zeros past the end of a file sets its length instead. */
export function extendingWithoutZeros(write: StreamWrite): StreamWrite {
  return (stream, buffer, offset, length, position) => {
    if (
      length >= PAGE &&
      typeof position === 'number' &&
      allZero(buffer, offset, length) &&
      position >= fstatSync(stream.nfd).size
    ) {
      ftruncateSync(stream.nfd, position + length);
      return length;
    }
    return write(stream, buffer, offset, length, position);
  };
}

function allZero(buffer: Uint8Array, offset: number, length: number): boolean {
  // A page with contents has a nonzero header (its log position) nearly always: most writes stop at once.
  if (buffer[offset] !== 0 || buffer[offset + length - 1] !== 0) return false;
  const aligned = (buffer.byteOffset + offset) % 8 === 0 && length % 8 === 0;
  if (aligned) {
    const words = new BigUint64Array(buffer.buffer, buffer.byteOffset + offset, length / 8);
    for (let i = 0; i < words.length; i++) if (words[i] !== 0n) return false;
    return true;
  }
  for (let i = offset; i < offset + length; i++) if (buffer[i] !== 0) return false;
  return true;
}
