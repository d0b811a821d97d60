import { browser } from 'wxt/browser';
import type { HealthReply } from '@src/contract';

/** Same answer as the original service's `GET /health`, with the installed extension's version. */
export async function handleHealth(): Promise<HealthReply> {
  return { status: 'healthy', service: 'ModelScope Balance Query', version: browser.runtime.getManifest().version };
}
