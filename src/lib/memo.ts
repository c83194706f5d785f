/**
 * The value `map` holds for `key`, computed by `make` the first time it is asked for. For results
 * that many pages of a build ask for with the same arguments; callers must not change what they
 * are given, since the next caller is given the same value.
 */
export function memo<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  if (map.has(key)) return map.get(key)!;
  const value = make();
  map.set(key, value);
  return value;
}
