import type { Command } from 'commander';
import { buildApp, listen } from '../../server/app.js';
import { readDbConfig } from '../../store/db.js';
import { openStore } from '../open-store.js';

interface ServeOptions {
  port: string;
  host: string;
  baseUrl?: string;
}

export function registerServeCommand(program: Command, setStatus: (code: number) => void): void {
  program
    .command('serve')
    .description('serve the public portal over the stored documents')
    .option('-p, --port <n>', 'port to listen on (0: any free one)', '3000')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--base-url <url>', 'public URL of the portal, for feeds and the sitemap')
    .action(async (options: ServeOptions) => {
      setStatus(await serve(options));
    });
}

async function serve(options: ServeOptions): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('pykala serve: --port takes a port number\n');
    return 2;
  }
  const db = await openStore(readDbConfig());
  const app = await buildApp({ db, baseUrl: options.baseUrl ?? `http://${options.host}:${port}` });
  const url = await listen(app, port, options.host);
  process.stdout.write(`pykala serve: ${url}\n`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  await db.close();
  return 0;
}
