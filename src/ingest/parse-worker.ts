// Worker thread entry: prepares documents sent by the parse pool, one at a time: parse, resolution keys
// and the search analysis (Voikko loads in each thread), so that the writing thread only writes.
import { parentPort, workerData } from 'node:worker_threads';
import { getAnalyzer } from '../search/analysis/analyzer.js';
import { prepareDocument, transferableBuffers } from './prepare-document.js';

export interface PrepareRequest {
  id: number;
  bytes: Uint8Array;
  sourcePath: string;
  fileName: string;
}

export interface WorkerSetup {
  /** The compound lexicon learnt from the documents stored so far: [language, stems]. */
  lexicon?: [string, string[]][];
}

const analyzer = getAnalyzer();
for (const [language, stems] of (workerData as WorkerSetup | null)?.lexicon ?? []) {
  analyzer.lexicon.add(language, stems);
}

// Requests arrive ahead of their turn; they are prepared one at a time, in the order sent.
const waiting: PrepareRequest[] = [];
let working = false;

parentPort?.on('message', (request: PrepareRequest) => {
  waiting.push(request);
  if (!working) void work();
});

async function work(): Promise<void> {
  working = true;
  for (let request = waiting.shift(); request; request = waiting.shift()) await answer(request);
  working = false;
}

async function answer(request: PrepareRequest): Promise<void> {
  try {
    const prepared = await prepareDocument(request.bytes, request.sourcePath, request.fileName, analyzer);
    parentPort?.postMessage({ id: request.id, ok: true, prepared }, transferableBuffers(prepared));
  } catch (error) {
    const e = error as { message?: string; code?: string; name?: string };
    parentPort?.postMessage({
      id: request.id,
      ok: false,
      error: { name: e?.name ?? 'Error', message: e?.message ?? String(error), code: e?.code ?? null },
    });
  }
}
