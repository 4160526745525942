import { fstatSync, ftruncateSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** What this layer uses of Emscripten's stream and file node, and of its NODEFS file system. */
export interface NodeStream {
  nfd: number;
  /** The file's node, one per path, shared by every stream open on it. */
  node: object & { mode?: number };
  /** The open flags, in Emscripten's numbering. */
  flags?: number;
}
export type StreamWrite = (
  stream: NodeStream,
  buffer: Uint8Array,
  offset: number,
  length: number,
  position: number,
) => number;
export type StreamSeek = (stream: NodeStream, offset: number, whence: number) => number;
type Operation = (...args: never[]) => unknown;
export interface NodeFsOperations {
  stream_ops?: { write?: StreamWrite; llseek?: StreamSeek; setattr?: Operation; open?: Operation };
  node_ops?: { setattr?: Operation };
}
interface EmscriptenModule {
  NODEFS?: NodeFsOperations;
}

/**
 * PGlite's data folder on the local file system, through PGlite's own NodeFS with two shortcuts for
 * calls PostgreSQL makes all the time, each of which is a synchronous call on the database's thread:
 * - Extending a file with zeros makes it longer instead of writing the zeros. PostgreSQL extends a
 *   relation a few pages at a time by writing zeroed pages (more at a time it asks the file system to
 *   allocate, which PGlite already does by setting the length): 440 MB of zeros in a 10,000-document
 *   load, all written again with the pages' contents later. Reading back a file's unwritten part gives
 *   zeros either way, and so does recovery after a crash.
 * - A file's length is kept once asked for (`FileLengths`). PostgreSQL asks for it by seeking to the end
 *   whenever it counts a relation's pages: some 24 times a document in a load, each a `fstat`.
 */
export class DataFolderFS extends NodeFS {
  override async init(pg: PGlite, options: Parameters<NodeFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, options);
    const preRun = [...((emscriptenOpts as { preRun?: unknown[] }).preRun ?? [])];
    preRun.push((mod: EmscriptenModule) => {
      if (mod.NODEFS) withShortcuts(mod.NODEFS);
    });
    return { emscriptenOpts: { ...emscriptenOpts, preRun } as typeof emscriptenOpts };
  }
}

/** Puts both shortcuts into NODEFS's operations, which every file node of the mount shares. */
export function withShortcuts(nodefs: NodeFsOperations): void {
  const { stream_ops: stream, node_ops: node } = nodefs;
  if (!stream?.write || !stream.llseek || !stream.setattr || !stream.open || !node?.setattr) return;
  const lengths = new FileLengths();
  stream.write = lengths.tracking(extendingWithoutZeros(stream.write, lengths));
  stream.llseek = lengths.seeking(stream.llseek);
  // Anything else that may change a length (truncating, opening with O_TRUNC) drops what is kept.
  stream.setattr = forgetting(stream.setattr, (s: NodeStream) => lengths.forget(s.node));
  stream.open = forgetting(stream.open, (s: NodeStream) => lengths.forget(s.node));
  node.setattr = forgetting(node.setattr, (n: object) => lengths.forget(n));
}

function forgetting<F extends Operation>(operation: F, forget: (first: never) => void): F {
  return ((...args: Parameters<F>) => {
    try {
      return operation(...args);
    } finally {
      forget(args[0] as never);
    }
  }) as F;
}

const SEEK_SET = 0;
const SEEK_END = 2;
const O_APPEND = 1024;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

/**
 * The lengths of the data folder's files, by file node, as this layer last learnt them: from `fstat`
 * the first time, then from the writes it passes on. Only PGlite writes there while it runs, and every
 * write, truncation and open goes through these operations; one that could change a length in a way not
 * followed here (truncating, opening, appending, a write that throws) drops the length instead.
 */
export class FileLengths {
  private readonly known = new WeakMap<object, number>();

  of(stream: NodeStream): number {
    let length = this.known.get(stream.node);
    if (length === undefined) {
      length = fstatSync(stream.nfd).size;
      this.known.set(stream.node, length);
    }
    return length;
  }

  /** After `stream` wrote up to `end`. */
  wrote(stream: NodeStream, end: number): void {
    const length = this.known.get(stream.node);
    if (length === undefined) return;
    if ((stream.flags ?? 0) & O_APPEND) this.known.delete(stream.node);
    else if (end > length) this.known.set(stream.node, end);
  }

  forget(node: object): void {
    this.known.delete(node);
  }

  tracking(write: StreamWrite): StreamWrite {
    return (stream, buffer, offset, length, position) => {
      let written: number;
      try {
        written = write(stream, buffer, offset, length, position);
      } catch (error) {
        this.forget(stream.node);
        throw error;
      }
      if (typeof position !== 'number') this.forget(stream.node);
      else if (written > 0) this.wrote(stream, position + written);
      return written;
    };
  }

  /** A seek to the end of a regular file adds the kept length, as a seek from the start. */
  seeking(llseek: StreamSeek): StreamSeek {
    return (stream, offset, whence) =>
      whence === SEEK_END && ((stream.node.mode ?? 0) & S_IFMT) === S_IFREG
        ? llseek(stream, offset + this.of(stream), SEEK_SET)
        : llseek(stream, offset, whence);
  }
}

/** The smallest write taken for an extension: PostgreSQL's page. */
const PAGE = 8192;

/** Wraps a stream write so that writing only zeros past the end of a file sets its length instead. */
export function extendingWithoutZeros(write: StreamWrite, lengths: FileLengths): StreamWrite {
  return (stream, buffer, offset, length, position) => {
    if (
      length >= PAGE &&
      typeof position === 'number' &&
      allZero(buffer, offset, length) &&
      position >= lengths.of(stream)
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
