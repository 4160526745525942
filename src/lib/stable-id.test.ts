import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sha256Hex, stableId } from './stable-id.js';

// Stored ids are these functions' output: a store ingested before must get the same ids again, or a
// second ingest of the same archive would add everything twice.
test('ids stay what they were for the same parts', () => {
  assert.equal(stableId('item', 'abc', 3), 'e3a869f1158a694954355bad4b494985');
  assert.equal(stableId('person', 'heikkilä marja', null, 'o:turku'), '7803653b6dc0a9ec2583fe81d95dee7e');
  assert.equal(stableId('a', 'bc'), '624ce4e22aa197da43bff3bcb4717e5b');
  assert.equal(stableId('ab', 'c'), '9617c506357d3d46bb660dbde5253de2');
  assert.notEqual(stableId(null), stableId(''));
});

test('a content hash is the sha256 of the bytes', () => {
  assert.equal(
    sha256Hex(Buffer.from('pöytäkirja')),
    '8df0a175627dcc583ba63fb90b13cd8ccea931ab75209768d7ac32cfe3a3d0a4',
  );
});
