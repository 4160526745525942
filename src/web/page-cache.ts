/**
 * Rendered pages kept in memory, as bytes, for as long as the store's data version is unchanged: a page
 * is one map lookup instead of several queries. The version is re-read in the background at most once
 * per `checkEveryMs`, so a page may be that much older than the store; no request waits for the check.
 */
export class PageCache {
  private pages = new Map<string, Buffer>();
  /** Pages being rendered: concurrent requests for one page wait for the same rendering. */
  private pending = new Map<string, Promise<Buffer | null>>();
  /** Values several pages share (a document's similar documents), under the same data version. */
  private values = new Map<string, Promise<unknown>>();
  private version: string | null = null;
  private checkedAt = 0;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly readVersion: () => Promise<string>,
    private readonly checkEveryMs = 1000,
    private readonly maxPages = 5000,
  ) {}

  async get(key: string, render: () => Promise<string | null>): Promise<Buffer | null> {
    if (this.version === null) await this.refresh();
    else if (Date.now() - this.checkedAt >= this.checkEveryMs) void this.refresh();
    const hit = this.pages.get(key);
    if (hit !== undefined) return hit;
    let rendering = this.pending.get(key);
    if (!rendering) {
      rendering = this.render(key, render).finally(() => this.pending.delete(key));
      this.pending.set(key, rendering);
    }
    return rendering;
  }

  /**
   * A value computed once per data version and shared by the pages that show it: the meeting page and
   * each of its item pages list the same similar documents, in every language.
   */
  remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const known = this.values.get(key) as Promise<T> | undefined;
    if (known) return known;
    if (this.values.size >= this.maxPages) this.values.clear();
    const version = this.version;
    const value = compute();
    this.values.set(key, value);
    // A value computed across a version change, or a failure, is not kept.
    const forget = () => {
      if (this.values.get(key) === value) this.values.delete(key);
    };
    value.then(() => {
      if (version !== this.version) forget();
    }, forget);
    return value;
  }

  private async render(key: string, render: () => Promise<string | null>): Promise<Buffer | null> {
    const version = this.version;
    const html = await render();
    if (html === null) return null;
    const page = Buffer.from(html);
    // A page rendered across a version change may hold either version's data: keep it only when none came.
    if (version === this.version) {
      if (this.pages.size >= this.maxPages) this.pages.clear();
      this.pages.set(key, page);
    }
    return page;
  }

  private refresh(): Promise<void> {
    this.checkedAt = Date.now();
    this.checking ??= this.readVersion()
      .then((v) => {
        if (v !== this.version) {
          this.pages.clear();
          this.values.clear();
        }
        this.version = v;
      })
      .catch(() => undefined)
      .finally(() => {
        this.checking = null;
      });
    return this.checking;
  }
}
