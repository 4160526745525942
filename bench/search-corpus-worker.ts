/** Analyses chunks of the search benchmark's corpus in a worker thread: documents in, search rows out. */
import { parentPort } from 'node:worker_threads';
import { getAnalyzer } from '../src/search/analysis/analyzer.js';
import { analyseChunk } from './search-corpus.js';

parentPort?.on('message', (task: { seed: number; from: number; to: number }) => {
  parentPort?.postMessage(analyseChunk(task.seed, task.from, task.to, getAnalyzer()));
});
