import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { BalanceItem } from '@src/contract';
import { ResultsTable } from './ResultsTable';
import { balanceItem } from '@test/support/balance-item';

const NOW = Date.parse('2026-11-27T09:33:00.000Z');
const base = balanceItem('ZhipuAI/GLM-4.7', {
  request_remaining: 1990,
  model_request_remaining: 12,
  latency_ms: 310,
  checked_at: '2026-11-27T09:30:00.000Z',
});
const none = new Set<string>();

function cells(model: string): string[] {
  const row = screen.getByRole('rowheader', { name: new RegExp(`^${model}`) }).closest('tr')!;
  return within(row).getAllByRole('cell').map((cell) => cell.textContent ?? '');
}

describe('ResultsTable', () => {
  it('has column headers and one row per model, in the order given', () => {
    render(<ResultsTable models={['b/two', 'ZhipuAI/GLM-4.7']} results={{ 'ZhipuAI/GLM-4.7': base }} checking={none} now={NOW} />);
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Model',
      'Model calls left',
      'Account calls left',
      'Checked',
    ]);
    expect(screen.getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['b/two', 'ZhipuAI/GLM-4.7']);
  });

  it('shows remaining of limit with a bar coloured by how close to zero, and when it was checked', () => {
    const { container } = render(
      <ResultsTable models={['ZhipuAI/GLM-4.7', 'b/two']} results={{ 'ZhipuAI/GLM-4.7': base }} checking={none} now={NOW} />,
    );
    expect(cells('ZhipuAI/GLM-4.7')).toEqual(['12 / 500', '1990 / 2000', '3 min. ago']);
    expect(container.querySelector('tr[data-model="ZhipuAI/GLM-4.7"] td .quota')?.className).toBe('quota level-critical');
    expect(cells('b/two')).toEqual(['—', '—', '—']);
  });

  it('never shows a missing number as 0, and says what to do', () => {
    const noQuota: BalanceItem = {
      ...base,
      request_limit: null,
      request_remaining: null,
      model_request_limit: null,
      model_request_remaining: null,
      error: 'ModelScope reported no quota for this model',
      error_kind: 'no_quota_headers',
    };
    render(<ResultsTable models={['ZhipuAI/GLM-4.7']} results={{ 'ZhipuAI/GLM-4.7': noQuota }} checking={none} now={NOW} />);
    expect(cells('ZhipuAI/GLM-4.7').slice(0, 2)).toEqual(['—', '—']);
    expect(screen.getByRole('rowheader').textContent).toContain('ModelScope no longer reports a quota for this model; see the Magicube balance.');
  });

  it.each([
    ['auth', 'Check the key'],
    ['forbidden', 'bind an Alibaba Cloud account and finish real-name verification'],
    ['not_found', 'retired or renamed'],
    ['quota_exhausted', 'resets at midnight China time (estimate)'],
    ['network', 'Try again'],
    ['timeout', 'Try again'],
  ] as const)('explains %s: “%s”, with the upstream detail', (kind, advice) => {
    const failed: BalanceItem = { ...base, error_kind: kind, error: 'HTTP 999: upstream words' };
    render(<ResultsTable models={['ZhipuAI/GLM-4.7']} results={{ 'ZhipuAI/GLM-4.7': failed }} checking={none} now={NOW} />);
    const text = screen.getByRole('rowheader').textContent ?? '';
    expect(text.toLowerCase()).toContain(advice.toLowerCase());
    expect(text).toContain('(HTTP 999: upstream words)');
  });

  it('links a retired model to the catalogue', async () => {
    const pick = vi.fn();
    const missing: BalanceItem = { ...base, error_kind: 'not_found', error: 'HTTP 404' };
    render(<ResultsTable models={['ZhipuAI/GLM-4.7']} results={{ 'ZhipuAI/GLM-4.7': missing }} checking={none} now={NOW} onPickFromCatalogue={pick} />);
    await userEvent.click(screen.getByRole('button', { name: 'Pick one from the catalogue' }));
    expect(pick).toHaveBeenCalledOnce();
  });

  it('shows each row’s own progress and lets one row be re-checked', async () => {
    const recheck = vi.fn();
    render(
      <ResultsTable models={['ZhipuAI/GLM-4.7', 'b/two']} results={{ 'ZhipuAI/GLM-4.7': base }} checking={new Set(['b/two'])} now={NOW} onRecheck={recheck} />,
    );
    expect(cells('b/two')[2]).toBe('checking…');
    expect(screen.getByRole('button', { name: 'Re-check b/two' })).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByRole('button', { name: 'Re-check ZhipuAI/GLM-4.7' }));
    expect(recheck).toHaveBeenCalledWith('ZhipuAI/GLM-4.7');
  });

  it('marks a reused result', () => {
    render(<ResultsTable models={['ZhipuAI/GLM-4.7']} results={{ 'ZhipuAI/GLM-4.7': { ...base, cached: true } }} checking={none} now={NOW} />);
    expect(cells('ZhipuAI/GLM-4.7')[2]).toBe('3 min. ago · reused');
  });
});
