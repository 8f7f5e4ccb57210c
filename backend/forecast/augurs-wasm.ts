// Loads one of augurs' WASM modules in Node, once and synchronously, from the .wasm file beside its JS
// (`@bsull/augurs/<name>` ships `<name>_bg.wasm`).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A function that makes sure the module is instantiated before its first use. */
export function augursModule(name: string, initSync: (m: { module: Buffer }) => unknown): () => void {
  let ready = false;
  return () => {
    if (ready) {
      return;
    }
    const wasm = new URL(`${name}_bg.wasm`, import.meta.resolve(`@bsull/augurs/${name}`));
    initSync({ module: readFileSync(fileURLToPath(wasm)) });
    ready = true;
  };
}
