/**
 * Rendered pages kept in memory for as long as the store's data version is unchanged: a page is one
 * map lookup instead of several queries. The version is read at most once per `checkEveryMs`.
 */
export class PageCache {
  private pages = new Map<string, string>();
  private version: string | null = null;
  private checkedAt = 0;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly readVersion: () => Promise<string>,
    private readonly checkEveryMs = 1000,
    private readonly maxPages = 5000,
  ) {}

  async get(key: string, render: () => Promise<string | null>): Promise<string | null> {
    await this.refresh();
    const hit = this.pages.get(key);
    if (hit !== undefined) return hit;
    const page = await render();
    if (page !== null) {
      if (this.pages.size >= this.maxPages) this.pages.clear();
      this.pages.set(key, page);
    }
    return page;
  }

  private refresh(): Promise<void> {
    if (Date.now() - this.checkedAt < this.checkEveryMs) return Promise.resolve();
    this.checking ??= this.readVersion()
      .then((v) => {
        if (v !== this.version) this.pages.clear();
        this.version = v;
        this.checkedAt = Date.now();
      })
      .finally(() => {
        this.checking = null;
      });
    return this.checking;
  }
}
