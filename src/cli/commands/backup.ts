import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { Command } from 'commander';
import { writeBackup } from '../../store/backup.js';
import { readDbConfig } from '../../store/db.js';
import { openStore } from '../open-store.js';

export function registerBackupCommand(program: Command, setStatus: (code: number) => void): void {
  program
    .command('backup')
    .description('write a consistent snapshot of the database to FILE (gzipped JSON lines)')
    .argument('<file>', 'where to write the backup')
    .action(async (file: string) => {
      const db = await openStore(readDbConfig());
      // Written beside the target and renamed at the end, so FILE is never half a backup.
      const partial = `${file}.partial`;
      try {
        const lines = new PassThrough();
        const written = pipeline(lines, createGzip(), createWriteStream(partial));
        const rows = await writeBackup(db, lines);
        lines.end();
        await written;
        await rename(partial, file);
        process.stderr.write(`pykala backup: ${rows} rows written to ${file}\n`);
      } catch (error) {
        await rm(partial, { force: true });
        process.stderr.write(`pykala backup: ${(error as Error).message}\n`);
        setStatus(1);
      } finally {
        await db.close();
      }
    });
}
