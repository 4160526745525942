import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Command } from 'commander';
import { restoreBackup } from '../../store/backup.js';
import { readDbConfig } from '../../store/db.js';
import { openStore } from '../open-store.js';

export function registerRestoreCommand(program: Command, setStatus: (code: number) => void): void {
  program
    .command('restore')
    .description('load a backup into a fresh data dir (PYKALA_DATA) or database (DATABASE_URL)')
    .argument('<file>', 'a file written by `pykala backup`')
    .action(async (file: string) => {
      const db = await openStore(readDbConfig());
      try {
        const rows = await restoreBackup(db, createReadStream(file).pipe(createGunzip()));
        process.stderr.write(`pykala restore: ${rows} rows restored from ${file}\n`);
      } catch (error) {
        process.stderr.write(`pykala restore: ${(error as Error).message}\n`);
        setStatus(1);
      } finally {
        await db.close();
      }
    });
}
