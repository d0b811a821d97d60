import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SourceOutcome } from '@src/account/record';
import type { ProbeResult } from '@src/modelscope/probe';
import type { ModelPrice } from '@src/storage/model-prices';
import { ResultsTable } from './ResultsTable';
import { probeResult, NO_NUMBERS } from '@test/support/balance-item';
import { serveLocale } from '@test/support/i18n';
import { offerEntry, rowsFor, type RowInputs } from '@test/support/rows';

const NOW = Date.parse('2026-11-27T09:33:00.000Z');
const base = probeResult('ZhipuAI/GLM-4.7', {
  request_remaining: 1990,
  model_request_remaining: 12,
  latency_ms: 310,
  checked_at: '2026-11-27T09:30:00.000Z',
});
const none = new Set<string>();
const GLM = 'ZhipuAI/GLM-4.7';

function cells(model: string): string[] {
  const row = screen.getByRole('rowheader', { name: new RegExp(`^${model}`) }).closest('tr')!;
  return within(row).getAllByRole('cell').map((cell) => cell.textContent ?? '');
}

describe('ResultsTable', () => {
  it('has column headers and one row per model, in the order given', () => {
    render(<ResultsTable rows={rowsFor(['b/two', 'ZhipuAI/GLM-4.7'], { 'ZhipuAI/GLM-4.7': base })} checking={none} now={NOW} />);
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Model', 'Calls left', 'Per call', 'Checked']);
    expect(screen.getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['b/two', 'ZhipuAI/GLM-4.7']);
  });

  it('shows remaining of limit with a bar coloured by how close to zero, and when it was checked', () => {
    const { container } = render(
      <ResultsTable rows={rowsFor(['ZhipuAI/GLM-4.7', 'b/two'], { 'ZhipuAI/GLM-4.7': base })} checking={none} now={NOW} />,
    );
    // The model's count over its bar; the account's, which every model shares, beneath it.
    expect(cells('ZhipuAI/GLM-4.7')).toEqual(['12 / 500account: 1990 / 2000', '—', '3 min. ago']);
    expect(container.querySelector('tr[data-model="ZhipuAI/GLM-4.7"] td .quota')?.className).toBe('quota level-critical');
    // Never checked and no price known: said in words, never a 0; why, on hover.
    expect(cells('b/two')).toEqual(['Price unknown', '—', '—']);
    expect(container.querySelector('tr[data-model="b/two"] .calls-left')?.getAttribute('title')).toBe('Price not known yet: the next Check learns it (1 call)');
  });

  it('never shows a missing number as 0, and says what to do', () => {
    const noQuota: ProbeResult = {
      ...base,
      request_limit: null,
      request_remaining: null,
      model_request_limit: null,
      model_request_remaining: null,
      error: 'ModelScope reported no quota for this model',
      error_kind: 'no_quota_headers',
    };
    render(<ResultsTable rows={rowsFor(['ZhipuAI/GLM-4.7'], { 'ZhipuAI/GLM-4.7': noQuota })} checking={none} now={NOW} />);
    expect(cells('ZhipuAI/GLM-4.7')).toEqual(['Price unknown', '—', '3 min. ago']);
    // "No quota reported" is the expected answer since 2026-08, not a failure: the row says what is known instead.
    expect(screen.getByRole('rowheader').textContent).toBe('ZhipuAI/GLM-4.7');
  });

  it.each([
    ['auth', 'Check the key'],
    ['forbidden', 'bind an Alibaba Cloud account and finish real-name verification'],
    ['not_found', 'retired or renamed'],
    ['quota_exhausted', 'resets at midnight China time (estimate)'],
    ['network', 'Try again'],
    ['timeout', 'Try again'],
  ] as const)('explains %s: “%s”, with the upstream detail', (kind, advice) => {
    const failed: ProbeResult = { ...base, error_kind: kind, error: 'HTTP 999: upstream words' };
    render(<ResultsTable rows={rowsFor(['ZhipuAI/GLM-4.7'], { 'ZhipuAI/GLM-4.7': failed })} checking={none} now={NOW} />);
    const text = screen.getByRole('rowheader').textContent ?? '';
    expect(text.toLowerCase()).toContain(advice.toLowerCase());
    expect(text).toContain('(HTTP 999: upstream words)');
  });

  it('links a retired model to the catalogue', async () => {
    const pick = vi.fn();
    const missing: ProbeResult = { ...base, error_kind: 'not_found', error: 'HTTP 404' };
    render(<ResultsTable rows={rowsFor(['ZhipuAI/GLM-4.7'], { 'ZhipuAI/GLM-4.7': missing })} checking={none} now={NOW} onPickFromCatalogue={pick} />);
    await userEvent.click(screen.getByRole('button', { name: 'Pick one from the catalogue' }));
    expect(pick).toHaveBeenCalledOnce();
  });

  it('shows each row’s own progress and lets one row be re-checked', async () => {
    const recheck = vi.fn();
    render(
      <ResultsTable rows={rowsFor(['ZhipuAI/GLM-4.7', 'b/two'], { 'ZhipuAI/GLM-4.7': base })} checking={new Set(['b/two'])} now={NOW} onRecheck={recheck} />,
    );
    expect(cells('b/two').at(-2)).toBe('checking…');
    expect(screen.getByRole('button', { name: 'Re-check b/two' })).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByRole('button', { name: 'Re-check ZhipuAI/GLM-4.7' }));
    expect(recheck).toHaveBeenCalledWith('ZhipuAI/GLM-4.7');
  });

  it('marks a reused result', () => {
    render(<ResultsTable rows={rowsFor(['ZhipuAI/GLM-4.7'], { 'ZhipuAI/GLM-4.7': { ...base, cached: true } })} checking={none} now={NOW} />);
    expect(cells('ZhipuAI/GLM-4.7')[2]).toBe('3 min. ago · reused');
  });
});

describe('ResultsTable in the credit world', () => {
  const noHeaders: ProbeResult = { ...base, ...NO_NUMBERS, error: 'ModelScope reported no quota for this model', error_kind: 'no_quota_headers' };
  const lite: ModelPrice = { tier: 'lite', rawTier: '轻量', price: 0.5, learned_at: NOW - 86_400_000, source: 'ledger' };
  const balance = (status: SourceOutcome = 'ok'): RowInputs['balance'] => ({ available: 140.7, source: { status, readAt: NOW - 20_000 } });
  const credits = (change: RowInputs = {}): RowInputs => ({ prices: { models: { [GLM]: lite }, notes: {} }, balance: balance(), ...change });
  const table = (inputs: RowInputs, results: Record<string, ProbeResult> = { [GLM]: noHeaders }, models = Object.keys(results)) =>
    render(<ResultsTable rows={rowsFor(models, results, inputs)} checking={none} now={NOW} />);
  const callsLeftTitle = (model: string) => document.querySelector(`tr[data-model="${model}"] .calls-left`)?.getAttribute('title');

  it('derives calls left from the balance at the model’s price, in one line, with its sources on hover', () => {
    table(credits());
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Model', 'Calls left', 'Per call', 'Checked']);
    expect(cells(GLM)).toEqual(['≈ 281 calls', 'lite · 0.5 credits', '3 min. ago']);
    expect(callsLeftTitle(GLM)).toBe(
      '≈ 281 calls left: the Magicube balance (140.7 credits, read 20 sec. ago) ÷ 0.5 credits a call (lite; learned from the Magicube ledger on Nov 26, 2026).',
    );
    // The figure says where it comes from: the "no quota reported" hint would only repeat it.
    expect(screen.getByRole('rowheader').textContent).toBe(GLM);
  });

  it('takes the price from ModelScope’s provider list, with its age, before one learned', () => {
    const offers = { [GLM]: offerEntry({ price: 2, tier: 'ultra' }, NOW - 120_000) };
    table(credits({ offers }), {}, [GLM]);
    expect(cells(GLM)).toEqual(['≈ 70 calls', 'ultra · 2 credits', '—']);
    expect(callsLeftTitle(GLM)).toContain('÷ 2 credits a call (ultra; ModelScope’s price, from its provider list · read 2 min. ago)');
  });

  it('says a model API-Inference does not serve is not served, and who serves it, without a price or a figure', () => {
    const offers = { [GLM]: offerEntry({ others: ['DashScope'] }, NOW - 60_000) };
    table(credits({ offers }), {}, [GLM]);
    expect(cells(GLM)).toEqual(['Not served', 'DashScope only', '—']);
    expect(callsLeftTitle(GLM)).toBe('API-Inference does not serve this model, so a ModelScope token cannot call it: DashScope serve it, each with its own keys.');
  });

  it('believes a probe that answered since the provider list said a model is not served', () => {
    const offers = { [GLM]: offerEntry({ others: ['DashScope'] }, Date.parse(base.checked_at) - 60_000) };
    table(credits({ offers }), { [GLM]: base });
    expect(cells(GLM)[0]).toBe('12 / 500account: 1990 / 2000');
  });

  it('says when the balance behind the figure is cached', () => {
    table(credits({ balance: balance('unreachable') }));
    expect(callsLeftTitle(GLM)).toContain('the cached Magicube balance (140.7 credits, read 20 sec. ago; the last refresh failed)');
  });

  it('keeps ModelScope’s own counts, with bars, where the last probe carried quota headers', () => {
    table(credits(), { [GLM]: base });
    expect(cells(GLM)).toEqual(['12 / 500account: 1990 / 2000', 'lite · 0.5 credits', '3 min. ago']);
  });

  it('says a known price without a balance gives no figure, never a 0', () => {
    table(credits({ balance: null }));
    expect(cells(GLM).slice(0, 2)).toEqual(['Balance not read', 'lite · 0.5 credits']);
    expect(callsLeftTitle(GLM)).toBe('Calls left unknown: the Magicube balance was not read');
  });

  it('does not promise a Check will learn a price when ModelScope withholds the ledger, and points to setting the tier by hand', () => {
    table(credits({ prices: { models: {}, notes: {} }, ledgerAnswers: false }));
    expect(cells(GLM)[0]).toBe('Price unknown');
    expect(callsLeftTitle(GLM)).toBe(
      'Price not known: ModelScope does not return your spend ledger, so a Check cannot learn it. Set its tier by hand in Settings (the model’s page shows its 预计魔粒扣减).',
    );
  });

  it('says why the provider list gave no price, that the next Check learns it, and why the last try learned nothing', () => {
    const failed = { ...offerEntry({ price: 1, tier: 'standard' }, NOW), value: null, read_at: null, last: { at: NOW, outcome: 'no_such_model' as const } };
    const poisoned = { models: {}, notes: { [GLM]: { at: NOW - 60_000, outcome: 'poisoned' as const } } };
    const { unmount } = table(credits({ prices: poisoned, offers: { [GLM]: failed } }));
    expect(callsLeftTitle(GLM)).toBe(
      'ModelScope’s provider list answered 500: no such model, or ModelScope is down. Price not known yet: the next Check learns it (1 call) The last try learned nothing: another app spent with this token meanwhile; the next Check tries again.',
    );
    unmount();
    table(credits({ prices: { models: {}, notes: { [GLM]: { at: NOW - 60_000, outcome: 'not_seen' } } } }));
    expect(callsLeftTitle(GLM)).toContain('The last try learned nothing: the ledger did not show the call in time; the next Check tries again.');
  });

  it('gives no figure for a model the key cannot call, whatever its price', () => {
    table(credits(), { [GLM]: { ...noHeaders, error_kind: 'not_found', error: 'HTTP 404' } });
    expect(cells(GLM).slice(0, 2)).toEqual(['—', 'lite · 0.5 credits']);
  });

  it('marks a change of price in its row, with the date', () => {
    const entry = { ...offerEntry({ price: 2, tier: 'ultra' }, NOW - 60_000), changed: { at: NOW - 60_000, before: offerEntry({ price: 1, tier: 'standard' }, 0).value! } };
    table(credits({ offers: { [GLM]: entry } }), {}, [GLM]);
    expect(cells(GLM)[1]).toBe('ultra · 2 credits ↑ Nov 27');
    expect(document.querySelector('.tag.change')?.getAttribute('title')).toBe('The price changed on Nov 27, 2026: 1 credit → 2 credits a call.');
  });

  it('opens a row’s details from its name, by keyboard too', async () => {
    render(<ResultsTable rows={rowsFor([GLM], { [GLM]: noHeaders }, credits())} checking={none} now={NOW} details={(row) => <p>details of {row.model}</p>} />);
    const name = screen.getByRole('button', { name: GLM });
    expect(name.getAttribute('aria-expanded')).toBe('false');
    name.focus();
    await userEvent.keyboard('{Enter}');
    expect(name.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(`details of ${GLM}`)).toBeTruthy();
  });

  it('reads naturally in Chinese', async () => {
    await serveLocale('zh_CN');
    table(credits());
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['模型', '剩余调用', '每次价格', '检查时间']);
    expect(cells(GLM).slice(0, 2)).toEqual(['约 281 次', '轻量 · 0.5 魔粒']);
    expect(callsLeftTitle(GLM)).toBe('约剩 281 次调用：魔粒余额（140.7 魔粒 · 20秒前）÷ 每次 0.5 魔粒（轻量；2026年11月26日从魔粒消耗明细获取）。');
    cleanup();
    table(credits({ offers: { [GLM]: offerEntry({ others: ['DashScope'] }, NOW) } }), {}, [GLM]);
    expect(cells(GLM).slice(0, 2)).toEqual(['不提供', '仅DashScope']);
  });
});

describe('ResultsTable: calls left this month', () => {
  const AMBASSADOR = 'Qwen-Ambassador/Qwen3-Coder-480B-A35B-Instruct';
  const monthly = probeResult(AMBASSADOR, { ...NO_NUMBERS, model_month_request_limit: 5500, model_month_request_remaining: 5123, checked_at: '2026-11-27T09:30:00.000Z' });

  it.each([
    ['en', 'calls left this month, from ModelScope’s monthly quota headers'],
    ['zh_CN', '本月剩余调用，来自 ModelScope 的每月额度响应头'],
  ] as const)('in %s, says a monthly count is this month’s, in one cell, never under a day’s column', async (locale, words) => {
    await serveLocale(locale);
    render(<ResultsTable rows={rowsFor([AMBASSADOR], { [AMBASSADOR]: monthly })} checking={none} now={NOW} />);
    const [callsLeft] = cells(AMBASSADOR);
    expect(callsLeft).toBe(`5123 / 5500${words}`);
    expect(screen.getAllByRole('columnheader')).toHaveLength(4);
  });

  it('shows the month’s count beneath the day’s when a model sends both', () => {
    const both = { ...base, model_month_request_limit: 5500, model_month_request_remaining: 5123 };
    render(<ResultsTable rows={rowsFor([GLM], { [GLM]: both })} checking={none} now={NOW} />);
    expect(cells(GLM)[0]).toBe('12 / 500account: 1990 / 20005123 / 5500calls left this month, from ModelScope’s monthly quota headers');
  });
});
