import type { Db } from './db.js';
import { ensureDeferredIndexes, foldTermDeltas } from './deferred-indexes.js';
import { initial } from './migrations/0001-initial.js';
import { search } from './migrations/0002-search.js';
import { searchRanking } from './migrations/0003-search-ranking.js';
import { searchBounds } from './migrations/0004-search-bounds.js';
import { searchNameFilters } from './migrations/0005-search-name-filters.js';
import { dataVersion } from './migrations/0006-data-version.js';
import { provenancePerDocument } from './migrations/0007-provenance-per-document.js';
import { searchNamePairs } from './migrations/0008-search-name-pairs.js';
import { searchFilterIndexes } from './migrations/0009-search-filter-indexes.js';
import { personContexts } from './migrations/0010-person-contexts.js';
import { dataVersionAlways } from './migrations/0011-data-version-always.js';
import { documentTextUncompressed } from './migrations/0012-document-text-uncompressed.js';
import { searchVectorUncompressed } from './migrations/0013-search-vector-uncompressed.js';
import { cheaperLoadTail } from './migrations/0014-cheaper-load-tail.js';
import { searchTermDeltas } from './migrations/0015-search-term-deltas.js';
import { provenanceAsJson } from './migrations/0016-provenance-as-json.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Applied in order, each once, the same SQL on both engines. Never edit one that has shipped: add one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'search', sql: search },
  { version: 3, name: 'search-ranking', sql: searchRanking },
  { version: 4, name: 'search-bounds', sql: searchBounds },
  { version: 5, name: 'search-name-filters', sql: searchNameFilters },
  { version: 6, name: 'data-version', sql: dataVersion },
  { version: 7, name: 'provenance-per-document', sql: provenancePerDocument },
  { version: 8, name: 'search-name-pairs', sql: searchNamePairs },
  { version: 9, name: 'search-filter-indexes', sql: searchFilterIndexes },
  { version: 10, name: 'person-contexts', sql: personContexts },
  { version: 11, name: 'data-version-always', sql: dataVersionAlways },
  { version: 12, name: 'document-text-uncompressed', sql: documentTextUncompressed },
  { version: 13, name: 'search-vector-uncompressed', sql: searchVectorUncompressed },
  { version: 14, name: 'cheaper-load-tail', sql: cheaperLoadTail },
  { version: 15, name: 'search-term-deltas', sql: searchTermDeltas },
  { version: 16, name: 'provenance-as-json', sql: provenanceAsJson },
];

// Any constant shared by every process that migrates this database.
const MIGRATION_LOCK = 7_154_201;

export interface MigrateOptions {
  /**
   * Whether to put back what a large load killed before its end left out: the indexes it deferred and
   * the document frequencies it had not added yet (default: true). An ingest passes false and does it
   * itself, at the end of its own load: a rerun that is again a large load would drop those indexes.
   */
  finishInterruptedLoad?: boolean;
  /** Told the indexes about to be put back, before they are built. */
  onBuildingIndexes?: (names: readonly string[]) => void;
}

/** Brings the schema up to date; safe to call from several processes at once. Returns versions applied. */
export async function migrate(db: Db, options: MigrateOptions = {}): Promise<number[]> {
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  if (options.finishInterruptedLoad ?? true) {
    await ensureDeferredIndexes(db, options.onBuildingIndexes);
    await foldTermDeltas(db);
  }
  return applied;
}

/** The tables of the model, parents before children: the order backups are written and restored in. */
export const TABLES: readonly string[] = [
  'schema_migrations',
  'organisations',
  'organisation_aliases',
  'bodies',
  'meetings',
  'documents',
  'document_sources',
  'document_lsh',
  'items',
  'attachments',
  'people',
  'person_names',
  'memberships',
  'attendance',
  'person_contexts',
  'departures',
  'actions',
  'key_messages',
  'provenance',
  'merges',
  'quarantine',
];
