import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { firstProblem, parseRequest, PROBLEMS, type MessageType, type ProblemCode } from '.';

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
    expect(parseRequest(inherited)).toEqual({ ok: false, type: null, field: 'type', code: 'noType', params: {} });
  });

  it('survives prototype-pollution keys without polluting anything', () => {
    const hostile = JSON.parse('{"type":"balance","models":["a/b"],"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown;
    expect(parseRequest(hostile)).toEqual({ ok: true, request: { type: 'balance', models: ['a/b'] } });
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('quotes a huge unknown type briefly', () => {
    const parsed = parseRequest({ type: 'x'.repeat(10_000) });
    expect(parsed).toMatchObject({ ok: false, type: null, field: 'type', code: 'unknownType' });
    if (!parsed.ok) expect(parsed.params.value).toBe(`"${'x'.repeat(36)}...`);
  });

  const cases: Array<[unknown, MessageType | null, string, ProblemCode, object]> = [
    [null, null, 'type', 'notAnObject', {}],
    [['balance'], null, 'type', 'notAnObject', {}],
    [{ models: ['a/b'] }, null, 'type', 'noType', {}],
    [{ type: 'refill' }, null, 'type', 'unknownType', { value: '"refill"' }],
    [{ type: 5 }, null, 'type', 'unknownType', { value: 'number' }],
    [{ type: 'balance', models: ['a/b', 7] }, 'balance', 'models', 'modelIdNotString', {}],
    [{ type: 'balance', models: [''] }, 'balance', 'models', 'modelIdBlank', {}],
    [{ type: 'balance', models: ['x'.repeat(201)] }, 'balance', 'models', 'modelIdTooLong', { max: 200 }],
    [{ type: 'balance', models: null }, 'balance', 'models', 'modelsNotList', {}],
    [{ type: 'balance', models: [] }, 'balance', 'models', 'modelsEmpty', {}],
    [{ type: 'balance', models: Array.from({ length: 51 }, (_, i) => `o/m${i}`) }, 'balance', 'models', 'modelsTooMany', { max: 50 }],
    [{ type: 'balance', api_key: 42 }, 'balance', 'api_key', 'apiKeyNotString', {}],
    [{ type: 'magicube', api_key: ' ' }, 'magicube', 'api_key', 'apiKeyBlank', {}],
    [{ type: 'balance', api_key: 'k'.repeat(513) }, 'balance', 'api_key', 'apiKeyTooLong', { max: 512 }],
    [{ type: 'balance', api_key: 'ms-a b' }, 'balance', 'api_key', 'apiKeyBadCharacters', {}],
    [{ type: 'balance', force: 'yes' }, 'balance', 'force', 'forceNotBoolean', {}],
    [{ type: 'credits', site: 'eu' }, 'credits', 'site', 'siteUnknown', {}],
  ];
  it.each(cases)('names the field and the problem by its code, with its parameters: %j', (message, type, field, code, params) => {
    expect(parseRequest(message)).toEqual({ ok: false, type, field, code, params });
  });

  it('reaches every code but the one for an issue no schema names', () => {
    const reached = new Set(cases.map(([, , , code]) => code));
    expect(Object.keys(PROBLEMS).filter((code) => !reached.has(code as ProblemCode))).toEqual(['invalidMessage']);
  });

  it('gives an issue without a code of ours as invalidMessage rather than zod’s English', () => {
    const error = z.object({ n: z.number() }).safeParse({ n: 'one' }).error!;
    expect(firstProblem(error)).toEqual({ field: 'n', code: 'invalidMessage', params: {} });
  });
});
