// The catalogue of one datasource instance: fetched from the aggregator (GET /v1/catalog through the plugin route),
// kept for a TTL, asked again after it (the browser revalidates with the ETag: a 304 when nothing changed) or at once
// after invalidate() (the aggregator refused a query). While the aggregator cannot be reached: the last document
// fetched, else the compiled copy, and a new attempt after a short pause. Concurrent callers share one fetch.
import { FALLBACK_CATALOG, fromAggregator, type Catalog } from './catalog.ts';
import { readCatalog } from './wire.ts';

export type CatalogStoreOptions = {
  /** how long a fetched document is used without asking again */
  ttlMs: number;
  /** how long after a failed fetch the next one is tried */
  retryMs: number;
  now: () => number;
};

export const CATALOG_STORE_DEFAULTS: CatalogStoreOptions = { ttlMs: 60_000, retryMs: 10_000, now: () => Date.now() };

export class CatalogStore {
  private catalog: Catalog = FALLBACK_CATALOG;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private failedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<Catalog> | null = null;
  private readonly options: CatalogStoreOptions;

  /** `load`: the response body of GET /v1/catalog (rejects when the call fails). */
  constructor(
    private readonly load: () => Promise<unknown>,
    options: Partial<CatalogStoreOptions> = {}
  ) {
    this.options = { ...CATALOG_STORE_DEFAULTS, ...options };
  }

  /** What is known now, without asking (the compiled copy before the first answer). */
  current(): Catalog {
    return this.catalog;
  }

  /** The catalogue, asked of the aggregator when the copy in hand is older than the TTL (or a failure is old enough). */
  get(): Promise<Catalog> {
    const now = this.options.now();
    const fresh = this.catalog.source === 'aggregator' && now - this.fetchedAt < this.options.ttlMs;
    const resting = now - this.failedAt < this.options.retryMs;
    if (fresh || resting) {
      return Promise.resolve(this.catalog);
    }
    this.pending ??= this.load()
      .then((body) => {
        this.catalog = fromAggregator(readCatalog(body));
        this.fetchedAt = this.options.now();
        this.failedAt = Number.NEGATIVE_INFINITY;
        return this.catalog;
      })
      .catch(() => {
        this.failedAt = this.options.now();
        return this.catalog; // the last document fetched, else the compiled copy
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  /** Ask again at the next get() (the aggregator refused a code the catalogue offered, or named one it lacks). */
  invalidate(): void {
    this.fetchedAt = Number.NEGATIVE_INFINITY;
    this.failedAt = Number.NEGATIVE_INFINITY;
  }
}
