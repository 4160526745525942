// Worker thread entry: prepares documents sent by the parse pool, one at a time.
import { parentPort } from 'node:worker_threads';
import { prepareDocument } from './prepare-document.js';

export interface PrepareRequest {
  id: number;
  bytes: Uint8Array;
  sourcePath: string;
  fileName: string;
}

parentPort?.on('message', async (request: PrepareRequest) => {
  try {
    const prepared = await prepareDocument(request.bytes, request.sourcePath, request.fileName);
    parentPort?.postMessage({ id: request.id, ok: true, prepared });
  } catch (error) {
    const e = error as { message?: string; code?: string; name?: string };
    parentPort?.postMessage({
      id: request.id,
      ok: false,
      error: { name: e?.name ?? 'Error', message: e?.message ?? String(error), code: e?.code ?? null },
    });
  }
});
