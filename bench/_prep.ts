import { prepareDocument } from '../src/ingest/prepare-document.js';
import { generateDocument, mixSeed } from './synthetic-corpus.js';
const N = Number(process.argv[2] ?? 1500);
const sources = Array.from({ length: N }, (_, i) => generateDocument(mixSeed(20180316, i)));
const bufs = sources.map((d) => Buffer.from(d.text));
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  for (let i = 0; i < N; i++) await prepareDocument(bufs[i]!, `/b/${i}`, sources[i]!.fileName);
  console.log(`prepare ${((performance.now() - t) / N).toFixed(2)} ms/doc`);
}
