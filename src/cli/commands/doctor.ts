import { resolve } from 'node:path';
import type { Command } from 'commander';
import { getAnalyzer } from '../../search/analysis/analyzer.js';
import { readDbConfig } from '../../store/db.js';

export function registerDoctorCommand(program: Command, setStatus: (code: number) => void): void {
  program
    .command('doctor')
    .description('tell what this installation runs on: language analysis, database, data dir')
    .action(() => {
      const analyzer = getAnalyzer();
      const config = readDbConfig();
      const lines = [
        analyzer.engine === 'voikko'
          ? 'voikko: found (Finnish lemmas and compound parts)'
          : 'voikko: not found; Finnish falls back to Snowball stemming (install libvoikko1 and voikko-fi)',
        'swedish: Snowball stemming and compound splitting',
        config.databaseUrl
          ? `database: PostgreSQL server (${redact(config.databaseUrl)})`
          : 'database: PGlite (embedded)',
        `data dir: ${config.databaseUrl ? '(not used)' : resolve(config.dataDir)}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      setStatus(0);
    });
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
