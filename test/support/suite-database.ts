import { after, before } from 'node:test';
import type { Db, Engine } from '../../src/store/db.js';
import type { TestDatabase } from '../../src/store/test-databases.js';
import { createTestDatabase } from '../../src/store/test-databases.js';

/**
 * A fresh database for the enclosing `describe`: created and opened, then `setup` run on it, before
 * its tests; dropped after them. Read `.db` inside tests and hooks.
 */
export function suiteDatabase(engine: Engine, setup?: (db: Db) => Promise<void>): { readonly db: Db } {
  let t: TestDatabase | undefined;
  let opened: Db | undefined;
  before(async () => {
    t = await createTestDatabase(engine);
    opened = await t.open();
    await setup?.(opened);
  });
  after(() => t?.drop());
  return {
    get db(): Db {
      if (!opened) throw new Error('the suite database opens before the suite’s tests');
      return opened;
    },
  };
}
