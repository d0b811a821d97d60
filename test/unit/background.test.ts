import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  BalanceReplySchema,
  HealthReplySchema,
  MagicubeReplySchema,
  ModelsReplySchema,
  type BalanceReply,
} from '@src/contract';
import { written } from '../support/written';
import { checkSettingsItem } from '@src/storage/check-settings';
import { DEFAULT_FAVOURITES } from '@src/storage/default-models';
import { activeFavourites } from '@src/storage/favourite-lists';
import { activeApiKey, addKey, setActiveKey } from '@src/storage/keyring';
import { latestResultsItem } from '@src/account/results';
import { preferencesItem } from '@src/storage/preferences';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import {
  CATALOGUE_IDS,
  DEMO_KEY,
  DEMO_MAGICUBE,
  FAKE_ECHO_KEY,
  FAKE_NO_HEADERS,
  REAL_MODELS,
  REVOKED_KEY,
} from '../fake-modelscope/behaviours';
import { backgroundAgainstFake, command, startBackground } from '../support/background';
import { setActiveListModels } from '../support/active-list';

const [GLM, KIMI] = ['ZhipuAI/GLM-5.2', 'moonshotai/Kimi-K2.5'];
const OTHER_KEY = `ms-${'9'.repeat(32)}`;

const ctx = backgroundAgainstFake();

async function balance(message: object, external = false): Promise<BalanceReply> {
  const reply = await (external ? ctx.background.sendExternal : ctx.background.send)({ type: 'balance', ...message });
  return BalanceReplySchema.parse(reply);
}

/** Everything every storage area holds, as text, to look for what must not be there. */
async function allStorageText(): Promise<string> {
  const areas = await Promise.all([
    fakeBrowser.storage.local.get(null),
    fakeBrowser.storage.sync.get(null),
    fakeBrowser.storage.session.get(null),
  ]);
  return JSON.stringify(areas);
}

describe('health', () => {
  it('answers like the original GET /health, with the manifest version', async () => {
    const reply = await ctx.background.send({ type: 'health' });
    expect(HealthReplySchema.parse(reply)).toEqual({ status: 'healthy', service: 'ModelScope Balance Query', version: '0.1.0' });
  });

  it('answers other extensions too', async () => {
    expect(await ctx.background.sendExternal({ type: 'health' })).toMatchObject({ status: 'healthy' });
  });
});

describe('invalid requests get a clear answer and spend nothing', () => {
  const fiftyOne = Array.from({ length: 51 }, (_, index) => `owner/model-${index}`);
  it.each([
    ['null', null, 'type', 'must be an object'],
    ['a string', 'balance', 'type', 'must be an object'],
    ['a list', [{ type: 'balance' }], 'type', 'must be an object'],
    ['no type', { models: [GLM] }, 'type', 'has no "type"'],
    ['a numeric type', { type: 5 }, 'type', 'unknown message type'],
    ['an unknown type', { type: 'refill' }, 'type', 'unknown message type "refill"'],
    ['models as a string', { type: 'balance', models: GLM, api_key: DEMO_KEY }, 'models', 'models must be a list of strings'],
    ['a number among models', { type: 'balance', models: [GLM, 7], api_key: DEMO_KEY }, 'models', 'each model id must be a string'],
    ['an empty list', { type: 'balance', models: [], api_key: DEMO_KEY }, 'models', 'models is an empty list'],
    ['a blank id', { type: 'balance', models: [GLM, '   '], api_key: DEMO_KEY }, 'models', 'a model id is blank'],
    ['a 201-character id', { type: 'balance', models: ['x'.repeat(201)], api_key: DEMO_KEY }, 'models', 'a model id is longer than 200 characters'],
    ['51 models', { type: 'balance', models: fiftyOne, api_key: DEMO_KEY }, 'models', 'more than 50 models'],
    ['a 513-character key', { type: 'balance', models: [GLM], api_key: 'k'.repeat(513) }, 'api_key', 'api_key is longer than 512 characters'],
    ['a blank key', { type: 'balance', models: [GLM], api_key: '  ' }, 'api_key', 'api_key is blank'],
    ['a numeric key', { type: 'balance', models: [GLM], api_key: 42 }, 'api_key', 'api_key must be a string'],
    ['a key with a newline', { type: 'balance', models: [GLM], api_key: 'ms-a\nb' }, 'api_key', 'cannot be sent in an HTTP header'],
    ['force as a string', { type: 'balance', models: [GLM], api_key: DEMO_KEY, force: 'yes' }, 'force', 'force must be true or false'],
    ['a blank Magicube key', { type: 'magicube', api_key: '' }, 'api_key', 'api_key is blank'],
  ])('%s', async (_, message, field, problem) => {
    for (const send of [ctx.background.send, ctx.background.sendExternal]) {
      const reply = (await send(message)) as BalanceReply;
      expect(reply).toMatchObject({ success: false, error: { code: 'invalid_request', field } });
      expect(reply.message).toContain(problem);
      expect(reply.message).toMatch(/^Invalid request: /);
    }
    expect(ctx.fake.requests).toHaveLength(0);
  });

  it('tells our own pages to save a key when none is saved', async () => {
    const reply = await balance({ models: [GLM] });
    expect(reply).toMatchObject({ success: false, data: [], error: { code: 'invalid_request', field: 'api_key' } });
    expect(reply.message).toBe('No API key is saved. Paste your ModelScope access token first.');
    expect(ctx.fake.requests).toHaveLength(0);
  });

  it('replies with the shape of the type asked for', async () => {
    expect(MagicubeReplySchema.parse(await ctx.background.sendExternal({ type: 'magicube' }))).toMatchObject({ data: null });
  });

  it('quotes a huge unknown type briefly', async () => {
    const reply = (await ctx.background.send({ type: 'x'.repeat(10_000) })) as BalanceReply;
    expect(reply.message).toBe(`Invalid request: unknown message type "${'x'.repeat(36)}...; expected one of: health, balance, magicube, models, credits`);
  });
});

describe('balance from our own pages, as the original service answered it', () => {
  beforeEach(async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels([GLM, KIMI]);
  });

  it('checks the saved favourites with the saved key, and sums up the result', async () => {
    const reply = await balance({});
    expect(reply.success).toBe(true);
    expect(reply.message).toBe('Checked 2 models: 2 ok, 0 failed');
    expect(reply.data.map((item) => [item.model, item.model_request_remaining, item.request_remaining])).toEqual([
      [GLM, 499, 1999],
      [KIMI, 499, 1998],
    ]);
    expect(ctx.fake.probes().map((probe) => probe.authorization)).toEqual([`Bearer ${DEMO_KEY}`, `Bearer ${DEMO_KEY}`]);
  });

  it('trims and de-duplicates model ids, keeping their order and case', async () => {
    const reply = await balance({ models: [` ${KIMI} `, GLM, KIMI, 'zhipuai/glm-5.2'] });
    expect(reply.data.map((item) => item.model)).toEqual([KIMI, GLM, 'zhipuai/glm-5.2']);
    expect(ctx.fake.probes()).toHaveLength(3);
  });

  it('is not a success when any model fails, and says how many did', async () => {
    const reply = await balance({ models: [GLM, 'nobody/missing', FAKE_NO_HEADERS] });
    expect(reply.success).toBe(false);
    expect(reply.message).toBe('Checked 3 models: 1 ok, 2 failed');
    expect(reply.data[1]).toMatchObject({ error_kind: 'not_found', status: 404, model_request_remaining: null });
    expect(reply.data[2]).toMatchObject({ error_kind: 'no_quota_headers', error: 'ModelScope reported no quota for this model' });
  });

  it('keeps nothing itself: the popup’s Check keeps its results under the key fingerprint, never the key', async () => {
    await balance({});
    expect(await latestResultsItem.get()).toEqual({});
    // By hand (↻): both prices come from the provider list, so a plain Check would probe neither.
    await command({ command: 'check', force: true });
    const stored = await latestResultsItem.get();
    const keyId = await keyFingerprint(DEMO_KEY, 'cn');
    expect(Object.keys(stored)).toEqual([keyId]);
    expect(Object.keys(stored[keyId] ?? {}).sort()).toEqual([GLM, KIMI].sort());
    const text = await allStorageText();
    expect(text.split(DEMO_KEY)).toHaveLength(2); // once: the saved key itself, in storage.local
    expect(JSON.stringify(await fakeBrowser.storage.local.get('keyring'))).toContain(DEMO_KEY);
  });

  it('reuses a fresh result on the next check, and probes again with force', async () => {
    await balance({});
    const again = await balance({});
    expect(again.data.every((item) => item.cached)).toBe(true);
    expect(ctx.fake.probes()).toHaveLength(2);
    const forced = await balance({ force: true });
    expect(forced.data.every((item) => !item.cached)).toBe(true);
    expect(ctx.fake.probes()).toHaveLength(4);
  });

  it('uses a key sent with the request instead of the saved one', async () => {
    await balance({ api_key: OTHER_KEY, models: [GLM] });
    expect(ctx.fake.probes()[0]?.authorization).toBe(`Bearer ${OTHER_KEY}`);
  });

  it('keeps the key out of the reply even when ModelScope echoes it', async () => {
    const reply = await balance({ models: [FAKE_ECHO_KEY] });
    expect(reply.data[0]?.error_kind).toBe('bad_request');
    expect(JSON.stringify(reply)).not.toContain(DEMO_KEY);
  });

  it('says the key was refused', async () => {
    await setActiveKey((written(await addKey({ label: 'Old', secret: REVOKED_KEY, remember: true, site: 'cn' }))).id);
    const reply = await balance({});
    expect(reply.data.map((item) => item.error_kind)).toEqual(['auth', 'auth']);
  });

  it('uses the check settings, repairing a corrupt one to its default and keeping everything else', async () => {
    await fakeBrowser.storage.local.set({ checkSettings: { concurrency: 'lots' } });
    const reply = await balance({});
    expect(reply.success).toBe(true);
    expect(await checkSettingsItem.get()).toEqual(checkSettingsItem.fallback);
    expect(await activeApiKey()).toBe(DEMO_KEY);
    expect(await activeFavourites()).toEqual([GLM, KIMI]);
    expect((await fakeBrowser.storage.local.get('repairs')).repairs).toEqual([
      { key: 'local:checkSettings', at: expect.any(String) },
    ]);
  });

  it('answers with an internal error, not a hang, when storage fails; the error text carries no details', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error(`disk on fire ${DEMO_KEY}`));
    const reply = await balance({});
    expect(reply).toMatchObject({ success: false, data: [], error: { code: 'internal_error' } });
    expect(reply.message).toBe('The extension hit an unexpected error: Error');
    expect(ctx.fake.requests).toHaveLength(0);
  });
});

describe('balance from other extensions', () => {
  beforeEach(async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels([KIMI]);
  });

  it('checks with the caller’s own key', async () => {
    const reply = await balance({ api_key: OTHER_KEY, models: [GLM] }, true);
    expect(reply).toMatchObject({ success: true, data: [{ model: GLM, model_request_remaining: 499 }] });
    expect(ctx.fake.probes()[0]?.authorization).toBe(`Bearer ${OTHER_KEY}`);
  });

  it('never uses the saved key', async () => {
    const reply = await balance({ models: [GLM] }, true);
    expect(reply).toMatchObject({ success: false, error: { code: 'invalid_request', field: 'api_key' } });
    expect(reply.message).toContain('other extensions must send their own key');
    expect(ctx.fake.requests).toHaveLength(0);
  });

  it('never gets the saved favourites: without models it gets the built-in list', async () => {
    const reply = await balance({ api_key: OTHER_KEY }, true);
    expect(reply.data.map((item) => item.model)).toEqual(DEFAULT_FAVOURITES);
  });

  it('leaves nothing in the popup’s results', async () => {
    await balance({ api_key: OTHER_KEY, models: [GLM] }, true);
    expect(await latestResultsItem.get()).toEqual({});
    expect(await allStorageText()).not.toContain(OTHER_KEY);
  });

  it('gets nothing at all once external access is turned off', async () => {
    await preferencesItem.set({ ...preferencesItem.fallback, externalAccess: false });
    const message = "Access from other extensions is turned off in ModelScope Quota's options.";
    const error = { code: 'external_access_off' };
    // Each refusal has the shape of the type asked for: health's has no data, balance's (and an unknown type's) a list.
    for (const [request, data] of [[{ type: 'health' }, undefined], [{ type: 'balance', api_key: OTHER_KEY, models: [GLM] }, []], [{ type: 'models' }, []], [{ type: 'magicube' }, null], [{ type: 'bogus' }, []]] as const) {
      const reply = await ctx.background.sendExternal(request);
      expect(reply).toEqual(data === undefined ? { success: false, message, error } : { success: false, data, message, error });
    }
    expect(ctx.fake.requests).toHaveLength(0);
    expect(await ctx.background.send({ type: 'health' })).toMatchObject({ status: 'healthy' });
  });

  it('cannot read the Magicube balance of the saved key', async () => {
    const reply = MagicubeReplySchema.parse(await ctx.background.sendExternal({ type: 'magicube' }));
    expect(reply).toMatchObject({ success: false, data: null, error: { field: 'api_key' } });
    expect(ctx.fake.requests).toHaveLength(0);
  });
});

describe('magicube', () => {
  it('reads the balance with the saved key, naming the unit', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    const reply = MagicubeReplySchema.parse(await ctx.background.send({ type: 'magicube' }));
    expect(reply).toEqual({
      success: true,
      data: DEMO_MAGICUBE,
      message: 'Magicube balance: 140 available, 3.5 frozen, 143.5 in total (Magicube credits, not calls)',
    });
    expect(ctx.fake.requests[0]).toMatchObject({ path: '/openapi/v1/magicubes/balance', host: 'modelscope.cn' });
    expect(ctx.fake.probes()).toHaveLength(0);
  });

  it('says why it could not', async () => {
    const reply = MagicubeReplySchema.parse(await ctx.background.send({ type: 'magicube', api_key: REVOKED_KEY }));
    expect(reply).toMatchObject({ success: false, data: null, error: { code: 'auth', status: 401 } });
    expect(reply.message).toBe('Could not read the Magicube balance: HTTP 401: Invalid token (InvalidToken)');
  });
});

describe('models', () => {
  it('lists the free catalogue without a key and without spending a call', async () => {
    const reply = ModelsReplySchema.parse(await ctx.background.send({ type: 'models' }));
    expect(reply.success).toBe(true);
    expect(reply.data).toEqual([...CATALOGUE_IDS]);
    expect(reply.data).toEqual(expect.arrayContaining(REAL_MODELS.map((model) => model.id)));
    expect(ctx.fake.requests.map((request) => [request.method, request.path, request.authorization])).toEqual([
      ['GET', '/v1/models', null],
    ]);
  });
});

describe('in Chinese', () => {
  it('sums up a check in the UI language', async () => {
    ctx.background = await startBackground(ctx.fake, 'zh_CN');
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    const reply = await balance({ models: [GLM, 'nobody/missing'] });
    expect(reply.message).toBe('已检查 2 个模型：1 个正常，1 个失败');
    expect(((await ctx.background.send({ type: 'nope' })) as BalanceReply).message).toBe(
      '请求无效：未知的消息类型 "nope"；应为 health、balance、magicube、models 或 credits 之一',
    );
    expect(((await ctx.background.send({ type: 'balance', models: [] })) as BalanceReply).message).toBe('请求无效：models 是空列表');
    const fiftyOne = Array.from({ length: 51 }, (_, index) => `owner/model-${index}`);
    expect(((await ctx.background.send({ type: 'balance', models: fiftyOne })) as BalanceReply).message).toBe('请求无效：models 超过 50 个模型');
  });
});
