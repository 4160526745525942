import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateCorpus } from '../../bench/synthetic-corpus.js';
import { countRows, findIncompleteDocuments } from '../store/document.repository.js';
import {
  createTestDatabase,
  indexDefinitions,
  testEngines,
  withTestDatabase,
} from '../store/test-databases.js';
import { countedTermFrequencies, storedTermFrequencies } from '../../test/support/term-counts.js';

const CLI = new URL('../../test/support/pykala-cli.ts', import.meta.url).pathname;
const DOCUMENTS = 60;

interface RunOptions {
  /** Send `signal` once this many documents are done. */
  stopAfter?: number;
  /** SIGKILL by default. */
  signal?: NodeJS.Signals;
  extra?: string[];
}

/**
 * Runs `pykala ingest DIR`, committing 4 documents per transaction so that a kill lands between and
 * inside batches. `notes` are the lines it wrote other than progress.
 */
function runIngest(dir: string, env: Record<string, string>, options: RunOptions = {}) {
  const { stopAfter, signal = 'SIGKILL', extra = [] } = options;
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; done: number; notes: string[] }>(
    (resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', CLI, 'ingest', '--workers', '2', '--commit-every', '4', ...extra, dir],
        {
          env: { ...process.env, ...env, PYKALA_PROGRESS_MS: '0' },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let done = 0;
      let sent = false;
      const notes: string[] = [];
      let buffered = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        buffered += chunk;
        const end = buffered.lastIndexOf('\n') + 1;
        for (const line of buffered.slice(0, end).split('\n')) {
          const progress = /^(\d+)\/\d+ documents/.exec(line);
          if (progress) done = Math.max(done, Number(progress[1]));
          else if (line) notes.push(line);
        }
        buffered = buffered.slice(end);
        if (stopAfter !== undefined && done >= stopAfter && !sent) sent = child.kill(signal);
      });
      child.once('error', reject);
      child.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal, done, notes }));
    },
  );
}

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pykala-kill-'));
  for (const d of generateCorpus(DOCUMENTS, 20_240_501)) await writeFile(join(dir, d.fileName), d.text);
});
after(() => rm(dir, { recursive: true, force: true }));

for (const engine of await testEngines()) {
  describe(`kill -9 during ingest on ${engine}`, () => {
    test('leaves only whole documents, and a rerun finishes the rest', async () => {
      const t = await createTestDatabase(engine);
      try {
        // The child process opens the database itself; ours stays closed until it is gone (PGlite is single-process).
        await t.open().then((db) => db.close());
        const killed = await runIngest(dir, t.env, { stopAfter: 10 });
        assert.equal(killed.signal, 'SIGKILL', 'killed before it finished');

        let db = await t.open();
        const stored = await countRows(db, 'documents');
        assert.ok(stored >= 1 && stored < DOCUMENTS, `${stored} documents stored before the kill`);
        assert.deepEqual(await findIncompleteDocuments(db), []);
        await db.close();

        const rerun = await runIngest(dir, t.env);
        assert.equal(rerun.code, 0);
        db = await t.open();
        assert.equal(await countRows(db, 'documents'), DOCUMENTS);
        assert.deepEqual(await findIncompleteDocuments(db), []);
        assert.equal(await countRows(db, 'quarantine'), 0);
      } finally {
        await t.drop();
      }
    });

    test('a large load killed part-way leaves a store whose indexes and term counts the rerun makes whole', async () => {
      const t = await createTestDatabase(engine);
      try {
        await t.open().then((db) => db.close());
        const large = ['--bulk-load-minimum', '1'];
        const killed = await runIngest(dir, t.env, { stopAfter: 10, extra: large });
        assert.equal(killed.signal, 'SIGKILL', 'killed before it finished');
        const rerun = await runIngest(dir, t.env, { extra: large });
        assert.equal(rerun.code, 0);
        // Embedded, the rerun is a large load again: the indexes the kill left out are built at its end,
        // not also when it opens the store. A server's are put back when it opens, and nothing is dropped.
        const builds = rerun.notes.filter((line) => line.includes('building'));
        assert.equal(builds.length, 1, builds.join('\n'));
        const db = await t.open();
        try {
          assert.equal(await countRows(db, 'documents'), DOCUMENTS);
          assert.deepEqual(await findIncompleteDocuments(db), []);
          assert.deepEqual(await storedTermFrequencies(db), await countedTermFrequencies(db));
          assert.deepEqual(await db.query('SELECT count(*)::int4 AS n FROM search_term_deltas'), [{ n: 0 }]);
          await withTestDatabase(engine, async (fresh) =>
            assert.deepEqual(await indexDefinitions(db), await indexDefinitions(fresh)),
          );
        } finally {
          await db.close();
        }
      } finally {
        await t.drop();
      }
    });

    test('Ctrl-C stops once the documents in hand are stored, says so, and the same command stores the rest', async () => {
      const t = await createTestDatabase(engine);
      try {
        await t.open().then((db) => db.close());
        const large = ['--bulk-load-minimum', '1'];
        const stopped = await runIngest(dir, t.env, { stopAfter: 10, signal: 'SIGINT', extra: large });
        assert.equal(stopped.code, 130, stopped.notes.join('\n'));
        assert.match(stopped.notes[0] ?? '', /stopping once the documents in hand are stored/);
        assert.match(
          stopped.notes.join('\n'),
          /stopped at \d+ of 60 documents[^]*the same command stores the rest/,
        );
        let db = await t.open();
        const stored = await countRows(db, 'documents');
        assert.ok(stored >= 10 && stored < DOCUMENTS, `${stored} documents stored before the stop`);
        assert.deepEqual(await findIncompleteDocuments(db), []);
        await db.close();

        const rerun = await runIngest(dir, t.env, { extra: large });
        assert.equal(rerun.code, 0);
        db = await t.open();
        assert.equal(await countRows(db, 'documents'), DOCUMENTS);
        assert.deepEqual(await findIncompleteDocuments(db), []);
        await db.close();
      } finally {
        await t.drop();
      }
    });
  });
}
