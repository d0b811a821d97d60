import { describe, expect, it } from 'vitest';
import { balanceItem, NO_NUMBERS } from '@test/support/balance-item';
import { carriedQuotaHeaders, checkCost, failedLastTime, planCheck } from './check-plan';

const headers = balanceItem('h/1');
const silent = balanceItem('s/1', { ...NO_NUMBERS, error_kind: 'no_quota_headers', error: 'no quota' });

describe('planCheck', () => {
  it('learns unknown prices, probes models that send headers, and spends nothing on the rest', () => {
    const plan = planCheck({
      models: ['new/1', 'h/1', 's/1', 'never/1'],
      pricedModels: new Set(['h/1', 's/1', 'never/1']),
      results: { 'h/1': headers, 's/1': silent },
      probeEveryModel: false,
    });
    expect(plan).toEqual({ learn: ['new/1'], probe: ['h/1'], free: ['s/1', 'never/1'], unserved: [] });
  });

  it('probes a row the user re-checks by hand, and every model when the setting says so', () => {
    const inputs = { models: ['s/1', 'p/2'], pricedModels: new Set(['s/1', 'p/2']), results: { 's/1': silent } };
    expect(planCheck({ ...inputs, forced: new Set(['s/1']), probeEveryModel: false })).toEqual({ learn: [], probe: ['s/1'], free: ['p/2'], unserved: [] });
    expect(planCheck({ ...inputs, probeEveryModel: true })).toEqual({ learn: [], probe: ['s/1', 'p/2'], free: [], unserved: [] });
  });

  it('probes a priced model again when its last probe failed: the row says nothing yet, and such probes are mostly not paid', () => {
    const refused = balanceItem('r/1', { ...NO_NUMBERS, error_kind: 'auth', error: 'refused', status: 401 });
    const unanswered = balanceItem('n/1', { ...NO_NUMBERS, error_kind: 'network', error: 'no answer', status: null });
    const plan = planCheck({
      models: ['r/1', 'n/1', 's/1'],
      pricedModels: new Set(['r/1', 'n/1', 's/1']),
      results: { 'r/1': refused, 'n/1': unanswered, 's/1': silent },
      probeEveryModel: false,
    });
    expect(plan).toEqual({ learn: [], probe: ['r/1', 'n/1'], free: ['s/1'], unserved: [] });
    expect([refused, unanswered, silent, headers, undefined].map(failedLastTime)).toEqual([true, true, false, false, false]);
  });

  it('still learns a model whose price is unknown when every model is probed', () => {
    expect(planCheck({ models: ['x/1'], pricedModels: new Set(), results: {}, probeEveryModel: true })).toEqual({ learn: ['x/1'], probe: [], free: [], unserved: [] });
  });

  it('spares a model the provider list says a ModelScope token cannot call, whatever is known of it, unless re-checked by hand, when it is probed as it is, with no price to learn', () => {
    const inputs = {
      models: ['gone/1', 'h/1', 'new/1'],
      pricedModels: new Set(['h/1']),
      unservedModels: new Set(['gone/1', 'h/1']),
      results: { 'h/1': headers },
    };
    expect(planCheck({ ...inputs, probeEveryModel: true })).toEqual({ learn: ['new/1'], probe: [], free: [], unserved: ['gone/1', 'h/1'] });
    expect(planCheck({ ...inputs, forced: new Set(['gone/1', 'h/1']), probeEveryModel: false })).toEqual({
      learn: ['new/1'],
      probe: ['gone/1', 'h/1'],
      free: [],
      unserved: [],
    });
  });

  it('knows a result with any quota header from one without', () => {
    expect(carriedQuotaHeaders(headers)).toBe(true);
    expect(carriedQuotaHeaders(silent)).toBe(false);
    expect(carriedQuotaHeaders(undefined)).toBe(false);
  });
});

describe('checkCost', () => {
  it('counts calls, adds known prices exactly, and counts the ones not priced yet', () => {
    const prices: Record<string, number> = { 'a/1': 0.5, 'b/1': 0.2, 'c/1': 2 };
    const cost = checkCost({ learn: ['x/1'], probe: ['a/1', 'b/1', 'c/1'], free: ['f/1'], unserved: ['u/1'] }, (model) => prices[model] ?? null);
    expect(cost).toEqual({ calls: 4, knownCredits: 2.7, unpriced: 1 });
  });
});
