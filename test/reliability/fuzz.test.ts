// Property-based: generated messages of every shape, sent to the real background as our own pages and as another
// extension. Each gets an answer its reply schema accepts, only a valid balance request spends a call, and a valid
// credits request reads only the free Magicube endpoints, with the key the caller is entitled to, and the keyless
// provider list of the models asked about.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BalanceReplySchema, BalanceRequestSchema, CONTRACT, CreditsReplySchema, CreditsRequestSchema, type MessageType } from '@src/contract';
import { DEFAULT_FAVOURITES } from '@src/storage/default-models';
import { addKey } from '@src/storage/keyring';
import { preferencesItem } from '@src/storage/preferences';
import { DEMO_KEY, POOL_MODELS, REAL_MODELS, REVOKED_KEY } from '../fake-modelscope/behaviours';
import { PROVIDER_LIST_PATH } from '../fake-modelscope/providers';
import { startFakeModelScope, type FakeModelScope } from '../fake-modelscope/server';
import { startBackground } from '../support/background';
import { tally, writeFigures } from './figures';

/** The saved key, which only our own pages may use; another extension sends its own. */
const SAVED_KEY = DEMO_KEY;
const THEIR_KEY = `ms-${'5eed'.repeat(8)}`;
const SEED = 20261004;
const RUNS = 5000;
const RUNS_WITH_ACCESS_OFF = 500;

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', '__defineGetter__', 'type'];

// ---- Generated values --------------------------------------------------------------------------------------------

const anyValue = fc.anything({
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: 'binary',
});
const unicodeText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\n\t', '\uD800', 'a\uDFFFb', '𝔪𝔰-🔑', 'ZhipuAI/GLM-4.7\u200B', 'ملف/نموذج', '模型/千问'),
);
const hugeText = fc.integer({ min: 201, max: 200_000 }).map((length) => 'm'.repeat(length));

const modelId = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...REAL_MODELS.map((model) => model.id), ...POOL_MODELS.slice(0, 5), 'nobody/missing') },
  { weight: 2, arbitrary: fc.constantFrom(' ZhipuAI/GLM-4.7 ', 'zhipuai/glm-4.7', '   ', '', 'x'.repeat(201), ...HOSTILE_KEYS) },
  { weight: 2, arbitrary: unicodeText },
  { weight: 1, arbitrary: hugeText },
  { weight: 1, arbitrary: anyValue },
);
const modelList = fc.oneof(
  { weight: 8, arbitrary: fc.array(modelId, { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 49, max: 52 }).map((n) => Array.from({ length: n }, (_, i) => POOL_MODELS[i % 10]!)) },
  { weight: 1, arbitrary: fc.integer({ min: 51, max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => `owner/model-${i}`)) },
  { weight: 2, arbitrary: anyValue },
);
const apiKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(SAVED_KEY, THEIR_KEY, REVOKED_KEY, `  ${THEIR_KEY}\t`, `Bearer ${THEIR_KEY}`) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 64 }) },
  { weight: 2, arbitrary: unicodeText },
  { weight: 1, arbitrary: fc.integer({ min: 513, max: 100_000 }).map((length) => 'k'.repeat(length)) },
  { weight: 1, arbitrary: anyValue },
);
const messageType = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom<unknown>('balance', 'balance', 'balance', 'health', 'magicube', 'models', 'credits', 'credits') },
  { weight: 2, arbitrary: fc.constantFrom<unknown>('Balance', ' balance', 'balance\u0000', 'Credits', 'credits ', '__proto__', 'constructor', 'toString', '') },
  { weight: 1, arbitrary: unicodeText },
  { weight: 1, arbitrary: anyValue },
);
const extraFields = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 })), anyValue), { maxLength: 4 });

/** A message shaped like a request, with fields missing, wrong or extra; `__proto__` and friends as own keys. */
const requestLike = fc
  .record({ type: messageType, models: modelList, api_key: apiKey, force: fc.oneof(fc.boolean(), anyValue), extra: extraFields }, { requiredKeys: [] })
  .map(({ extra = [], ...fields }) => Object.fromEntries([...Object.entries(fields), ...extra]) as unknown);

/** The same, as another extension's JSON would arrive: `__proto__` parsed as an own key. */
const parsedJson = fc
  .record({
    type: fc.constantFrom('balance', 'health', 'magicube', 'models', 'credits', 'refill'),
    pollute: fc.constantFrom('__proto__', 'constructor'),
    models: fc.array(modelId, { maxLength: 3 }),
  })
  .map(({ type, pollute, models }) => {
    const json = JSON.stringify({ type, models: models.filter((m) => typeof m === 'string') }).slice(0, -1);
    return JSON.parse(`${json},"${pollute}":{"type":"health","polluted":true,"prototype":{"polluted":true}}}`) as unknown;
  });

const message = fc.oneof(
  { weight: 6, arbitrary: requestLike },
  { weight: 1, arbitrary: parsedJson },
  { weight: 2, arbitrary: anyValue },
  { weight: 1, arbitrary: fc.array(requestLike, { maxLength: 3 }) },
);

// ---- What each message must get ----------------------------------------------------------------------------------

function ownType(raw: unknown): MessageType | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Object.hasOwn(raw, 'type')) return null;
  const type: unknown = (raw as { type: unknown }).type;
  return typeof type === 'string' && Object.hasOwn(CONTRACT, type) ? (type as MessageType) : null;
}

/** The schema the reply must pass: the one of the type asked for, or balance's for anything that names none. */
function replySchemaFor(raw: unknown) {
  const type = ownType(raw);
  return type === null ? BalanceReplySchema : CONTRACT[type].reply;
}

/** A balance request the contract accepts, with what it should be checked with; null for anything else. */
function validBalance(raw: unknown, external: boolean) {
  if (ownType(raw) !== 'balance') return null;
  const parsed = BalanceRequestSchema.safeParse(raw);
  if (!parsed.success) return null;
  const key = parsed.data.api_key ?? (external ? null : SAVED_KEY);
  return { key, models: parsed.data.models ?? DEFAULT_FAVOURITES };
}

/**
 * A credits request the contract accepts: the key it must read with (null: none it may use), whether that is the saved
 * one, and the models whose offers it asks for (the active list when our pages name none with the saved key); null
 * for anything else.
 */
function validCredits(raw: unknown, external: boolean) {
  if (ownType(raw) !== 'credits') return null;
  const parsed = CreditsRequestSchema.safeParse(raw);
  if (!parsed.success) return null;
  const saved = parsed.data.api_key === undefined && !external;
  return { key: parsed.data.api_key ?? (saved ? SAVED_KEY : null), saved, models: parsed.data.models ?? (saved ? DEFAULT_FAVOURITES : null) };
}

const MAGICUBE_READS = 5;

type Sent = readonly { path: string; authorization: string | null }[];
const modelIdOf = (path: string) => new URL(path, 'http://fake').searchParams.get('ModelId') ?? '';
/** A model id as a query string carries it: a lone surrogate arrives as U+FFFD. */
const asSent = (model: string) => new URLSearchParams({ ModelId: model }).get('ModelId')!;

/**
 * The free picture: at most one read of each Magicube source (none when our pages' picture is fresh), and at most one
 * keyless read of the provider list per model asked about (ours: the active list when none is named); never a probe.
 * Another extension asking about models without a key gets their offers alone, and nothing of an account is read.
 */
function expectCreditsAnswer(reply: unknown, requests: Sent, ask: NonNullable<ReturnType<typeof validCredits>>, external: boolean) {
  const magicube = requests.filter((request) => request.path.startsWith('/openapi/v1/magicubes/'));
  const offers = requests.filter((request) => request.path.startsWith(PROVIDER_LIST_PATH));
  expect(magicube.length + offers.length).toBe(requests.length);
  if (ask.key === null && ask.models === null) {
    expect(reply).toMatchObject({ success: false, data: null, error: { code: 'invalid_request', field: 'api_key' } });
    expect(requests).toHaveLength(0);
    return;
  }
  figures.validCredits += 1;
  const asked = ask.models ?? [];
  const read = offers.map((request) => modelIdOf(request.path));
  const askedAsSent = asked.map(asSent);
  expect(offers.every((request) => request.authorization === null)).toBe(true);
  expect(new Set(read).size).toBe(read.length);
  expect(read.every((model) => askedAsSent.includes(model))).toBe(true);
  figures.offerReads += offers.length;
  const data = CreditsReplySchema.parse(reply).data;
  expect(data?.offers.map((offer) => offer.model)).toEqual(asked);
  if (ask.key === null) {
    expect(magicube).toHaveLength(0);
    expect(read).toEqual(askedAsSent);
    expect(data).toMatchObject({ balance: null, today: null, grants: null, models: [] });
    expect(Object.values(data!.sources).every((source) => source.status === 'not_read')).toBe(true);
    return;
  }
  // Only our pages with the saved key get the active list's prices (from the provider list); any other key gets none.
  if (ask.saved) expect(data?.models.every((model) => DEFAULT_FAVOURITES.includes(model.model) && model.source === 'providers')).toBe(true);
  else expect(data?.models).toEqual([]);
  expect(magicube.length === 0 || magicube.length === MAGICUBE_READS).toBe(true);
  if (external) expect(magicube).toHaveLength(MAGICUBE_READS);
  expect(new Set(magicube.map((request) => request.authorization))).toEqual(new Set(magicube.length ? [`Bearer ${ask.key}`] : []));
  figures.magicubeReads += magicube.length;
}

// ---- The runs ----------------------------------------------------------------------------------------------------

const figures = tally('messages', 'internal', 'external', 'validBalance', 'validCredits', 'magicubeReads', 'offerReads', 'probes', 'runs');

let fake: FakeModelScope;
let background: Awaited<ReturnType<typeof startBackground>>;
beforeAll(async () => {
  fake = await startFakeModelScope();
  background = await startBackground(fake);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  await addKey({ label: 'Saved', secret: SAVED_KEY, remember: true, site: 'cn' });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await fake.close();
  writeFigures('fuzz', figures);
});

/** Sends one message and checks its answer and what it cost. */
async function sendAndCheck(raw: unknown, external: boolean, accessOff = false) {
  const requestsBefore = fake.requests.length;
  const reply = await (external ? background.sendExternal : background.send)(raw);
  const requests = fake.requests.slice(requestsBefore);
  const probes = requests.filter((request) => request.path === '/v1/chat/completions');
  figures.messages += 1;
  figures[external ? 'external' : 'internal'] += 1;
  figures.probes += probes.length;

  const schema = replySchemaFor(raw);
  const accepted = schema.safeParse(reply);
  expect(accepted.success, `reply ${JSON.stringify(reply)?.slice(0, 300)}`).toBe(true);
  expect(JSON.stringify(reply)).not.toContain(SAVED_KEY.slice(3));

  if (accessOff && external) {
    expect(reply).toMatchObject({ success: false, error: { code: 'external_access_off' } });
    expect(requests).toHaveLength(0);
    return;
  }
  const credits = validCredits(raw, external);
  if (credits !== null) {
    expect(probes).toHaveLength(0);
    expectCreditsAnswer(reply, requests, credits, external);
    return;
  }
  const balance = validBalance(raw, external);
  if (balance === null) {
    // Not a valid balance request: no call is spent; only a valid Magicube or catalogue request may ask (for free).
    expect(probes).toHaveLength(0);
    const refused = ['invalid_request', 'external_access_off'].includes((reply as { error?: { code?: string } }).error?.code ?? '');
    expect(requests.length).toBeLessThanOrEqual(refused ? 0 : 1);
    return;
  }
  figures.validBalance += 1;
  if (balance.key === null) {
    // Another extension without its own key: refused, whatever is saved.
    expect(reply).toMatchObject({ success: false, data: [], error: { code: 'invalid_request', field: 'api_key' } });
    expect(requests).toHaveLength(0);
    return;
  }
  const data = BalanceReplySchema.parse(reply).data;
  expect(data.map((item) => item.model)).toEqual(balance.models);
  // Only the key the caller is entitled to, at most three tries per model.
  expect(new Set(probes.map((probe) => probe.authorization))).toEqual(new Set(probes.length ? [`Bearer ${balance.key}`] : []));
  expect(probes.length).toBeLessThanOrEqual(3 * balance.models.length);
  expect(probes.every((probe) => probe.model !== null && balance.models.includes(probe.model))).toBe(true);
}

describe('fuzzing the message contract', () => {
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  it(`answers ${RUNS} generated messages from our pages and the same from another extension`, async () => {
    await fc.assert(
      fc.asyncProperty(message, async (raw) => {
        figures.runs += 1;
        await sendAndCheck(raw, false);
        await sendAndCheck(raw, true);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(figures.validBalance).toBeGreaterThan(RUNS / 50);
    expect(figures.validCredits).toBeGreaterThan(RUNS / 50);
    expect(figures.magicubeReads).toBeGreaterThan(0);
    expect(figures.offerReads).toBeGreaterThan(0);
    expect(figures.probes).toBeGreaterThan(0);
  }, 240_000);

  it(`refuses ${RUNS_WITH_ACCESS_OFF} generated messages from another extension once external access is off`, async () => {
    await preferencesItem.set({ ...(await preferencesItem.get()), externalAccess: false });
    await fc.assert(
      fc.asyncProperty(message, async (raw) => {
        figures.runs += 1;
        await sendAndCheck(raw, true, true);
        await sendAndCheck(raw, false, true);
      }),
      { seed: SEED + 1, numRuns: RUNS_WITH_ACCESS_OFF, endOnFailure: true },
    );
    await preferencesItem.set({ ...(await preferencesItem.get()), externalAccess: true });
  }, 120_000);

  it('sent at least 10,000 messages and polluted no prototype', () => {
    expect(figures.messages).toBeGreaterThanOrEqual(10_000);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
