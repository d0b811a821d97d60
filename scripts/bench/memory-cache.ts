import type { ResultCache } from '@src/engine/check-models';
import type { ProbeResult } from '@src/modelscope/probe';

/**
 * The extension's `ResultCache` interface kept in a Map, since the real one needs a browser's `storage.session`.
 * An entry ages from when it was put, on the given clock: the real cache ages it from `checked_at`, which
 * checkModels stamps just before putting, and the quota session needs a clock it can skip forward.
 */
export class MemoryResultCache implements ResultCache {
  private readonly entries = new Map<string, { item: ProbeResult; storedAt: number }>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  async get(keyId: string, model: string, maxAgeMs: number): Promise<ProbeResult | null> {
    if (maxAgeMs <= 0) return null;
    const entry = this.entries.get(`${keyId}\n${model}`);
    if (!entry) return null;
    const age = this.now() - entry.storedAt;
    return age >= 0 && age < maxAgeMs ? entry.item : null;
  }

  async put(keyId: string, item: ProbeResult): Promise<void> {
    this.entries.set(`${keyId}\n${item.model}`, { item, storedAt: this.now() });
  }
}
