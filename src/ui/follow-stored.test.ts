import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetPrice, modelPricesItem, savePrice, type ModelPrice } from '@src/storage/model-prices';
import { followChanges, followStored } from './follow-stored';

function controlledStore() {
  let answerRead: (value: string) => void = () => {};
  let notify: (value: string) => void = () => {};
  return {
    read: () => new Promise<string>((resolve) => (answerRead = resolve)),
    watch: (callback: (value: string) => void) => {
      notify = callback;
      return () => (notify = () => {});
    },
    answerRead: (value: string) => answerRead(value),
    change: (value: string) => notify(value),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('followStored', () => {
  it('shows the first read, then every change', async () => {
    const store = controlledStore();
    const seen: string[] = [];
    followStored(store.read, store.watch, (value) => seen.push(value));
    store.answerRead('first');
    await settle();
    store.change('second');
    expect(seen).toEqual(['first', 'second']);
  });

  it('drops a first read that answers after a newer change was heard', async () => {
    const store = controlledStore();
    const seen: string[] = [];
    followStored(store.read, store.watch, (value) => seen.push(value));
    store.change('newer');
    store.answerRead('stale');
    await settle();
    expect(seen).toEqual(['newer']);
  });

  it('reports nothing once stopped', async () => {
    const store = controlledStore();
    const seen: string[] = [];
    const stop = followStored(store.read, store.watch, (value) => seen.push(value));
    stop();
    store.answerRead('late');
    store.change('later');
    await settle();
    expect(seen).toEqual([]);
  });
});

describe('followChanges', () => {
  const price: ModelPrice = { tier: 'lightweight', rawTier: '轻量', price: 0.5, learned_at: 1, source: 'manual' };

  it('calls back when the picked part of a stored item changes, not on the first read nor on other parts', async () => {
    fakeBrowser.reset();
    const onChange = vi.fn();
    const stop = followChanges(modelPricesItem, (all) => all.cn, onChange);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await modelPricesItem.set({ ai: { models: { 'a/b': price }, notes: {} } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(onChange).not.toHaveBeenCalled();
    await savePrice('cn', 'a/b', price);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledOnce());
    stop();
    await forgetPrice('cn', 'a/b');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(onChange).toHaveBeenCalledOnce();
  });
});
