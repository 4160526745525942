import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PrepareRequest, WorkerSetup } from './parse-worker.js';
import type { PreparedDocument } from './prepare-document.js';

/** Why a document could not be parsed, carried across the thread boundary. */
export class PrepareError extends Error {
  override readonly name = 'PrepareError';
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

type Reply =
  | { id: number; ok: true; prepared: PreparedDocument }
  | { id: number; ok: false; error: { name: string; message: string; code: string | null } };

interface Task {
  request: PrepareRequest;
  resolve: (doc: PreparedDocument) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

// Built, the worker is a .js file beside this one. Run from sources under tsx, a worker thread does not
// inherit tsx's loader, so it registers it before importing the .ts entry.
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCES ? './parse-worker.ts' : './parse-worker.js', import.meta.url);

function startWorker(setup: WorkerSetup): Worker {
  if (!FROM_SOURCES) return new Worker(WORKER_URL, { workerData: setup });
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(code, { eval: true, workerData: setup });
}

export interface ParsePoolOptions {
  /** Threads; all cores by default. */
  size?: number;
  /** A document taking longer is given up on and its thread replaced. */
  timeoutMs?: number;
  /** The compound lexicon learnt so far (search_lexicon), so that splits go on from it. */
  lexicon?: [string, string[]][];
}

/** Parses documents on worker threads, one document per thread at a time. */
export class ParsePool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly timeoutMs: number;
  private readonly setup: WorkerSetup;
  private nextId = 0;
  private closed = false;

  constructor(options: ParsePoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.setup = { lexicon: options.lexicon ?? [] };
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  prepare(bytes: Uint8Array, sourcePath: string, fileName: string): Promise<PreparedDocument> {
    if (this.closed) return Promise.reject(new Error('parse pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, bytes, sourcePath, fileName }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new Error('parse pool is closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(this.setup), task: null, timer: null };
    slot.worker.on('message', (reply: Reply) => this.finish(slot, reply));
    slot.worker.on('error', (error) =>
      this.replace(slot, new PrepareError(`parser crashed: ${error.message}`, 'crash')),
    );
    slot.worker.on('exit', (code) => {
      if (!this.closed) this.replace(slot, new PrepareError(`parser exited (${code})`, 'crash'));
    });
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task) continue;
      const task = this.queue.shift();
      if (!task) return;
      slot.task = task;
      slot.timer = setTimeout(
        () => this.replace(slot, new PrepareError(`took longer than ${this.timeoutMs / 1000} s`, 'timeout')),
        this.timeoutMs,
      );
      const { bytes } = task.request;
      // Hand over a copy the worker owns, so the caller's buffer stays usable.
      const owned = new Uint8Array(bytes);
      slot.worker.postMessage({ ...task.request, bytes: owned }, [owned.buffer]);
    }
  }

  private finish(slot: Slot, reply: Reply): void {
    const task = slot.task;
    if (!task || task.request.id !== reply.id) return;
    this.release(slot);
    if (reply.ok) task.resolve(reply.prepared);
    else {
      const { name, message, code } = reply.error;
      task.reject(
        new PrepareError(
          name === 'ReadError' ? `${message} (${code})` : `could not be parsed: ${message}`,
          code,
        ),
      );
    }
    this.dispatch();
  }

  /** Fails the thread's task and puts a fresh thread in its place. */
  private replace(slot: Slot, error: Error): void {
    if (this.closed) return;
    const task = slot.task;
    this.release(slot);
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    this.slots[index] = this.spawn();
    task?.reject(error);
    this.dispatch();
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
  }
}
