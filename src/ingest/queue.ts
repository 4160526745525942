import type { DbConfig } from '../store/db.js';

export async function enqueuePaths(_paths: readonly string[], _config: DbConfig): Promise<number> {
  throw new Error('the job queue is not built yet');
}
