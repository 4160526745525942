import { understandText } from '../src/parse/understand/understand.js';
import { parseDocument } from '../src/parse/parse-document.js';
import { generateCorpus } from './synthetic-corpus.js';
const docs = generateCorpus(2000, 20170428);
const mode = process.argv[2] ?? 'understand';
const rounds = Number(process.argv[3] ?? 4);
const bytes = docs.map((d) => new TextEncoder().encode(d.text));
let mb = 0;
for (const d of docs) mb += Buffer.byteLength(d.text) / 1e6;
for (let r = 0; r < rounds + 1; r++) {
  const t0 = performance.now();
  for (let i = 0; i < docs.length; i++) {
    if (mode === 'understand') understandText(docs[i]!.text);
    else await parseDocument(bytes[i]!, docs[i]!.fileName);
  }
  if (r > 0) console.log(mode, (mb / ((performance.now() - t0) / 1000)).toFixed(2), 'MB/s');
}
