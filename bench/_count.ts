import { readFileSync } from 'node:fs';
import { CUE_WORDS, CASELESS_CUE_WORDS } from '../src/parse/understand/cue-words.js';
const texts: string[] = JSON.parse(readFileSync('/tmp/me/corpus.json', 'utf8')).map((d: any) => d.text);
const all = { ...CUE_WORDS, ...CASELESS_CUE_WORDS } as Record<string, readonly string[]>;
const counts: Record<string, number> = {};
for (const t of texts) { const l = t.toLowerCase(); for (const [k, ws] of Object.entries(all)) for (const w of ws) { let i = -1; while ((i = l.indexOf(w.toLowerCase(), i + 1)) >= 0) counts[k + ':' + w] = (counts[k + ':' + w] ?? 0) + 1; } }
console.log(Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k} ${(v / texts.length).toFixed(1)}`).join('\n'));
