import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { accountsItem } from '@src/account/record';
import { addKey } from '@src/storage/keyring';
import { pricesFor, saveLearningNote, savePrice } from '@src/storage/model-prices';
import { PricesSection } from './PricesSection';
import { setActiveListModels } from '@test/support/active-list';
import { accountRecord, neverAnswered } from '@test/support/account-record';
import { renderInPage } from '@test/support/render-in-page';
import { serveLocale } from '@test/support/i18n';
import { written } from '@test/support/written';

const KEY = `ms-${'a'.repeat(32)}`;
const GLM = 'ZhipuAI/GLM-4.7';
const KIMI = 'moonshotai/Kimi-K2.5';
const PRO = 'deepseek-ai/DeepSeek-V4-Pro';
const LEARNED_AT = Date.parse('2026-11-30T04:00:00.000Z');

const row = (model: string) => screen.getByRole('rowheader', { name: model }).closest('tr')!;
const cellsOf = (model: string) => within(row(model)).getAllByRole('cell').map((cell) => cell.textContent);

beforeEach(async () => {
  written(await addKey({ label: 'Main', secret: KEY, remember: true, site: 'cn' }));
  await setActiveListModels([GLM, KIMI, PRO]);
  await accountsItem.set({ [await keyFingerprint(KEY, 'cn')]: accountRecord(Date.now()) });
  written(await savePrice('cn', GLM, { tier: 'lightweight', rawTier: '轻量', price: 0.5, learned_at: LEARNED_AT, source: 'ledger' }));
  written(await saveLearningNote('cn', PRO, { at: LEARNED_AT, outcome: 'poisoned' }));
});

describe('PricesSection', () => {
  it('lists each model of the lists with its tier, price and how it is known', async () => {
    renderInPage(<PricesSection />);
    expect(await screen.findByRole('heading', { name: 'Model prices' })).toBeTruthy();
    expect(screen.getByText(/shows its “预计魔粒扣减”/)).toBeTruthy();
    expect(cellsOf(GLM).slice(1, 3)).toEqual(['0.5 credits a call', 'learned from the ledger on Nov 30, 2026']);
    expect((screen.getByLabelText(`Tier of ${GLM}`) as HTMLSelectElement).value).toBe('lightweight');
    expect(cellsOf(KIMI).slice(1, 3)).toEqual(['—', 'not known yet']);
    expect(cellsOf(PRO)[2]).toBe(
      'not known yet · The last try learned nothing: another app spent with this token meanwhile; the next Check tries again.',
    );
    expect(within(row(KIMI)).queryByRole('button')).toBeNull();
  });

  it('sets a tier by hand, from the tiers and prices ModelScope gives, and says it was saved', async () => {
    renderInPage(<PricesSection />);
    const tier = await screen.findByLabelText(`Tier of ${KIMI}`);
    expect(within(tier).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Set the tier…',
      'lightweight (0.5 credits a call)',
      'mainstream (1 credit a call)',
      'flagship (2 credits a call)',
    ]);
    await userEvent.selectOptions(tier, 'mainstream');
    expect((await screen.findByRole('status')).textContent).toBe(`${KIMI}: mainstream, 1 credit a call, set by hand.`);
    expect((await pricesFor('cn')).models[KIMI]).toMatchObject({ tier: 'mainstream', rawTier: '主流', price: 1, source: 'manual' });
    expect(cellsOf(KIMI)[1]).toBe('1 credit a call');
    expect(cellsOf(KIMI)[2]).toMatch(/^set by hand on /);
  });

  it('forgets a price, so the next Check learns it again', async () => {
    renderInPage(<PricesSection />);
    await userEvent.click(await screen.findByRole('button', { name: `Forget the price of ${GLM}` }));
    expect((await screen.findByRole('status')).textContent).toBe(`${GLM}: price forgotten; the next Check learns it (1 call).`);
    expect((await pricesFor('cn')).models[GLM]).toBeUndefined();
    expect(cellsOf(GLM).slice(1, 3)).toEqual(['—', 'not known yet']);
  });

  it('says why no tier can be set when ModelScope never gave its tier prices', async () => {
    const keyId = await keyFingerprint(KEY, 'cn');
    await accountsItem.set({ [keyId]: accountRecord(Date.now(), { rates: neverAnswered('not_returned', Date.now()) }) });
    renderInPage(<PricesSection />);
    expect(await screen.findByText('ModelScope did not return its tier prices, so a tier cannot be set by hand yet. Opening the popup reads them.')).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(cellsOf(GLM)[0]).toBe('lightweight');
  });

  it('says the tier prices were not read yet when the key has no account picture', async () => {
    await accountsItem.set({});
    renderInPage(<PricesSection />);
    expect(await screen.findByText('ModelScope’s tier prices have not been read yet, so a tier cannot be set by hand yet. Opening the popup reads them.')).toBeTruthy();
  });

  it('shows a refused write instead of pretending it landed', async () => {
    renderInPage(<PricesSection />);
    const tier = await screen.findByLabelText(`Tier of ${KIMI}`);
    // A tier priced beyond what a stored price may be: the write is refused by its schema, and the page says so.
    await accountsItem.set({
      [await keyFingerprint(KEY, 'cn')]: accountRecord(Date.now(), {
        rates: { value: [{ tier: 'mainstream', rawTier: '主流', price: 2000, minCharge: null }], read_at: Date.now(), last: { at: Date.now(), outcome: 'ok', dropped: 0 } },
      }),
    });
    await userEvent.selectOptions(tier, 'mainstream');
    expect((await screen.findByRole('status')).textContent).toMatch(/^Not saved: /);
    expect((await pricesFor('cn')).models[KIMI]).toBeUndefined();
  });

  it('reads naturally in Chinese', async () => {
    await serveLocale('zh_CN');
    renderInPage(<PricesSection />);
    expect(await screen.findByRole('heading', { name: '模型价格' })).toBeTruthy();
    expect(cellsOf(GLM).slice(1, 3)).toEqual(['每次 0.5 魔粒', '2026年11月30日从消耗明细获取']);
    const tier = screen.getByLabelText(`${KIMI} 的档位`);
    expect(within(tier).getAllByRole('option').map((option) => option.textContent)).toEqual(['设置档位…', '轻量（每次 0.5 魔粒）', '主流（每次 1 魔粒）', '旗舰（每次 2 魔粒）']);
    await userEvent.selectOptions(tier, 'flagship');
    expect((await screen.findByRole('status')).textContent).toBe(`${KIMI}：旗舰，每次 2 魔粒，手动设置。`);
  });
});
