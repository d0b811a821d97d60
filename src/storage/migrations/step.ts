/** What one migration changes, computed from what is stored; the runner writes it in one go. */
export interface StoredChanges {
  /** Full storage keys (`local:…`) to their new values. */
  set: Record<string, unknown>;
  remove: string[];
  /** Keys whose old value was unreadable and dropped, for the repair notice. */
  repaired: string[];
}

/** One version step: from the version before `version` to `version`. Pure, so fixtures test it whole. */
export interface MigrationStep {
  version: number;
  /** `stored`: every item of storage.local, by full key. */
  migrate(stored: Readonly<Record<string, unknown>>): StoredChanges;
}
