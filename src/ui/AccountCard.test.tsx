import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AccountCard } from './AccountCard';
import { creditsView, VIEW_NOW, readSecondsAgo } from '@test/support/credits-view';
import { serveLocale } from '@test/support/i18n';

const zone = process.env.TZ;
beforeAll(() => {
  // Clock times are the reader's: read them in Beijing, where most users are.
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  process.env.TZ = zone;
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(VIEW_NOW);
});
afterEach(() => vi.useRealTimers());

const card = () => screen.getByRole('region', { name: 'Magicube credits' });
const text = () => card().textContent ?? '';
/** Opens the card's details, as a click on its source line does. */
const openDetails = () => userEvent.click(card().querySelector('summary')!);
const rowsOf = (table: HTMLElement) =>
  within(table).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent));

describe('AccountCard, the ledger answered', () => {
  it('leads with the available credits and what they buy at each tier price, then today’s spend and the next expiry', () => {
    render(<AccountCard site="cn" credits={creditsView()} problem={null} />);
    expect(screen.getByText('140 credits available')).toBeTruthy();
    expect(screen.getByText('≈ 280 / 140 / 70 calls at 0.5 / 1 / 2 credits a call')).toBeTruthy();
    expect(card().querySelector('.credits-today-line')?.textContent).toBe('Spent today: 10 credits (14 calls) · up to 200 credits expire at 09:14 AM tomorrow');
    expect(card().querySelector('summary')?.textContent).toBe('from your Magicube account · 20 sec. ago Details');
  });

  it('opens the details in one click: the balance’s source, today’s spend by tier, the grants and every expiry', async () => {
    const credits = creditsView({ runOutAt: Date.parse('2026-12-01T10:40:00.000Z') });
    render(<AccountCard site="cn" credits={credits} problem={null} />);
    await openDetails();
    expect(text()).toContain('3.5 credits held for calls in flight');
    expect(screen.getByText('from the Magicube balance · 20 sec. ago')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Spent today, by all apps using this token' })).toBeTruthy();
    expect(rowsOf(screen.getByRole('table'))).toEqual([
      ['ultra', '2 calls', '4 credits'],
      ['lite', '12 calls', '6 credits'],
      ['Total', '14 calls', '10 credits'],
    ]);
    expect(screen.getByText('from the Magicube ledger · 20 sec. ago')).toBeTruthy();
    expect(text()).toContain('Login grant: arrived today');
    expect(text()).toContain('Alibaba Cloud grant: arrived today');
    expect(screen.queryByRole('button', { name: 'Open modelscope.cn' })).toBeNull();
    expect(screen.getByText('At today’s rate the balance lasts until about 06:40 PM (estimate).')).toBeTruthy();
    expect(screen.getByText('from the Magicube grants · 20 sec. ago')).toBeTruthy();
  });

  it('says each expiry at its exact time, “up to” only where spending since may have used some, “estimate” only for the 24 h rule', async () => {
    const at = (iso: string) => Date.parse(iso);
    const expiries = [
      { at: at('2026-12-01T23:41:00.000Z'), credits: 200, exact: true, issuedAt: at('2026-11-30T23:41:00.000Z'), upTo: false },
      { at: at('2026-12-01T23:45:00.000Z'), credits: 50, exact: true, issuedAt: at('2026-11-30T23:45:00.000Z'), upTo: true },
      { at: at('2026-12-02T01:00:00.000Z'), credits: 30, exact: false, issuedAt: at('2026-12-01T01:00:00.000Z'), upTo: false },
    ];
    render(<AccountCard site="cn" credits={creditsView({ grants: { dailyActive: true, aliyun: true, expiries } })} problem={null} />);
    expect(card().querySelector('.credits-today-line')?.textContent).toBe(
      'Spent today: 10 credits (14 calls) · 200 credits expire at 07:41 AM tomorrow · up to 50 credits expire at 07:45 AM tomorrow · 1 more in the details',
    );
    await openDetails();
    expect(within(card().querySelector('ul.expiries')!).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '200 credits expire at 07:41 AM tomorrow',
      'up to 50 credits expire at 07:45 AM tomorrow',
      '30 credits expire at 09:00 AM tomorrow (estimate)',
    ]);
  });

  it('says what the earn rules still offer today on the website, with the way there', async () => {
    const earnable = {
      credits: 50,
      rules: [
        { ruleKey: 'interaction_like', title: '收藏/喜欢', credits: 2, timesLeft: 20 },
        { ruleKey: 'some_new_rule', title: '新规则', credits: 5, timesLeft: 2 },
      ],
    };
    render(<AccountCard site="cn" credits={creditsView({ earnable })} problem={null} />);
    await openDetails();
    expect(screen.getByRole('heading', { name: 'Still to earn today on modelscope.cn: up to 50 credits' })).toBeTruthy();
    expect(screen.getByText('liking or favouriting others’ work: 2 credits × 20, 新规则: 5 credits × 2')).toBeTruthy();
    expect(screen.getByText(/^from the Magicube earn rules · 20 sec\. ago/)).toBeTruthy();
  });

  it('says the balance lasts beyond today when the pace does not run it out', async () => {
    render(<AccountCard site="cn" credits={creditsView({ runOutAt: null })} problem={null} />);
    await openDetails();
    expect(screen.getByText('At today’s rate the balance lasts beyond today (estimate).')).toBeTruthy();
  });

  it('says nothing was spent today, without a pace', async () => {
    const credits = creditsView({ today: { day: '2026-12-01', tiers: [], totals: { calls: 0, credits: 0 } } });
    render(<AccountCard site="cn" credits={credits} problem={null} />);
    expect(card().querySelector('.credits-today-line')?.textContent).toMatch(/^Nothing spent today yet · /);
    await openDetails();
    expect(screen.getByText('Nothing spent today yet, by any app using this token.')).toBeTruthy();
    expect(text()).not.toContain('At today’s rate');
  });
});

describe('AccountCard, a source that did not answer', () => {
  it('says plainly that ModelScope did not return the ledger, and never shows 0 spent', async () => {
    const credits = creditsView({ today: null, sources: { ...creditsView().sources, ledger: { status: 'not_returned', readAt: null, dropped: 0 } } });
    render(<AccountCard site="cn" credits={credits} problem={null} />);
    expect(card().querySelector('.credits-today-line')?.textContent).toMatch(/^ModelScope did not return your ledger · /);
    await openDetails();
    expect(screen.queryByRole('table')).toBeNull();
    expect(text()).not.toMatch(/\b0 (credits|calls)\b/);
    expect(text()).not.toContain('At today’s rate');
  });

  it('says why a balance never came, instead of a number', () => {
    const credits = creditsView({ balance: null, sources: { ...creditsView().sources, balance: { status: 'refused', readAt: null, dropped: 0 } } });
    render(<AccountCard site="cn" credits={credits} problem={null} />);
    expect(screen.getByText('ModelScope did not return your balance: the key was refused')).toBeTruthy();
    expect(text()).not.toContain('available');
  });

  it('shows older figures as cached, with their age and why the last refresh failed', async () => {
    const sources = { ...creditsView().sources, ledger: { status: 'unreachable' as const, readAt: VIEW_NOW - 5 * 60_000, dropped: 0 } };
    render(<AccountCard site="cn" credits={creditsView({ sources })} problem={null} />);
    // The one-line source says each source apart once one failed.
    expect(card().querySelector('summary')?.textContent).toContain('cached from the Magicube ledger · 5 min. ago · the last refresh failed: no answer came');
    await openDetails();
    expect(rowsOf(screen.getByRole('table'))[2]).toEqual(['Total', '14 calls', '10 credits']);
  });

  it('says when the account could not be read at all', () => {
    render(<AccountCard site="cn" credits={null} problem="The extension’s background stopped before it answered." />);
    expect(text()).toBe('Your Magicube account could not be read: The extension’s background stopped before it answered.');
  });
});

describe('AccountCard, the login grant missing', () => {
  it('offers to open modelscope.cn in a new tab from the summary, saying that a visit while signed in grants it', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const credits = creditsView({ grants: { dailyActive: false, aliyun: true, expiries: [] } });
    render(<AccountCard site="cn" credits={credits} problem={null} />);
    expect(card().querySelector('.credits-today-line')?.textContent).toContain('Login grant: not yet today');
    await userEvent.click(screen.getAllByRole('button', { name: 'Open modelscope.cn' })[0]!);
    expect(create).toHaveBeenCalledWith({ url: 'https://modelscope.cn' });
    await openDetails();
    expect(screen.getByText('A visit to the website while signed in is what grants it.')).toBeTruthy();
    expect(screen.getByText('No granted credits expire in the days read.')).toBeTruthy();
  });
});

describe('AccountCard in Chinese', () => {
  beforeEach(() => serveLocale('zh_CN'));

  it('reads naturally: 魔粒, 调用 and the tier names, with numbers and times for a Chinese reader', async () => {
    const credits = creditsView({
      balance: { total_balance: 1237, available_balance: 1234.5, frozen_amount: 2.5 },
      runOutAt: Date.parse('2026-12-01T10:40:00.000Z'),
      grants: { dailyActive: false, aliyun: false, expiries: [{ at: Date.parse('2026-12-02T01:14:00.000Z'), credits: 200, exact: true, issuedAt: VIEW_NOW - 3_600_000, upTo: false }] },
    });
    render(<AccountCard site="cn" credits={credits} problem={null} />);
    const region = await screen.findByRole('region', { name: '魔粒' });
    expect(within(region).getByText('可用 1,234.5 魔粒')).toBeTruthy();
    expect(within(region).getByText('按每次 0.5 / 1 / 2 魔粒计，约可调用 2,469 / 1,234 / 617 次')).toBeTruthy();
    expect(region.querySelector('.credits-today-line')?.textContent).toBe('今日已消耗 10 魔粒（14 次调用） · 200 魔粒将于明天 09:14 过期 · 每日登录奖励：今天尚未到账 打开 modelscope.cn');
    await userEvent.click(region.querySelector('summary')!);
    expect(within(region).getByText('来自魔粒余额 · 20秒前')).toBeTruthy();
    expect(within(region).getByRole('heading', { name: '今日消耗（含使用此令牌的所有应用）' })).toBeTruthy();
    expect(rowsOf(within(region).getByRole('table'))).toEqual([
      ['旗舰', '2 次调用', '4 魔粒'],
      ['轻量', '12 次调用', '6 魔粒'],
      ['合计', '14 次调用', '10 魔粒'],
    ]);
    expect(within(region).getByText('按今天的消耗速度，余额大约可用到 18:40（估计）。')).toBeTruthy();
    expect(within(region).getByText('200 魔粒将于明天 09:14 过期')).toBeTruthy();
  });

  it('says a missing ledger in Chinese', async () => {
    const credits = creditsView({ today: null, sources: { ...creditsView().sources, ledger: { status: 'unreachable', readAt: null, dropped: 0 } } });
    render(<AccountCard site="cn" credits={credits} problem={null} />);
    const region = await screen.findByRole('region', { name: '魔粒' });
    expect(region.querySelector('.credits-today-line')?.textContent).toMatch(/^ModelScope 没有返回你的魔粒消耗明细：没有收到回答 · /);
  });
});

it('reads a picture a moment old as seconds old', () => {
  render(<AccountCard site="cn" credits={creditsView({ sources: { ...creditsView().sources, balance: readSecondsAgo(45) } })} problem={null} />);
  expect(card().querySelector('summary')?.textContent).toBe('from your Magicube account · 45 sec. ago Details');
});
