import { act, renderHook, waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import { updateHistory } from '@src/account/history';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { useKeyHistory } from './use-key-history';
import { probeResult } from '@test/support/balance-item';

const KEY = `ms-${'1'.repeat(32)}`;
const item = probeResult('a/1', { request_remaining: 1990, model_request_remaining: 480 });

it('follows the stored history of the given key only, and is empty without a key', async () => {
  const now = Date.parse('2026-10-05T04:00:00.000Z');
  await updateHistory({ results: [{ keyId: 'someone-else', item }] }, now - 86_400_000);
  const keyId = await keyFingerprint(KEY, 'cn');
  const { result, rerender } = renderHook(({ id }) => useKeyHistory(id), { initialProps: { id: keyId as string | null } });
  await act(async () => {
    await updateHistory({ results: [{ keyId, item }] }, now - 86_400_000);
  });
  await waitFor(() => expect(result.current.models['a/1']?.map((point) => point.model_request_remaining)).toEqual([480]));
  rerender({ id: null });
  await waitFor(() => expect(result.current).toEqual({ models: {}, magicube: [] }));
});
