import { readFileSync } from 'node:fs';
const texts: string[] = JSON.parse(readFileSync('/tmp/me/corpus.json', 'utf8')).map((d: any) => d.text);
const pairs: [string, RegExp, RegExp][] = [
  ['checkers', /tarkastaj|justerare/iu, /tarkastaj|justerare/i],
  ['attach', /iit|ilag|ILAG|IIT|\.pdf|\.doc|\(\d+\s*(?:kt|kb|mb|mt)\)/iu, /iit|ilag|\.pdf|\.doc|\(\d+\s*(?:kt|kb|mb|mt)\)/i],
  ['numletter', /\d[ \t]?[a-h](?:[.)]|[ \t]*§)/u, /\d[ \t]?[a-h](?:[.)]|[ \t]*§)/],
];
for (let r = 0; r < 3; r++) for (const [n, a, b] of pairs) {
  let t0 = performance.now(); let x = 0; for (const t of texts) x += a.test(t) ? 1 : 0; const ta = performance.now() - t0;
  t0 = performance.now(); let y = 0; for (const t of texts) y += b.test(t) ? 1 : 0; const tb = performance.now() - t0;
  console.log(n, ta.toFixed(1), tb.toFixed(1), x, y);
}
