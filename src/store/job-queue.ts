import PgBoss from 'pg-boss';

/** A job queue in the PostgreSQL database itself (pg-boss), shared by ingest workers on any machine. */
export interface JobQueue {
  enqueue(items: readonly unknown[]): Promise<void>;
  /** Up to `count` jobs, now marked active; an active job not completed in time goes back to the queue. */
  fetch<T>(count: number): Promise<{ id: string; data: T }[]>;
  complete(ids: readonly string[]): Promise<void>;
  /** Jobs not yet taken by a worker. */
  waiting(): Promise<number>;
  close(): Promise<void>;
}

export async function openJobQueue(databaseUrl: string, name: string): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 2, schedule: false, supervise: false });
  boss.on('error', (error: Error) => process.stderr.write(`job queue: ${error.message}\n`));
  await boss.start();
  if (!(await boss.getQueue(name))) {
    // A document still active after 15 minutes is taken to be lost with its worker and is tried again.
    await boss.createQueue(name, { name, expireInSeconds: 900, retryLimit: 2 }).catch(async (error) => {
      if (!(await boss.getQueue(name))) throw error;
    });
  }
  return {
    async enqueue(items) {
      for (let i = 0; i < items.length; i += 1000) {
        await boss.insert(items.slice(i, i + 1000).map((data) => ({ name, data: data as object })));
      }
    },
    async fetch<T>(count: number) {
      const jobs = await boss.fetch<T>(name, { batchSize: count });
      return jobs.map((j) => ({ id: j.id, data: j.data }));
    },
    async complete(ids) {
      if (ids.length > 0) await boss.complete(name, [...ids]);
    },
    waiting: () => boss.getQueueSize(name, { before: 'active' }),
    close: () => boss.stop({ graceful: false, wait: true }),
  };
}
