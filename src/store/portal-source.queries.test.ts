import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { redactText } from './portal-source.queries.js';

test('redactText cuts hidden items out and keeps every other span on its own text', () => {
  // Items of public ('a'…) or hidden ('X') text between headers; hidden text holds the only X's.
  const item = fc.record({ hidden: fc.boolean(), words: fc.array(fc.constantFrom('ab', 'cd', 'e f', '\n'), { minLength: 1, maxLength: 6 }) }); // prettier-ignore
  fc.assert(
    fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), (items) => {
      let text = 'HEAD\n';
      const spans: [string, number, number][] = [['/title', 0, 4]];
      const hidden = new Set<string>();
      items.forEach((it, i) => {
        const start = text.length;
        const body = it.words.join(' ');
        text += `§ ${i}\n${it.hidden ? body.replace(/[a-z]/g, 'X') : body}\n`;
        spans.push(
          [`/items/${i}`, start, text.length],
          [`/items/${i}/title`, start, start + 3 + String(i).length],
        );
        if (it.hidden) hidden.add(`/items/${i}`);
      });
      const out = redactText(text, spans, hidden);
      assert.ok(!out.text.includes('X'));
      assert.equal(out.withheld.length > 0, hidden.size > 0);
      for (const [pointer, s, e] of spans) {
        const moved = out.spans.get(pointer);
        if (hidden.has(pointer.replace(/^(\/items\/\d+).*/, '$1'))) assert.equal(moved, undefined);
        else assert.equal(out.text.slice(...(moved ?? [0, 0])), text.slice(s, e), pointer);
      }
    }),
  );
});

test('redactText cuts a hidden title wherever it is written, and hides all when a hidden item has no span', () => {
  const text = 'Asiat: 1 Salainen kauppa, 2 Katu\n§ 1 Salainen kauppa\nX\n§ 2 Katu\n';
  const s1 = text.indexOf('§ 1');
  const s2 = text.indexOf('§ 2');
  const out = redactText(text, [['/items/0', s1, s2], ['/items/1', s2, text.length]], new Set(['/items/0']), ['Salainen kauppa']); // prettier-ignore
  assert.equal(out.text, 'Asiat: 1 , 2 Katu\n§ 2 Katu\n');
  assert.deepEqual(out.withheld, [9, 18]);
  assert.deepEqual(out.spans.get('/items/1'), [18, 27]);
  assert.deepEqual(redactText(text, [], new Set(['/items/0'])), {
    text: '',
    withheld: [0],
    spans: new Map(),
  });
});
