import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { startOfQuotaDays } from '@src/quota/reset-time';
import { accountsItem } from '@src/account/record';
import { addKey } from '@src/storage/keyring';
import { HistorySection } from './HistorySection';
import { accountRecord, neverAnswered } from '@test/support/account-record';
import { renderInPage } from '@test/support/render-in-page';
import { serveLocale } from '@test/support/i18n';
import { written } from '@test/support/written';

const KEY = `ms-${'a'.repeat(32)}`;
const NOW = Date.parse('2026-12-01T06:00:00.000Z'); // 14:00 in Beijing
const HOUR = 3_600_000;
const LEDGER = [
  { at: NOW - 2 * HOUR, tier: 'lightweight', rawTier: '轻量', credits: 6, calls: 12 },
  { at: NOW - 24 * HOUR, tier: 'flagship', rawTier: '旗舰', credits: 4, calls: 2 },
];

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  written(await addKey({ label: 'Main', secret: KEY, remember: true, site: 'cn' }));
});
afterEach(() => vi.useRealTimers());

const store = async (record: Parameters<typeof accountsItem.set>[0][string]) =>
  accountsItem.set({ [await keyFingerprint(KEY, 'cn')]: record });

describe('HistorySection, the ledger answered', () => {
  it('draws credits and calls per day from the ledger, days it did not cover as “no data”, never 0', async () => {
    // The read reached back three days: the eleven days before it are not covered.
    await store(accountRecord(NOW - 60_000, { ledgerRows: LEDGER, since: startOfQuotaDays(3, NOW) }));
    renderInPage(<HistorySection />);
    const chart = await screen.findByRole('img', { name: /^Credits spent per day over the last 14 days: / });
    const summary = chart.getAttribute('aria-label') ?? '';
    expect(summary).toContain('2026-11-18: no data');
    expect(summary).toContain('2026-11-28: no data');
    expect(summary).toContain('2026-11-29: 0 credits, 0 calls');
    expect(summary).toContain('2026-11-30: 4 credits, 2 calls');
    expect(summary).toContain('2026-12-01: 6 credits, 12 calls');
    expect(chart.querySelectorAll('rect.no-data')).toHaveLength(11);
    // A covered day of nothing spent is a hairline: a measured 0, unlike the dashed days without data.
    expect([...chart.querySelectorAll('rect:not(.no-data)')].map((bar) => Number(bar.getAttribute('height')))).toEqual([1, 64 * (4 / 6), 64]);
    expect(screen.getByText('Over the days covered: 10 credits · 14 calls')).toBeTruthy();
    expect(screen.getByText('from the Magicube ledger · 1 min. ago · all apps using this token')).toBeTruthy();
    expect(screen.getByText('Days the ledger read did not cover are marked “no data”, never 0.')).toBeTruthy();
    expect(screen.queryByText('Calls used per day')).toBeNull();
  });

  it('says the ledger shown is cached when its last refresh failed', async () => {
    const record = accountRecord(NOW - 10 * 60_000, { ledgerRows: LEDGER });
    await store({ ...record, ledger: { ...record.ledger, last: { at: NOW - 60_000, outcome: 'upstream_error', dropped: 0 } } });
    renderInPage(<HistorySection />);
    expect(await screen.findByText('cached from the Magicube ledger · 10 min. ago · the last refresh failed: the answer was an error · all apps using this token')).toBeTruthy();
  });

  it('reads naturally in Chinese', async () => {
    await serveLocale('zh_CN');
    await store(accountRecord(NOW - 60_000, { ledgerRows: LEDGER }));
    renderInPage(<HistorySection />);
    const chart = await screen.findByRole('img', { name: /^最近 14 天每日魔粒消耗：/ });
    expect(chart.getAttribute('aria-label')).toContain('2026-12-01：6 魔粒，12 次调用');
    expect(screen.getByText('来自魔粒消耗明细 · 1分钟前 · 含使用此令牌的所有应用')).toBeTruthy();
  });
});

describe('HistorySection without a ledger', () => {
  it('keeps the locally recorded chart, saying the ledger did not come back', async () => {
    await store(accountRecord(NOW, { ledger: neverAnswered('not_returned', NOW) }));
    renderInPage(<HistorySection />);
    expect(await screen.findByText('ModelScope did not return your ledger. This chart shows what this extension recorded from its own checks.')).toBeTruthy();
    expect(screen.getByText('No history yet.')).toBeTruthy();
    expect(screen.queryByRole('img', { name: /^Credits spent per day/ })).toBeNull();
  });

  it('says the ledger was not read yet when there is no account picture', async () => {
    renderInPage(<HistorySection />);
    expect(
      await screen.findByText(
        'The Magicube ledger has not been read yet (opening the popup reads it). This chart shows what this extension recorded from its own checks.',
      ),
    ).toBeTruthy();
  });
});
