import { Command, CommanderError } from 'commander';
import { registerBackupCommand } from './commands/backup.js';
import { registerDoctorCommand } from './commands/doctor.js';
import { registerIngestCommand } from './commands/ingest.js';
import { registerParseCommand } from './commands/parse.js';
import { registerRestoreCommand } from './commands/restore.js';
import { registerSearchCommand } from './commands/search.js';
import { registerServeCommand } from './commands/serve.js';
import { registerWorkerCommand } from './commands/worker.js';

/** Runs the `pykala` command line; resolves to the process exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command()
    .name('pykala')
    .description('Open platform for public meeting records')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let status = 0;
  const setStatus = (code: number) => {
    status = code;
  };
  registerParseCommand(program, setStatus);
  registerIngestCommand(program, setStatus);
  registerBackupCommand(program, setStatus);
  registerRestoreCommand(program, setStatus);
  registerSearchCommand(program, setStatus);
  registerDoctorCommand(program, setStatus);
  registerWorkerCommand(program, setStatus);
  registerServeCommand(program, setStatus);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  return status;
}
