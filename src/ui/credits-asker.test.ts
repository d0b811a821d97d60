import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHANGE_GAP_MS, creditsAsker } from './credits-asker';
import { creditsPicture, creditsReply } from '@test/support/credits-picture';

let answers: Array<() => void>;
let asked: number;

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  answers = [];
  asked = 0;
  // Each ask waits until the test answers it, so a test decides what is in flight.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => {
    asked += 1;
    return new Promise<unknown>((resolve) => answers.push(() => resolve(creditsReply(creditsPicture()))));
  }) as typeof fakeBrowser.runtime.sendMessage);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const answerNext = async () => {
  answers.shift()?.();
  await vi.advanceTimersByTimeAsync(0);
};

describe('creditsAsker', () => {
  it('asks one at a time, and once more after an ask that was under way when asked again', async () => {
    const replies = vi.fn();
    const asker = creditsAsker(replies);
    asker.now();
    asker.now();
    asker.now();
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toBe(1);
    await answerNext();
    expect(asked).toBe(2);
    await answerNext();
    expect(asked).toBe(2);
    expect(replies).toHaveBeenCalledTimes(2);
    expect(replies.mock.calls[0]?.[0]).toMatchObject({ ok: true, reply: { success: true } });
  });

  it('re-asks on stored changes at most once per gap after the last ask began, so it cannot loop', async () => {
    const asker = creditsAsker(vi.fn());
    asker.now();
    await answerNext();
    asker.soon();
    asker.soon();
    await vi.advanceTimersByTimeAsync(CHANGE_GAP_MS - 1);
    expect(asked).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked).toBe(2);
    await answerNext();
    asker.soon();
    await vi.advanceTimersByTimeAsync(CHANGE_GAP_MS);
    expect(asked).toBe(3);
  });

  it('stops: no reply is handed over and no re-ask is made after it', async () => {
    const replies = vi.fn();
    const asker = creditsAsker(replies);
    asker.now();
    asker.soon();
    asker.stop();
    await answerNext();
    await vi.advanceTimersByTimeAsync(CHANGE_GAP_MS * 2);
    expect(replies).not.toHaveBeenCalled();
    expect(asked).toBe(1);
  });
});
