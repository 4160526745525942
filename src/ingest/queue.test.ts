import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { generateCorpus } from '../../bench/synthetic-corpus.js';
import { countRows, findIncompleteDocuments } from '../store/document.repository.js';
import { createTestDatabase, testEngines } from '../store/test-databases.js';

const CLI = new URL('../../test/support/pykala-cli.ts', import.meta.url).pathname;

function run(args: readonly string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

const engines = await testEngines();

describe(
  'ingest through the job queue',
  { skip: !engines.includes('postgres') && 'needs the PostgreSQL server' },
  () => {
    test('two worker processes share the queue and store every document once', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'pykala-queue-'));
      const t = await createTestDatabase('postgres');
      try {
        const docs = generateCorpus(40, 99);
        for (const d of docs) await writeFile(join(dir, d.fileName), d.text);
        const queued = await run(['ingest', '--queue', dir], t.env);
        assert.equal(queued.code, 0, queued.stderr);
        assert.match(queued.stderr, /40 documents queued/);

        const workers = await Promise.all(
          [1, 2].map(() => run(['worker', '--until-empty', '--workers', '1'], t.env)),
        );
        const stored = workers.map((w) => {
          assert.equal(w.code, 0, w.stderr);
          return Number(/(\d+) stored/.exec(w.stderr)?.[1] ?? 'NaN');
        });
        assert.ok(
          stored.every((n) => n > 0),
          `both workers stored documents: ${stored.join(' + ')}`,
        );

        const db = await t.open();
        assert.equal(await countRows(db, 'documents'), 40);
        assert.equal(stored[0]! + stored[1]!, 40);
        assert.deepEqual(await findIncompleteDocuments(db), []);
      } finally {
        await t.drop();
        await rm(dir, { recursive: true, force: true });
      }
    });
  },
);
