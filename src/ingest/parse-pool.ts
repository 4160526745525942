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
  /** Sent to the thread and not yet answered, in the order the thread works through them. */
  tasks: Task[];
  /** The time limit of the task the thread is working on (the first). */
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
  /**
   * Documents sent to each thread ahead of its answers (16 by default). A thread works through them
   * without waiting for this thread, which matters when this thread is busy for long stretches (an
   * embedded database runs on it): the threads go on parsing while it writes.
   */
  depth?: number;
  /** The compound lexicon learnt so far (search_lexicon), so that splits go on from it. */
  lexicon?: [string, string[]][];
}

/** Parses documents on worker threads, each thread working through the documents sent to it in order. */
export class ParsePool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly timeoutMs: number;
  private readonly depth: number;
  private readonly setup: WorkerSetup;
  private nextId = 0;
  private closed = false;

  constructor(options: ParsePoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.depth = Math.max(1, options.depth ?? 16);
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
    const closed = new Error('parse pool is closed');
    for (const t of this.queue.splice(0)) t.reject(closed);
    for (const slot of this.slots) {
      stopTimer(slot);
      for (const t of slot.tasks.splice(0)) t.reject(closed);
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(this.setup), tasks: [], timer: null };
    slot.worker.on('message', (reply: Reply) => this.finish(slot, reply));
    slot.worker.on('error', (error) =>
      this.replace(slot, new PrepareError(`parser crashed: ${error.message}`, 'crash')),
    );
    slot.worker.on('exit', (code) => {
      if (!this.closed) this.replace(slot, new PrepareError(`parser exited (${code})`, 'crash'));
    });
    return slot;
  }

  /** Sends queued tasks to the threads with the fewest outstanding, up to `depth` each. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot: Slot | null = null;
      for (const s of this.slots) if (s.tasks.length < this.depth && (!slot || s.tasks.length < slot.tasks.length)) slot = s; // prettier-ignore
      if (!slot) return;
      const task = this.queue.shift() as Task;
      slot.tasks.push(task);
      if (slot.tasks.length === 1) this.startTimer(slot);
      const { bytes } = task.request;
      // Hand over a copy the worker owns, so the caller's buffer stays usable.
      const owned = new Uint8Array(bytes);
      slot.worker.postMessage({ ...task.request, bytes: owned }, [owned.buffer]);
    }
  }

  private startTimer(slot: Slot): void {
    stopTimer(slot);
    slot.timer = setTimeout(
      () => this.replace(slot, new PrepareError(`took longer than ${this.timeoutMs / 1000} s`, 'timeout')),
      this.timeoutMs,
    );
  }

  private finish(slot: Slot, reply: Reply): void {
    const task = slot.tasks[0];
    if (!task || task.request.id !== reply.id) return;
    slot.tasks.shift();
    if (slot.tasks.length > 0) this.startTimer(slot);
    else stopTimer(slot);
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

  /**
   * Fails the task the thread was working on, puts a fresh thread in its place and sends the thread's
   * other tasks out again.
   */
  private replace(slot: Slot, error: Error): void {
    if (this.closed) return;
    stopTimer(slot);
    const [task, ...waiting] = slot.tasks.splice(0);
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    this.slots[index] = this.spawn();
    this.queue.unshift(...waiting);
    task?.reject(error);
    this.dispatch();
  }
}

function stopTimer(slot: Slot): void {
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
}
