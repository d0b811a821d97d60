/** The `max` entries of a record with the latest times: what per-key stores keep when they hit their bound. */
export function keepNewest<T>(record: Readonly<Record<string, T>>, timeOf: (value: T) => number, max: number): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record)
      .sort(([, a], [, b]) => timeOf(b) - timeOf(a))
      .slice(0, max),
  );
}
