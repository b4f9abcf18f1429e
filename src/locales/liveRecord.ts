/**
 * A record of words read through getters: each value is worded when it is read, in the language
 * chosen at that moment, not once when the module loads (the `<select name="locale">` changes the
 * language at run time). Code written against a constant map (`LABELS[key]`) keeps working.
 */
export function liveRecord<K extends string, V>(
  keys: readonly K[],
  value: (key: K) => V,
): Readonly<Record<K, V>> {
  const record = {} as Record<K, V>;
  for (const key of keys) Object.defineProperty(record, key, { get: () => value(key), enumerable: true });
  return record;
}

/** A map's keys, typed (Object.keys widens them to string). */
export const codesOf = <K extends string>(map: Readonly<Record<K, unknown>>): K[] => Object.keys(map) as K[];
