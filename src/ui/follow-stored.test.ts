import { describe, expect, it } from 'vitest';
import { followStored } from './follow-stored';

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
