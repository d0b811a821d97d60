import { describe, expect, it } from 'vitest';
import { parseRequest } from '.';

describe('parseRequest', () => {
  it('accepts each message type and drops unknown fields', () => {
    expect(parseRequest({ type: 'health', extra: 1 })).toEqual({ ok: true, request: { type: 'health' } });
    expect(parseRequest({ type: 'models' })).toEqual({ ok: true, request: { type: 'models' } });
    expect(parseRequest({ type: 'magicube', api_key: ' ms-x ' })).toEqual({ ok: true, request: { type: 'magicube', api_key: 'ms-x' } });
  });

  it('trims and de-duplicates model ids, first occurrence first', () => {
    const parsed = parseRequest({ type: 'balance', models: [' b/2 ', 'a/1', 'b/2', 'B/2'] });
    expect(parsed).toEqual({ ok: true, request: { type: 'balance', models: ['b/2', 'a/1', 'B/2'] } });
  });

  it('accepts exactly 50 models, after de-duplication too', () => {
    const fifty = Array.from({ length: 50 }, (_, index) => `o/m${index}`);
    expect(parseRequest({ type: 'balance', models: fifty }).ok).toBe(true);
  });

  it('does not take a type from the prototype', () => {
    const inherited = Object.create({ type: 'health' }) as object;
    expect(parseRequest(inherited)).toMatchObject({ ok: false, problem: 'the message has no "type"' });
  });

  it('survives prototype-pollution keys without polluting anything', () => {
    const hostile = JSON.parse('{"type":"balance","models":["a/b"],"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown;
    expect(parseRequest(hostile)).toEqual({ ok: true, request: { type: 'balance', models: ['a/b'] } });
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('quotes a huge unknown type briefly', () => {
    const parsed = parseRequest({ type: 'x'.repeat(10_000) });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.length).toBeLessThan(120);
  });

  it.each([
    [{ type: 'balance', models: [''] }, 'models', 'a model id is blank'],
    [{ type: 'balance', models: ['x'.repeat(201)] }, 'models', 'a model id is longer than 200 characters'],
    [{ type: 'balance', api_key: 'k'.repeat(513) }, 'api_key', 'api_key is longer than 512 characters'],
    [{ type: 'balance', models: null }, 'models', 'models must be a list of strings'],
  ])('names the field and the problem: %j', (message, field, problem) => {
    expect(parseRequest(message)).toMatchObject({ ok: false, type: 'balance', field, problem, code: expect.any(String) });
  });
});
