import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountsItem } from '@src/account/record';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { addKey } from '@src/storage/keyring';
import { pricesFor, saveLearningNote, savePrice } from '@src/storage/model-prices';
import { PricesSection } from './PricesSection';
import { accountRecord, neverAnswered } from '@test/support/account-record';
import { setActiveListModels } from '@test/support/active-list';
import { serveLocale } from '@test/support/i18n';
import { renderInOptions } from '@test/support/render-in-page';
import { offerEntry } from '@test/support/rows';
import { written } from '@test/support/written';

const KEY = `ms-${'a'.repeat(32)}`;
const GLM = 'ZhipuAI/GLM-4.7'; // DashScope only
const KIMI = 'moonshotai/Kimi-K2.5'; // standard, 1 credit, from the provider list
const FLASH = 'deepseek-ai/DeepSeek-V4-Flash'; // learned from the ledger, the list not read
const PRO = 'deepseek-ai/DeepSeek-V4-Pro'; // nothing known; the last try to learn it was spoiled
const MODELS = [GLM, KIMI, FLASH, PRO];
const LEARNED_AT = Date.parse('2026-11-30T04:00:00.000Z');

const row = (model: string) => screen.getByRole('rowheader', { name: model }).closest('tr')!;
const cellsOf = (model: string) => within(row(model)).getAllByRole('cell').map((cell) => cell.textContent);
let sent: unknown[];

async function storeRecord(change: Parameters<typeof accountRecord>[1] = {}) {
  const now = Date.now();
  const offers = { [GLM]: offerEntry({ others: ['DashScope'] }, now - 60_000), [KIMI]: offerEntry({ price: 1, tier: 'standard' }, now - 120_000) };
  await accountsItem.set({ [await keyFingerprint(KEY, 'cn')]: accountRecord(now, { offers, ...change }) });
}

beforeEach(async () => {
  sent = [];
  // The background's answer to our pages' refresh: what it reads lands in storage, as the record above.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    sent.push(message);
    return { ok: true, message: '' };
  });
  written(await addKey({ label: 'Main', secret: KEY, remember: true, site: 'cn' }));
  await setActiveListModels(MODELS);
  await storeRecord();
  written(await savePrice('cn', FLASH, { tier: 'lite', rawTier: '轻量', price: 0.5, learned_at: LEARNED_AT, source: 'ledger' }));
  written(await saveLearningNote('cn', PRO, { at: LEARNED_AT, outcome: 'poisoned' }));
});

describe('PricesSection', () => {
  it('lists each model of the lists with what the provider list says, its price and how it is known', async () => {
    renderInOptions(<PricesSection />);
    expect(await screen.findByRole('heading', { name: 'Model prices' })).toBeTruthy();
    expect(screen.getByText(/ModelScope’s provider list \(the “预计魔粒扣减” on a model’s page\), once a day/)).toBeTruthy();
    expect(cellsOf(KIMI).slice(0, 2)).toEqual(['standard · 1 credit', 'ModelScope’s price, from its provider list · read 2 min. ago']);
    expect(cellsOf(GLM).slice(0, 2)).toEqual([
      'Not callable with a ModelScope token',
      'API-Inference does not serve this model, so a ModelScope token cannot call it: DashScope serve it, each with its own keys. · read 1 min. ago',
    ]);
    expect(cellsOf(FLASH).slice(0, 2)).toEqual(['lite · 0.5 credits', 'learned from the Magicube ledger on Nov 30, 2026']);
    expect(cellsOf(PRO).slice(0, 2)).toEqual([
      '—',
      'Price not known yet: the next Check learns it (1 call) The last try learned nothing: another app spent with this token meanwhile; the next Check tries again.',
    ]);
    // ModelScope's own price is nothing to set or forget by hand, and nor is a model nobody lets us call.
    expect(within(row(KIMI)).queryByRole('combobox')).toBeNull();
    expect(within(row(GLM)).queryByRole('combobox')).toBeNull();
  });

  it('asks for the offers that are due when it opens, and reads them all again on request, for free', async () => {
    renderInOptions(<PricesSection />);
    await screen.findByRole('heading', { name: 'Model prices' });
    await vi.waitFor(() => expect(sent).toEqual([{ command: 'refresh', models: MODELS, offersNow: false }]));
    await userEvent.click(screen.getByRole('button', { name: 'Read the provider list again' }));
    expect(sent.at(-1)).toEqual({ command: 'refresh', models: MODELS, offersNow: true });
  });

  it('says why the provider list could not be asked for', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('The message port closed before a response was received.'));
    renderInOptions(<PricesSection />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The extension’s background stopped before it answered. Results that arrived are kept; press Check again for the rest.',
    );
  });

  it('sets a tier by hand where the list gives no price, from the tiers and prices ModelScope gives, and says it was saved', async () => {
    renderInOptions(<PricesSection />);
    const tier = await screen.findByLabelText(`Tier of ${PRO}`);
    expect(within(tier).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Set the tier…',
      'lite (0.5 credits a call)',
      'standard (1 credit a call)',
      'ultra (2 credits a call)',
    ]);
    await userEvent.selectOptions(tier, 'standard');
    expect((await screen.findByRole('status')).textContent).toBe(`${PRO}: standard, 1 credit a call, set by hand.`);
    expect((await pricesFor('cn')).models[PRO]).toMatchObject({ tier: 'standard', rawTier: '主流', price: 1, source: 'manual' });
    expect(cellsOf(PRO)[0]).toBe('standard · 1 credit');
    expect(cellsOf(PRO)[1]).toMatch(/^set by hand on /);
  });

  it('forgets a learned price, so the next Check learns it again', async () => {
    renderInOptions(<PricesSection />);
    await userEvent.click(await screen.findByRole('button', { name: `Forget the price of ${FLASH}` }));
    expect((await screen.findByRole('status')).textContent).toBe(`${FLASH}: price forgotten; the next Check learns it (1 call).`);
    expect((await pricesFor('cn')).models[FLASH]).toBeUndefined();
    expect(cellsOf(FLASH)[0]).toBe('—');
  });

  it('keeps the last good price when the latest read of the provider list failed, and says so', async () => {
    const failed = { ...offerEntry({ price: 1, tier: 'standard' }, Date.now() - 3 * 3_600_000), last: { at: Date.now(), outcome: 'unreachable' as const } };
    await storeRecord({ offers: { [KIMI]: failed } });
    renderInOptions(<PricesSection />);
    await screen.findByRole('heading', { name: 'Model prices' });
    expect(cellsOf(KIMI).slice(0, 2)).toEqual([
      'standard · 1 credit',
      'ModelScope’s price, from its provider list · read 3 hr. ago · ModelScope’s provider list could not be reached',
    ]);
  });

  it('says why no tier can be set when ModelScope never gave its tier prices', async () => {
    await storeRecord({ rates: neverAnswered('not_returned', Date.now()) });
    renderInOptions(<PricesSection />);
    expect(await screen.findByText('ModelScope did not return its tier prices, so a tier cannot be set by hand yet. Opening the popup reads them.')).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('asks for a key first, without one', async () => {
    await fakeBrowser.storage.local.clear();
    renderInOptions(<PricesSection />);
    expect(await screen.findByText('Save an API key first; the prices are kept with your account, and the tiers come from your Magicube account.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a refused write instead of pretending it landed', async () => {
    renderInOptions(<PricesSection />);
    const tier = await screen.findByLabelText(`Tier of ${PRO}`);
    // A tier priced beyond what a stored price may be: the write is refused by its schema, and the page says so.
    await storeRecord({
      rates: { value: [{ tier: 'standard', rawTier: '主流', price: 2000, minCharge: null }], read_at: Date.now(), last: { at: Date.now(), outcome: 'ok', dropped: 0 } },
    });
    await userEvent.selectOptions(tier, 'standard');
    expect((await screen.findByRole('status')).textContent).toMatch(/^Not saved: /);
    expect((await pricesFor('cn')).models[PRO]).toBeUndefined();
  });

  it('reads naturally in Chinese', async () => {
    await serveLocale('zh_CN');
    renderInOptions(<PricesSection />);
    expect(await screen.findByRole('heading', { name: '模型价格' })).toBeTruthy();
    expect(cellsOf(KIMI).slice(0, 2)).toEqual(['主流 · 1 魔粒', '魔搭公布的价格，来自提供方列表 · 2分钟前']);
    expect(cellsOf(FLASH).slice(0, 2)).toEqual(['轻量 · 0.5 魔粒', '2026年11月30日从魔粒消耗明细获取']);
    const tier = screen.getByLabelText(`${PRO} 的档位`);
    expect(within(tier).getAllByRole('option').map((option) => option.textContent)).toEqual(['设置档位…', '轻量（每次 0.5 魔粒）', '主流（每次 1 魔粒）', '旗舰（每次 2 魔粒）']);
    await userEvent.selectOptions(tier, 'ultra');
    expect((await screen.findByRole('status')).textContent).toBe(`${PRO}：旗舰，每次 2 魔粒，手动设置。`);
  });
});
