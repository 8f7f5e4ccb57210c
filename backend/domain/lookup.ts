// Lookups the caller knows succeed (a code validated against the same reference data, a key the same plan wrote):
// a miss is a bug in this program, never bad input, and fails at once saying what was looked up, instead of the
// checker being told `!` and the miss surfacing later as "cannot read properties of undefined".

/** The value under `key` in `map` (`what` names the map in the error). */
export function lookup<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) {
    throw new Error(`${what} has no entry ${JSON.stringify(key)}`);
  }
  return value;
}

/** `value`, which an invariant of the caller guarantees (`what` names it in the error). */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) {
    throw new Error(`${what} is missing`);
  }
  return value;
}
