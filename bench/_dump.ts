import { writeFileSync } from 'node:fs';
import { generateCorpus } from './synthetic-corpus.js';
writeFileSync('/tmp/me/corpus.json', JSON.stringify(generateCorpus(2000, 20170428).map((d) => ({ text: d.text, fileName: d.fileName }))));
