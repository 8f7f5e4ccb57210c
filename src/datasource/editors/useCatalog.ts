// The catalogue for an editor: what the datasource holds now at once, then the aggregator's document when it comes
// (the store fetches it once per TTL for every editor of the datasource).
import { useEffect, useState } from 'react';
import { FALLBACK_CATALOG, type Catalog } from '../catalog/catalog.ts';
import type { CatalogStore } from '../catalog/store.ts';

/** A datasource as the editors need it; `catalog` absent (a test's stand-in): the compiled copy. */
export type CatalogHolder = { catalog?: Pick<CatalogStore, 'current' | 'get'> };

export function useCatalog(datasource: CatalogHolder): Catalog {
  const store = datasource.catalog;
  const [catalog, setCatalog] = useState<Catalog>(() => store?.current() ?? FALLBACK_CATALOG);
  useEffect(() => {
    if (!store) {
      return undefined;
    }
    let live = true;
    void store.get().then((next) => {
      if (live) {
        setCatalog(next);
      }
    });
    return () => {
      live = false;
    };
  }, [store]);
  return catalog;
}
