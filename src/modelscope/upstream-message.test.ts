import { describe, expect, it } from 'vitest';
import { redactSecret, upstreamMessage } from './upstream-message';

const KEY = `ms-${'ab12'.repeat(8)}`;

describe('upstreamMessage', () => {
  it('reads the singular error shape (401)', () => {
    const body = '{"error":{"message":"Authentication failed, please make sure that a valid ModelScope token is supplied.","request_id":"r"}}';
    expect(upstreamMessage(body, KEY)).toBe('Authentication failed, please make sure that a valid ModelScope token is supplied.');
  });

  it('reads the plural errors shape (429)', () => {
    expect(upstreamMessage('{"errors":{"message":"Request limit exceeded.","request_id":"r"}}', KEY)).toBe('Request limit exceeded.');
  });

  it('reads a top-level message (Magicube)', () => {
    expect(upstreamMessage('{"success":false,"code":"InvalidToken","message":"Invalid token"}', KEY)).toBe('Invalid token');
  });

  it.each(['', '<html><head><title>502 Bad Gateway</title></head></html>', 'null', '42', '{"error":"flat string"}', '{"error":{"message":7}}'])(
    'gives null for an unreadable body %j',
    (body) => expect(upstreamMessage(body, KEY)).toBeNull(),
  );

  it('never repeats the key, even when the upstream echoes it', () => {
    const message = upstreamMessage(`{"error":{"message":"invalid token ${KEY} for model x"}}`, KEY);
    expect(message).toBe('invalid token ms-*** for model x');
  });

  it('bounds a huge message to one short line', () => {
    const message = upstreamMessage(JSON.stringify({ error: { message: `a\n${'x'.repeat(100_000)}` } }), KEY);
    expect(message?.length).toBeLessThanOrEqual(300);
    expect(message).not.toContain('\n');
  });
});

describe('redactSecret', () => {
  it('hides anything shaped like a ModelScope token, not only the key sent', () => {
    expect(redactSecret(`other ms-${'0f'.repeat(16)} and ${KEY}`, KEY)).toBe('other ms-*** and ms-***');
  });
});
