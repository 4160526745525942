import type { Db, DbConfig } from '../store/db.js';
import { createsEmbeddedDatabase, openDb } from '../store/db.js';
import type { MigrateOptions } from '../store/migrations.js';
import { migrate } from '../store/migrations.js';

/**
 * Opens the configured store and brings its schema up to date, saying on standard error what takes
 * seconds or minutes before anything else is printed: creating a new embedded database, and building
 * the indexes a killed large load left out.
 */
export async function openStore(
  config: DbConfig,
  options: Pick<MigrateOptions, 'finishInterruptedLoad'> = {},
): Promise<Db> {
  if (createsEmbeddedDatabase(config)) {
    process.stderr.write(`pykala: creating a new database in ${config.dataDir}…\n`);
  }
  const db = await openDb(config);
  try {
    await migrate(db, {
      ...options,
      onBuildingIndexes: (names) =>
        process.stderr.write(`pykala: building ${names.length} indexes that an interrupted load left out…\n`),
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
