import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionResultCache } from '@src/account/results';
import type { ProbeResult } from '@src/modelscope/probe';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { checkSettingsItem, DEFAULT_CHECK_SETTINGS } from '@src/storage/check-settings';
import type { ModelPrice, SitePrices } from '@src/storage/model-prices';
import { CheckActions } from './CheckActions';
import { probeResult, NO_NUMBERS } from '@test/support/balance-item';
import { serveLocale } from '@test/support/i18n';
import { offerEntry, rowsFor, type RowInputs } from '@test/support/rows';

const KEY = `ms-${'0123456789abcdef'.repeat(2)}`;
const price = (credits: number): ModelPrice => ({ tier: 't', rawTier: 't', price: credits, learned_at: 1, source: 'ledger' });

// a: 0.5, no headers (free) · b: 1, headers (probed) · c: unknown (learned) · d: unknown, fresh (reused) · e: 2, no headers (free)
const MODELS = ['a', 'b', 'c', 'd', 'e'];
const PRICES: SitePrices = { models: { a: price(0.5), b: price(1), e: price(2) }, notes: {} };
const now = Date.now();
const RESULTS: Record<string, ProbeResult> = {
  a: probeResult('a', { ...NO_NUMBERS, error_kind: 'no_quota_headers', checked_at: new Date(now - 3_600_000).toISOString() }),
  b: probeResult('b', { checked_at: new Date(now - 3_600_000).toISOString() }),
  d: probeResult('d', { ...NO_NUMBERS, error_kind: 'no_quota_headers', checked_at: new Date(now - 5_000).toISOString() }),
};

async function renderCost(models = MODELS, offers: RowInputs['offers'] = {}) {
  const keyId = await keyFingerprint(KEY, 'cn');
  render(<CheckActions keyId={keyId} rows={rowsFor(models, RESULTS, { prices: PRICES, offers })} now={Date.now()} busy={false} onCheck={vi.fn()} />);
}

beforeEach(async () => {
  await sessionResultCache.put(await keyFingerprint(KEY, 'cn'), RESULTS.d!);
});

describe('CheckActions: what a Check costs, said before it is pressed', () => {
  it('counts calls only where a probe tells something, credits at the known prices, and what is free', async () => {
    await renderCost();
    expect(
      await screen.findByText('Check: 2 calls (≈ 1 credit, 1 price still to learn) · 2 models free from the balance · 1 fresh result reused'),
    ).toBeTruthy();
  });

  it('counts every model when the user asked to probe every model on every Check', async () => {
    await checkSettingsItem.set({ ...DEFAULT_CHECK_SETTINGS, probeEveryModel: true });
    await renderCost();
    expect(await screen.findByText('Check: 4 calls (≈ 3.5 credits, 1 price still to learn) · 1 fresh result reused')).toBeTruthy();
  });

  it('says a Check spends nothing when every price is known and no model sends quota headers', async () => {
    await renderCost(['a', 'e']);
    expect(await screen.findByText('Check: no calls · 2 models free from the balance')).toBeTruthy();
  });

  it('counts a price the provider list gives as known, and skips a model API-Inference does not serve', async () => {
    // c's price comes from the list (nothing to learn); f is served by others only.
    await renderCost([...MODELS, 'f'], { c: offerEntry({ price: 1, tier: 'standard' }, now), f: offerEntry({ others: ['DashScope'] }, now) });
    expect(await screen.findByText('Check: 1 call (≈ 1 credit) · 3 models free from the balance · 1 fresh result reused · 1 not served, skipped')).toBeTruthy();
  });

  it('says it in Chinese', async () => {
    await serveLocale('zh_CN');
    await renderCost();
    expect(await screen.findByText('检查：消耗 2 次调用（约 1 魔粒，1 个模型的价格待获取） · 2 个模型按余额估算，免费 · 复用 1 个新鲜结果')).toBeTruthy();
  });
});
