// The catalogue as served: built once per load of the reference data (the cache hands out a new index after every
// change it hears of, NOTIFY s360_reference), with its body and strong ETag.
import type { ReferenceIndex } from '../domain/reference.ts';
import { buildCatalog } from './document.ts';

export type ServedCatalog = { body: Buffer; etag: string; version: string };

const built = new WeakMap<ReferenceIndex, ServedCatalog>();

export function servedCatalog(ref: ReferenceIndex): ServedCatalog {
  let served = built.get(ref);
  if (!served) {
    const doc = buildCatalog(ref);
    served = { body: Buffer.from(JSON.stringify(doc)), etag: `"catalog-${doc.version}"`, version: doc.version };
    built.set(ref, served);
  }
  return served;
}
