import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { generateDocument, mixSeed } from '../../bench/synthetic-corpus.js';
import { ParsePool, PrepareError } from './parse-pool.js';
import { prepareDocument } from './prepare-document.js';

const documents = Array.from({ length: 24 }, (_, i) => generateDocument(mixSeed(31, i)));

describe('parse pool', () => {
  const pool = new ParsePool({ size: 2, depth: 8 });
  after(() => pool.close());

  test('documents sent ahead to each thread come back whole, each to its own caller', async () => {
    const prepared = await Promise.all(
      documents.map((d, i) => pool.prepare(Buffer.from(d.text), `/pool/${i}/${d.fileName}`, d.fileName)),
    );
    for (const [i, d] of documents.entries()) {
      const expected = await prepareDocument(Buffer.from(d.text), `/pool/${i}/${d.fileName}`, d.fileName);
      assert.equal(prepared[i]?.sha256, expected.sha256);
      assert.equal(prepared[i]?.sourcePath, expected.sourcePath);
      assert.deepEqual(prepared[i]?.record, expected.record);
    }
  });

  test('a document over the time limit fails alone: the thread is replaced and the ones queued behind it are still prepared', async () => {
    const slow = new ParsePool({ size: 1, depth: 8, timeoutMs: 1 });
    try {
      const outcomes = await Promise.allSettled(
        documents.slice(0, 4).map((d, i) => slow.prepare(Buffer.from(d.text), `/slow/${i}`, d.fileName)),
      );
      // No thread prepares a document within 1 ms, so each times out in turn on a fresh thread: the ones
      // queued behind a timed-out document are sent again, none is lost or answered twice.
      assert.equal(outcomes.length, 4);
      for (const o of outcomes) {
        assert.equal(o.status, 'rejected');
        assert.ok(o.status === 'rejected' && o.reason instanceof PrepareError && o.reason.code === 'timeout');
      }
    } finally {
      await slow.close();
    }
  });

  test('closing rejects what is still queued', async () => {
    const closing = new ParsePool({ size: 1, depth: 2 });
    const pending = documents.slice(0, 6).map((d, i) => closing.prepare(Buffer.from(d.text), `/c/${i}`, d.fileName)); // prettier-ignore
    const settled = Promise.allSettled(pending);
    await closing.close();
    const outcomes = await settled;
    assert.ok(outcomes.every((o) => o.status === 'rejected'));
  });
});
