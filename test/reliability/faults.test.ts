// Every upstream behaviour of /work/shared/modelscope-upstream.md, plus network faults, alone and in batches of 1, 10
// and 50: the exact outcome of each model, the other models untouched, and the exact number of requests sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkModels, type CheckedResult } from '@src/engine/check-models';
import { DEFAULT_RETRY_POLICY, isRetryable } from '@src/engine/retry';
import { SingleFlight } from '@src/engine/single-flight';
import { BalanceReplySchema, CreditsReplySchema, type CreditsPicture, type ErrorKind } from '@src/contract';
import { ALARMS } from '@src/background/scheduler';
import { fetchModelCatalogue } from '@src/modelscope/catalogue';
import { fetchMagicubeBalance } from '@src/modelscope/magicube';
import type { ProbeOutcome } from '@src/modelscope/probe';
import { CHECK_SETTINGS_RANGES, checkSettingsItem, DEFAULT_CHECK_SETTINGS } from '@src/storage/check-settings';
import { addKey } from '@src/storage/keyring';
import { sessionResultCache } from '@src/account/results';
import {
  ACCOUNT_LIMIT,
  AUTH_FAILED_MESSAGE,
  CATALOGUE_IDS,
  DEMO_KEY,
  DEMO_MAGICUBE,
  FAKE_BAD_REQUEST,
  FAKE_BUSY,
  FAKE_BUSY_ONCE,
  FAKE_ECHO_KEY,
  FAKE_EXHAUSTED,
  FAKE_FLAKY,
  FAKE_FORBIDDEN,
  FAKE_GARBAGE_HEADERS,
  FAKE_HANGUP,
  FAKE_HTML_502,
  FAKE_HUGE_ERROR,
  FAKE_NO_HEADERS,
  FAKE_NOT_JSON,
  FAKE_PARTIAL_HEADERS,
  FAKE_RESET,
  FAKE_SLOW,
  LIMIT_EXCEEDED_MESSAGE,
  MAGICUBE_LIMITED_KEY,
  POOL_MODELS,
  REAL_MODELS,
  REVOKED_KEY,
  UNBOUND_KEY,
  UNBOUND_MESSAGE,
} from '../fake-modelscope/behaviours';
import { PROVIDER_LIST_PATH } from '../fake-modelscope/providers';
import { startFakeModelScope, type FakeModelScope } from '../fake-modelscope/server';
import { setActiveListModels } from '../support/active-list';
import { startBackground } from '../support/background';
import { storedRows, storedView } from '../support/stored-view';
import { tally, writeFigures } from './figures';
import { recordingFetch, refusingPort, UNREACHABLE_MODEL } from './upstream-recorder';

const GLM = 'ZhipuAI/GLM-5.2';
const QWEN = 'Qwen/Qwen3-Coder-30B-A3B-Instruct';
/** A plain model whose daily quota the fake is told is used up. */
const USED_UP = POOL_MODELS.at(-1)!;
const FILLERS = POOL_MODELS.slice(0, 49);
const TIMEOUT_MS = 400;

/**
 * How a result shows the account's calls. `spends`: the answer spent one and says what is left; `hidden`: spent one
 * but says nothing of the account; `reads`: says what is left without spending; `none`: no account numbers.
 */
type Account = 'spends' | 'hidden' | 'reads' | 'none' | { limit: number; remaining: number };

interface Row {
  fault: string;
  model: string;
  kind: ErrorKind | null;
  status: number | null;
  /** The model's [limit, remaining] as the result must show them, or null for none. */
  modelQuota: readonly [number, number] | null;
  account: Account;
  /** Requests the extension must send for it: 1, or 3 when a retryable fault persists. */
  tries: number;
  /** Whether those requests reach ModelScope (false: the host cannot be reached). */
  reaches: boolean;
}

const row = (
  fault: string,
  model: string,
  kind: ErrorKind | null,
  status: number | null,
  modelQuota: Row['modelQuota'],
  account: Account,
  tries: number,
  reaches = true,
): Row => ({ fault, model, kind, status, modelQuota, account, tries, reaches });

/** One row per behaviour a model can show; each model id appears once, so rows can share a batch. */
const ROWS: readonly Row[] = [
  row('an answer with the four quota headers', GLM, null, 200, [500, 499], 'spends', 1),
  row('a thinking model (needs enable_thinking: false)', QWEN, null, 200, [500, 499], 'spends', 1),
  row('a 2xx without quota headers (since 2026-08)', FAKE_NO_HEADERS, 'no_quota_headers', 200, null, 'none', 1),
  row('quota headers that are not numbers', FAKE_GARBAGE_HEADERS, 'bad_response', 200, null, 'none', 1),
  row("only the model's quota headers", FAKE_PARTIAL_HEADERS, null, 200, [300, 299], 'hidden', 1),
  row('a 2xx body that is not JSON', FAKE_NOT_JSON, null, 200, [300, 299], 'spends', 1),
  row('a connection reset in the middle of a response', FAKE_RESET, null, 200, [300, 299], 'spends', 1),
  row('429 with quota headers saying 0 left', FAKE_EXHAUSTED, 'quota_exhausted', 429, [100, 0], { limit: 2000, remaining: 1500 }, 1),
  row("a model whose day's quota is used up", USED_UP, 'quota_exhausted', 429, [500, 0], 'reads', 1),
  row('429 too many at once (no headers)', FAKE_BUSY, 'rate_limited', 429, null, 'none', 3),
  row('429 once, then an answer', FAKE_BUSY_ONCE, null, 200, [400, 399], 'spends', 2),
  row('400 with no body', FAKE_BAD_REQUEST, 'bad_request', 400, null, 'none', 1),
  row('400 whose message echoes the key', FAKE_ECHO_KEY, 'bad_request', 400, null, 'none', 1),
  row('403 account not bound to Alibaba Cloud', FAKE_FORBIDDEN, 'forbidden', 403, null, 'none', 1),
  row('404 wrong or retired model id', 'nobody/retired-model', 'not_found', 404, null, 'none', 1),
  row('502 HTML gateway page', FAKE_HTML_502, 'upstream', 502, null, 'none', 3),
  row('503 once, then an answer', FAKE_FLAKY, null, 200, [300, 299], 'spends', 2),
  row('500 with a 100,000-character message', FAKE_HUGE_ERROR, 'upstream', 500, null, 'none', 3),
  row('the connection drops before any answer', FAKE_HANGUP, 'network', null, null, 'none', 3),
  row('headers that arrive after the timeout', FAKE_SLOW, 'timeout', null, null, 'none', 3),
  row('a host that cannot be reached', UNREACHABLE_MODEL, 'network', null, null, 'none', 3, false),
];
const filler = (model: string) => row('a plain model', model, null, 200, [500, 499], 'spends', 1);

const figures = tally('faults', 'batches', 'modelOutcomes', 'requests');

let fake: FakeModelScope;
let deadPort: number;
beforeAll(async () => {
  fake = await startFakeModelScope({ slowMs: 5000 });
  deadPort = await refusingPort();
  figures.faults += ROWS.length;
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await fake.close();
  writeFigures('faults', figures);
});
beforeEach(() => {
  fake.reset();
  fake.setOptions({ latencyMs: 0, maxInFlight: undefined, transientFailureRate: 0 });
  fakeBrowser.reset();
});

/** Checks a batch the way the balance handler does, with the production retry policy minus its waits (recorded). */
async function runBatch(models: readonly string[], key = DEMO_KEY) {
  const recorder = recordingFetch(fake, deadPort);
  const waits: number[] = [];
  const items = await checkModels(models, key, `id-${key.slice(3, 11)}`, { cache: sessionResultCache, singleFlight: new SingleFlight<ProbeOutcome>() }, {
    site: 'cn',
    concurrency: DEFAULT_CHECK_SETTINGS.concurrency,
    timeoutMs: TIMEOUT_MS,
    cacheMaxAgeMs: 60_000,
    force: false,
    fetchFn: recorder.fetchFn,
    retryPolicy: { ...DEFAULT_RETRY_POLICY, sleep: async (ms) => void waits.push(ms) },
  });
  figures.batches += 1;
  figures.modelOutcomes += items.length;
  figures.requests += recorder.attempts.length;
  return { items, recorder, waits };
}

/** What a user would see of one model, and how many requests it cost. */
function observed(item: CheckedResult, recorder: ReturnType<typeof recordingFetch>) {
  const { error_kind, status, request_limit, request_remaining, model_request_limit, model_request_remaining } = item;
  const sent = recorder.sentFor(item.model).length;
  const received = fake.probes(item.model).length;
  return { error_kind, status, request_limit, request_remaining, model_request_limit, model_request_remaining, sent, received };
}

function expectedOf(r: Row) {
  const accountShown = r.account === 'spends' || r.account === 'reads';
  return {
    error_kind: r.kind,
    status: r.status,
    request_limit: typeof r.account === 'object' ? r.account.limit : accountShown ? ACCOUNT_LIMIT : null,
    request_remaining: typeof r.account === 'object' ? r.account.remaining : accountShown ? expect.any(Number) : null,
    model_request_limit: r.modelQuota?.[0] ?? null,
    model_request_remaining: r.modelQuota?.[1] ?? null,
    sent: r.tries,
    received: r.reaches ? r.tries : 0,
  };
}

/** Asserts every model of a batch exactly as it behaves alone, and the account numbers as the calls spent them. */
function expectBatch(rows: readonly Row[], run: Awaited<ReturnType<typeof runBatch>>) {
  const { items, recorder, waits } = run;
  expect(items.map((item) => item.model)).toEqual(rows.map((r) => r.model));
  expect(Object.fromEntries(items.map((item) => [item.model, observed(item, recorder)]))).toEqual(
    Object.fromEntries(rows.map((r) => [r.model, expectedOf(r)])),
  );
  // Each spent call lowers the account's count by one, so the spending answers show distinct counts just below the limit.
  const spent = rows.filter((r) => r.account === 'spends' || r.account === 'hidden').length;
  const shownBySpenders = items.filter((_, index) => rows[index]!.account === 'spends').map((item) => item.request_remaining!);
  expect(new Set(shownBySpenders).size).toBe(shownBySpenders.length);
  for (const remaining of shownBySpenders) expect(remaining).toBeGreaterThanOrEqual(ACCOUNT_LIMIT - spent);
  for (const remaining of shownBySpenders) expect(remaining).toBeLessThan(ACCOUNT_LIMIT);
  const shownByReaders = items.filter((_, index) => rows[index]!.account === 'reads').map((item) => item.request_remaining!);
  for (const remaining of shownByReaders) expect(remaining).toBeGreaterThanOrEqual(ACCOUNT_LIMIT - spent);
  // Retries wait about 0.3 s, then about 0.6 s: one wait per extra try, never more than two per model.
  expect(waits).toHaveLength(rows.reduce((sum, r) => sum + r.tries - 1, 0));
  for (const wait of waits) expect((wait >= 300 && wait < 450) || (wait >= 600 && wait < 750)).toBe(true);
  for (const item of items) {
    expect(item.error ?? '').not.toContain(DEMO_KEY);
    expect((item.error ?? '').length).toBeLessThan(400);
    expect(item.cached).toBe(false);
  }
}

const chunk = <T,>(list: readonly T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, index) => list.slice(index * size, (index + 1) * size));

describe('each upstream behaviour alone (a batch of 1)', () => {
  it.each(ROWS.map((r) => [r.fault, r] as const))('%s', async (_, r) => {
    fake.setModelRemaining(DEMO_KEY, USED_UP, 0);
    expectBatch([r], await runBatch([r.model]));
  });

  it('says why, in plain words, without the key and without a 100,000-character message', async () => {
    fake.setModelRemaining(DEMO_KEY, USED_UP, 0);
    const { items } = await runBatch(ROWS.map((r) => r.model));
    const error = (model: string) => items.find((item) => item.model === model)?.error;
    expect(error(FAKE_NO_HEADERS)).toBe('ModelScope reported no quota for this model');
    expect(error(FAKE_ECHO_KEY)).toContain('ms-***');
    expect(error(FAKE_HUGE_ERROR)).toBe('HTTP 500');
    expect(error(FAKE_SLOW)).toBe(`ModelScope did not answer within ${TIMEOUT_MS / 1000} s`);
    expect(error(UNREACHABLE_MODEL)).toBe('Could not reach ModelScope (network error)');
    expect(error(FAKE_EXHAUSTED)).toBe('HTTP 429: Request limit exceeded.');
  });
});

describe('batches mixing every behaviour', () => {
  it.each(chunk([...ROWS, ...FILLERS.map(filler)].slice(0, 30), 10).map((rows, index) => [index + 1, rows] as const))(
    'batch of 10, number %i: every model as it is alone',
    async (_, rows) => {
      fake.setModelRemaining(DEMO_KEY, USED_UP, 0);
      expectBatch(rows, await runBatch(rows.map((r) => r.model)));
    },
  );

  // Faults interleaved with plain models, so a slow or failing neighbour is everywhere in the batch.
  const mixedFifty = FILLERS.slice(0, 50 - ROWS.length).flatMap((model, index) => [ROWS[index], filler(model)].filter((r) => r !== undefined));

  it('batch of 50: every model as it is alone, and a second check spends only on what failed', async () => {
    expect(mixedFifty).toHaveLength(50);
    expect(new Set(mixedFifty.map((r) => r.model)).size).toBe(50);
    fake.setModelRemaining(DEMO_KEY, USED_UP, 0);
    expectBatch(mixedFifty, await runBatch(mixedFifty.map((r) => r.model)));

    // A fresh answer (numbers, no headers, used up) is at hand: it is reused. Errors are tried again, as often as before.
    const before = new Map(mixedFifty.map((r) => [r.model, fake.probes(r.model).length]));
    const again = await runBatch(mixedFifty.map((r) => r.model));
    const reused = (r: Row) => r.kind === null || r.kind === 'no_quota_headers' || r.kind === 'quota_exhausted';
    expect(Object.fromEntries(again.items.map((item) => [item.model, [item.cached, again.recorder.sentFor(item.model).length]]))).toEqual(
      Object.fromEntries(mixedFifty.map((r) => [r.model, reused(r) ? [true, 0] : [false, r.tries]])),
    );
    for (const r of mixedFifty.filter(reused)) expect(fake.probes(r.model)).toHaveLength(before.get(r.model)!);
  });
});

describe('faults of the whole key or account: every model says so, and nothing is retried', () => {
  const plainModels = [...REAL_MODELS.map((model) => model.id), ...FILLERS];
  const cases = [
    ['a refused key (401)', REVOKED_KEY, () => {}, { error_kind: 'auth', status: 401, model_request_remaining: null, request_remaining: null }, `HTTP 401: ${AUTH_FAILED_MESSAGE}`],
    [
      'an account not bound to Alibaba Cloud (403)',
      UNBOUND_KEY,
      () => {},
      { error_kind: 'forbidden', status: 403, model_request_remaining: null, request_remaining: null },
      `HTTP 403: ${UNBOUND_MESSAGE}`,
    ],
    [
      "the account's daily calls all used (429 with headers)",
      DEMO_KEY,
      () => fake.setAccountRemaining(DEMO_KEY, 0),
      { error_kind: 'quota_exhausted', status: 429, model_request_remaining: expect.any(Number), request_remaining: 0 },
      `HTTP 429: ${LIMIT_EXCEEDED_MESSAGE}`,
    ],
  ] as const;

  beforeAll(() => {
    figures.faults += cases.length;
  });

  it.each(cases.flatMap(([name, key, arrange, outcome, error]) => [1, 10, 50].map((size) => [name, size, key, arrange, outcome, error] as const)))(
    '%s, batch of %i',
    async (_, size, key, arrange, outcome, error) => {
      arrange();
      const models = plainModels.slice(0, size);
      const { items, recorder } = await runBatch(models, key);
      for (const item of items) {
        expect({ ...observed(item, recorder), model: item.model, error: item.error }).toMatchObject({ ...outcome, sent: 1, received: 1, model: item.model, error });
      }
      expect(recorder.attempts).toHaveLength(size);
    },
  );
});

describe('a storm of 429s', () => {
  beforeAll(() => {
    figures.faults += 3;
  });

  it.each([1, 10, 50])('every call refused as too many at once, batch of %i: rate_limited after exactly 3 tries each', async (size) => {
    fake.setOptions({ maxInFlight: 0 });
    const models = [...REAL_MODELS.map((model) => model.id), ...FILLERS].slice(0, size);
    const { items, recorder } = await runBatch(models);
    for (const item of items) {
      expect(observed(item, recorder)).toEqual(expectedOf(row('too many at once', item.model, 'rate_limited', 429, null, 'none', 3)));
    }
    expect(recorder.attempts).toHaveLength(3 * size);
  });

  /** With refusals that depend on timing, each model must show exactly what its last answer said, after at most 3 tries. */
  function expectEachAsItsLastAnswer(items: CheckedResult[], recorder: ReturnType<typeof recordingFetch>) {
    for (const item of items) {
      const statuses = recorder.sentFor(item.model).map((attempt) => attempt.status);
      const last = statuses.at(-1);
      expect(statuses.length).toBeGreaterThanOrEqual(1);
      expect(statuses.length).toBeLessThanOrEqual(3);
      expect(statuses.slice(0, -1).every((status) => status === 429 || (status ?? 0) >= 500)).toBe(true);
      expect(item.status).toBe(last);
      if (last === 200) expect([item.error_kind, item.model_request_remaining]).toEqual([null, 499]);
      else expect([item.error_kind, item.model_request_remaining, statuses.length]).toEqual([last === 429 ? 'rate_limited' : 'upstream', null, 3]);
      expect(fake.probes(item.model)).toHaveLength(statuses.length);
    }
  }

  it('ModelScope limiting concurrency to 3 while a batch of 50 asks for 10: backs off, and each model ends as its last answer', async () => {
    fake.setOptions({ maxInFlight: 3, latencyMs: 20 });
    const { items, recorder } = await runBatch(FILLERS.slice(0, 50).concat(GLM));
    expect(recorder.attempts.filter((attempt) => attempt.status === 429).length).toBeGreaterThan(0);
    expectEachAsItsLastAnswer(items, recorder);
    expect(fake.inFlightPeak).toBeLessThanOrEqual(3);
  });

  it('random 503 gateway pages on a third of the calls (seeded), batch of 50: each model ends as its last answer', async () => {
    fake.setOptions({ transientFailureRate: 0.35, seed: 20261004 });
    const { items, recorder } = await runBatch(FILLERS.slice(0, 50).concat(GLM));
    expect(recorder.attempts.filter((attempt) => attempt.status === 503).length).toBeGreaterThan(10);
    expectEachAsItsLastAnswer(items, recorder);
  });
});

describe('the free endpoints: Magicube balance and the catalogue, one request each and never a call', () => {
  const http = (unreachableHosts: string[] = []) => {
    const recorder = recordingFetch(fake, deadPort, unreachableHosts);
    return { recorder, options: { site: 'cn' as const, timeoutMs: TIMEOUT_MS, fetchFn: recorder.fetchFn } };
  };
  const magicubeCases = [
    ['a balance with decimals', DEMO_KEY, [], { ok: true, balance: DEMO_MAGICUBE }],
    ['a bound key on Magicube', UNBOUND_KEY, [], { ok: true, balance: DEMO_MAGICUBE }],
    ['a refused key', REVOKED_KEY, [], { ok: false, kind: 'auth', reason: 'refused', status: 401, error: 'HTTP 401: Invalid token (InvalidToken)' }],
    [
      'Magicube QuotaLimitExceed',
      MAGICUBE_LIMITED_KEY,
      [],
      { ok: false, kind: 'rate_limited', reason: 'upstream_error', status: 429, error: 'HTTP 429: quota limit exceeded (QuotaLimitExceed)' },
    ],
    [
      'modelscope.cn cannot be reached',
      DEMO_KEY,
      ['modelscope.cn'],
      { ok: false, kind: 'network', reason: 'unreachable', status: null, error: 'Could not reach ModelScope (network error)' },
    ],
  ] as const;

  beforeAll(() => {
    figures.faults += magicubeCases.length + 2;
  });

  it.each(magicubeCases)('Magicube: %s', async (_, key, unreachable, outcome) => {
    const { recorder, options } = http([...unreachable]);
    expect(await fetchMagicubeBalance(key, options)).toEqual(outcome);
    expect(recorder.attempts).toEqual([{ host: 'modelscope.cn', path: '/openapi/v1/magicubes/balance', model: null, status: outcome.ok ? 200 : outcome.status }]);
    expect(fake.probes()).toHaveLength(0);
    figures.requests += 1;
  });

  it.each([
    ['the list', [], { ok: true, ids: CATALOGUE_IDS }],
    ['api-inference.modelscope.cn cannot be reached', ['api-inference.modelscope.cn'], { ok: false, kind: 'network', status: null, error: 'Could not reach ModelScope (network error)' }],
  ] as const)('catalogue: %s', async (_, unreachable, outcome) => {
    const { recorder, options } = http([...unreachable]);
    expect(await fetchModelCatalogue(options)).toEqual(outcome);
    expect(recorder.attempts).toHaveLength(1);
    expect(fake.probes()).toHaveLength(0);
    figures.requests += 1;
  });
});

describe('through the real balance handler, with its own retry waits and a 1 s timeout', () => {
  it('a batch of 10 faults from our own page: each model as alone, exact requests, a summary that counts them', async () => {
    const background = await startBackground(fake);
    const recorder = recordingFetch(fake, deadPort);
    vi.stubGlobal('fetch', recorder.fetchFn);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await fakeBrowser.storage.local.set({ checkSettings: { ...DEFAULT_CHECK_SETTINGS, timeoutSeconds: CHECK_SETTINGS_RANGES.timeoutSeconds.min } });
    const picked = [GLM, FAKE_NO_HEADERS, FAKE_EXHAUSTED, FAKE_BUSY, FAKE_ECHO_KEY, FAKE_RESET, FAKE_HANGUP, FAKE_SLOW, UNREACHABLE_MODEL, 'nobody/retired-model'];
    const rows = picked.map((model) => ROWS.find((r) => r.model === model)!);

    const reply = BalanceReplySchema.parse(await background.send({ type: 'balance', models: picked, force: true }));

    expect(reply.message).toBe('Checked 10 models: 2 ok, 8 failed');
    expect(Object.fromEntries(reply.data.map((item) => [item.model, observed(item, recorder)]))).toEqual(
      Object.fromEntries(rows.map((r) => [r.model, expectedOf(r)])),
    );
    expect(reply.data.find((item) => item.model === FAKE_SLOW)?.error).toBe('ModelScope did not answer within 1 s');
    const probes = recorder.attempts.filter((attempt) => attempt.model !== null);
    expect(probes).toHaveLength(rows.reduce((sum, r) => sum + r.tries, 0));
    // Anything else it sent was free: the Magicube endpoints and the provider list, if anything (the contract's check
    // learns nothing; the offers it reads are the account's, as the popup's refresh would read them).
    const free = (path: string) => path.startsWith('/openapi/v1/magicubes/') || path.startsWith('/api/v1/inference/list_model_providers');
    expect(recorder.attempts.filter((attempt) => attempt.model === null).every((attempt) => free(attempt.path))).toBe(true);
    figures.batches += 1;
    figures.modelOutcomes += reply.data.length;
    figures.requests += recorder.attempts.length;
  }, 15_000);
});

/** The five free sources of the account picture, and how to tell each one's requests. */
const SOURCES = {
  balance: (url: URL) => url.pathname.endsWith('/magicubes/balance'),
  ledger: (url: URL) => url.searchParams.get('type') === 'SPEND_CONFIRM',
  grants: (url: URL) => url.searchParams.get('type') === 'EARN',
  prices: (url: URL) => url.pathname.endsWith('/magicubes/spend/rates'),
  rules: (url: URL) => url.pathname.endsWith('/magicubes/earn/rules'),
} as const;
type Source = keyof typeof SOURCES;
type SourceStatus = CreditsPicture['sources'][Source]['status'];

/** What a failing source answers instead: a response made from the fake's real one, or a network error. */
type Fault = (real: () => Promise<Response>) => Promise<Response> | 'network';

const json = (status: number, body: unknown) => async () => Response.json(body, { status });
const text = (status: number, body: string) => async () => new Response(body, { status, headers: { 'content-type': 'text/html' } });
/** The fake's real page with rows no parser can read put among its records (`keep`: how many real ones stay). */
const withGarbageRows = (keep: 'all' | 'none'): Fault => async (real) => {
  const body = (await (await real()).json()) as { data: { records: unknown[] } };
  const garbage = [{ gmt_created: 'yesterday', model_tier: '主流', total_amount: 1, count: 1, rule_key: 'daily_active' }, { gmt_created: '2026-13-45 99:00:00', model_tier: '主流', total_amount: 'lots', count: 1, rule_key: 'daily_active' }];
  const records = keep === 'all' ? [body.data.records[0], ...garbage, ...body.data.records.slice(1)].filter((record) => record !== undefined) : garbage;
  return Response.json({ ...body, data: { records } });
};

const FAULTS: ReadonlyArray<readonly [name: string, status: SourceStatus, fault: Fault, sources: readonly Source[]]> = [
  ['refused (401 InvalidToken)', 'refused', json(401, { success: false, code: 'InvalidToken', message: 'Invalid token' }), Object.keys(SOURCES) as Source[]],
  ['not returned (a 200 without data)', 'not_returned', json(200, { success: true, request_id: 'r' }), Object.keys(SOURCES) as Source[]],
  ['unreachable (a network error)', 'unreachable', () => 'network', Object.keys(SOURCES) as Source[]],
  ['unreadable (a 200 login page)', 'unreadable', text(200, '<html>login</html>'), Object.keys(SOURCES) as Source[]],
  ['a 5xx gateway page', 'upstream_error', text(502, '<html><title>502 Bad Gateway</title></html>'), Object.keys(SOURCES) as Source[]],
  ['429 QuotaLimitExceed', 'upstream_error', json(429, { success: false, code: 'QuotaLimitExceed', message: 'quota limit exceeded' }), Object.keys(SOURCES) as Source[]],
  ['garbage rows among good ones', 'ok', withGarbageRows('all'), ['ledger', 'grants']],
  ['nothing but garbage rows', 'unreadable', withGarbageRows('none'), ['ledger', 'grants']],
];
const CASES = FAULTS.flatMap(([name, status, fault, sources]) => sources.map((source) => [source, name, status, fault] as const));

/** What a page shows of each source: null where it gave nothing, never a 0 in its place. */
const partOf = (picture: CreditsPicture, source: Source) =>
  ({ balance: picture.balance, ledger: picture.today, grants: picture.grants, prices: picture.tier_prices, rules: 'no part of its own' })[source];

describe('the free account picture through the credits message: each Magicube endpoint failing alone', () => {
  let creditWorld: FakeModelScope;
  let requests: URL[];
  beforeAll(async () => {
    creditWorld = await startFakeModelScope({ world: 'credits' });
    figures.faults += FAULTS.length;
  });
  afterAll(async () => {
    await creditWorld.close();
  });

  /** A fresh extension with a key whose account spent 3 standard calls today, with `source` failing as `fault`. */
  async function arrange(source?: Source, fault?: Fault) {
    creditWorld.reset();
    const background = await startBackground(creditWorld);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    expect(creditWorld.spendElsewhere(DEMO_KEY, 'standard', 3)).toBe(3);
    const routed = globalThis.fetch;
    requests = [];
    const failing = { on: false };
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      requests.push(url);
      if (!failing.on || source === undefined || fault === undefined || !SOURCES[source](url)) return routed(input, init);
      const answer = fault(() => routed(input, init));
      if (answer === 'network') throw new TypeError('fetch failed');
      return answer;
    });
    const credits = async () => CreditsReplySchema.parse(await background.send({ type: 'credits' }));
    const refresh = () => fakeBrowser.alarms.onAlarm.trigger({ name: ALARMS.account, scheduledTime: Date.now(), persistAcrossSessions: false });
    return { credits, refresh, fail: () => void (failing.on = true) };
  }

  /** The failing source says how, every other one answered, and no part shows a 0 it did not read. */
  function expectSources(picture: CreditsPicture, failing: Source, status: SourceStatus) {
    expect(Object.fromEntries(Object.entries(picture.sources).map(([name, { status }]) => [name, status]))).toEqual(
      Object.fromEntries(Object.keys(SOURCES).map((name) => [name, name === failing ? status : 'ok'])),
    );
    for (const other of Object.keys(SOURCES) as Source[]) if (other !== failing) expect(partOf(picture, other), other).not.toBeNull();
    if (picture.today !== null) expect([picture.today.total_calls, picture.today.total_credits]).toEqual([3, 3]);
    expect(creditWorld.probes()).toHaveLength(0);
    // One request per source, the ledger and the grants one page each: nothing is retried, nothing probed. Besides
    // them, only the favourites' offers, when due.
    const magicube = requests.filter((url) => url.pathname.startsWith('/openapi/'));
    expect(magicube.map((url) => url.pathname.split('/').slice(4).join('/')).sort()).toEqual(['balance', 'earn/rules', 'spend/rates', 'transactions', 'transactions']);
    expect(requests.filter((url) => !magicube.includes(url)).every((url) => url.pathname === PROVIDER_LIST_PATH)).toBe(true);
    figures.requests += requests.length;
  }

  it.each(CASES)('%s: %s', async (source, _, status, fault) => {
    const { credits, fail } = await arrange(source, fault);
    fail();
    const reply = await credits();
    const picture = reply.data!;
    expectSources(picture, source, status);
    if (status === 'ok') {
      expect(picture.sources[source].dropped).toBe(2);
    } else {
      // Never read: nothing to show, and said as such.
      if (source !== 'rules') expect(partOf(picture, source)).toBeNull();
      expect(picture.sources[source].read_at).toBeNull();
      expect(reply.success).toBe(false);
    }
    if (source === 'ledger' && status !== 'ok') expect(reply.message).toMatch(/today’s spend is not known \(.+\)$/);
    expect(JSON.stringify(reply)).not.toContain(DEMO_KEY);
  });

  it.each(CASES.filter(([, , status]) => status !== 'ok'))('%s: %s, after a good read: the last good figures stay, with their time', async (source, _, status, fault) => {
    const { credits, refresh, fail } = await arrange(source, fault);
    const good = (await credits()).data!;
    expect(Object.values(good.sources).every((entry) => entry.status === 'ok')).toBe(true);
    fail();
    requests.length = 0;
    await refresh();
    const after = (await credits()).data!;
    expectSources(after, source, status);
    // A refused balance is kept as a refusal, as the badge and the refused-key alert need; any other keeps the figure.
    const keptBalance = source === 'balance' && status === 'refused' ? null : good.balance;
    expect(after.balance).toEqual(keptBalance);
    expect(after.today).toEqual(good.today);
    expect(after.grants).toEqual(good.grants);
    expect(after.tier_prices).toEqual(good.tier_prices);
    expect(after.sources[source].read_at).toBe(source === 'balance' && status === 'refused' ? null : good.sources[source].read_at);
  });
});

/** How one model's read of the provider list fails instead: a response (made from the fake's real one), or no answer. */
type OfferFault = (real: () => Promise<Response>) => Promise<Response> | 'network' | 'hang';

/** The fake's real answer, with ModelScope's own provider changed: a price or a tier no one can use. */
const withModelScope = (change: Record<string, unknown>): OfferFault => async (real) => {
  const body = (await (await real()).json()) as { Data: { Providers: Record<string, unknown>[] } };
  const providers = body.Data.Providers.map((provider) => (provider.Name === 'ModelScope' ? { ...provider, ...change } : provider));
  return Response.json({ ...body, Data: { ...body.Data, Providers: providers } });
};

const OFFER_FAULTS: ReadonlyArray<readonly [name: string, outcome: string, fault: OfferFault]> = [
  ['a 500 (an unknown id, or ModelScope down)', 'no_such_model', json(500, { Code: 500, Success: false, Message: 'Internal Server Error' })],
  ['a 404 (no provider list on the site)', 'not_offered', json(404, { error: { message: 'Not found' } })],
  ['a 502 HTML gateway page', 'upstream_error', text(502, '<html><title>502 Bad Gateway</title></html>')],
  ['a 200 login page', 'unreadable', text(200, '<html>login</html>')],
  ['a 200 whose JSON breaks off', 'unreadable', text(200, '{"Code":200,"Success":true,"Data":{"Providers":[')],
  ['JSON of another shape', 'unreadable', json(200, { Code: 200, Success: true, Data: { Providers: 'lots' } })],
  ['Success: false in a 200', 'upstream_error', json(200, { Code: 10010, Success: false, Message: 'system busy' })],
  ['a price of -1', 'unreadable', withModelScope({ EstimatedMagicGrainCost: -1 })],
  ['a price of "abc"', 'unreadable', withModelScope({ EstimatedMagicGrainCost: 'abc' })],
  ['a price of 1e9', 'unreadable', withModelScope({ EstimatedMagicGrainCost: 1e9 })],
  ['a tier of 42', 'unreadable', withModelScope({ CostTier: 42 })],
  ['an empty tier', 'unreadable', withModelScope({ CostTier: '' })],
  ['a network error', 'unreachable', () => 'network'],
  ['no answer within the timeout', 'unreachable', () => 'hang'],
];

describe('the provider list: one model’s read failing in each shape, alone and after a good read', () => {
  const FAILING = 'Qwen/Qwen3.5-397B-A17B'; // ultra, 2 credits
  const OTHERS = ['Qwen/Qwen3-Coder-30B-A3B-Instruct', 'MiniMax/MiniMax-M3']; // 1 and 0.5
  const GOOD_OFFER = { served: true, price: 2, tier: 'ultra', rawTier: 'ultra', others: [{ name: 'DashScope', chineseName: '阿里云百炼' }] };
  const T0 = Date.parse('2026-12-01T02:00:00.000Z'); // 10:00 in Beijing
  const LATER = T0 + 2 * 3_600_000;
  let creditWorld: FakeModelScope;
  beforeAll(async () => {
    creditWorld = await startFakeModelScope({ world: 'credits', now: () => Date.now() });
    figures.faults += OFFER_FAULTS.length;
  });
  afterAll(async () => {
    vi.useRealTimers();
    await creditWorld.close();
  });

  /** A fresh extension with a key and three favourites, the first one's provider list failing as `fault` once `fail()`. */
  async function arrange(fault: OfferFault) {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 });
    creditWorld.reset();
    const background = await startBackground(creditWorld);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels([FAILING, ...OTHERS]);
    // The shortest deadline there is, for the read that never answers.
    await checkSettingsItem.set({ ...DEFAULT_CHECK_SETTINGS, timeoutSeconds: CHECK_SETTINGS_RANGES.timeoutSeconds.min });
    const routed = globalThis.fetch;
    const failing = { on: false };
    const sent: URL[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      sent.push(url);
      if (!failing.on || url.pathname !== PROVIDER_LIST_PATH || url.searchParams.get('ModelId') !== FAILING) return routed(input, init);
      const answer = fault(() => routed(input, init));
      if (answer === 'network') throw new TypeError('fetch failed');
      if (answer === 'hang') return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      return answer;
    });
    const refresh = (offersNow = false) => background.send({ command: 'refresh', offersNow });
    const credits = async () => CreditsReplySchema.parse(await background.send({ type: 'credits' })).data!;
    /** The reads of the failing model's offer the extension sent, answered or not. */
    const readsOfFailing = () => sent.filter((url) => url.pathname === PROVIDER_LIST_PATH && url.searchParams.get('ModelId') === FAILING).length;
    return { refresh, credits, readsOfFailing, fail: () => void (failing.on = true) };
  }

  const rows = async () => storedRows(DEMO_KEY);

  /** The other favourites read and priced as usual, the account's free sources whole, nothing probed. */
  async function expectOthersUnaffected(readAt: number) {
    const all = await rows();
    expect(OTHERS.map((model) => [all[model]?.price?.price, all[model]?.price?.at, all[model]?.offer?.last.outcome])).toEqual([
      [1, readAt, 'ok'],
      [0.5, readAt, 'ok'],
    ]);
    const picture = await storedView(DEMO_KEY);
    expect(Object.values(picture.credits!.sources).map((source) => source.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(creditWorld.probes()).toHaveLength(0);
  }

  it.each(OFFER_FAULTS)('%s: no price is made up, the row says why, and the other models are read as usual', async (_, outcome, fault) => {
    const { refresh, credits, readsOfFailing, fail } = await arrange(fault);
    fail();
    await refresh();
    const row = (await rows())[FAILING]!;
    expect(row).toMatchObject({ price: null, derived: null, remaining: null, served: null, change: null });
    expect(row.callsLeft).toEqual({ kind: 'unpriced', note: null, learnable: true, listFailed: outcome });
    expect(row.offer).toEqual({ value: null, read_at: null, last: { at: T0, outcome }, changed: null });
    await expectOthersUnaffected(T0);
    // The badge shows the lowest it knows (Coder at 1 credit), and that one price is missing: nothing for the failing model.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('250');
    expect(await fakeBrowser.action.getTitle({})).toContain('The price of 1 model of the list is not known yet');
    expect((await credits()).offers.find((offer) => offer.model === FAILING)).toMatchObject({ served: null, price: null, read_at: null, status: outcome });
    // Read once: a failed read is tried again after ten minutes, not at once.
    await refresh();
    expect(readsOfFailing()).toBe(1);
    figures.requests += creditWorld.requests.length;
  }, 10_000);

  it.each(OFFER_FAULTS)('%s, after a good read: the last good offer stays, with its age, and nothing stored is lost', async (_, outcome, fault) => {
    const { refresh, credits, readsOfFailing, fail } = await arrange(fault);
    await refresh();
    const before = await fakeBrowser.storage.local.get(['keyring', 'favouriteLists', 'modelPrices', 'latestResults', 'checkSettings']);
    vi.setSystemTime(LATER);
    fail();
    await refresh(true);
    const row = (await rows())[FAILING]!;
    expect(row.offer).toEqual({ value: GOOD_OFFER, read_at: T0, last: { at: LATER, outcome }, changed: null });
    // Still ModelScope's price, said to be read two hours ago, and the calls it buys.
    expect(row.price).toMatchObject({ price: 2, source: 'providers', at: T0 });
    expect(row.remaining).toBe(125);
    expect(row.change).toBeNull();
    await expectOthersUnaffected(LATER);
    expect((await credits()).offers.find((offer) => offer.model === FAILING)).toMatchObject({ served: true, price: 2, read_at: new Date(T0).toISOString(), status: outcome });
    expect(await fakeBrowser.storage.local.get(['keyring', 'favouriteLists', 'modelPrices', 'latestResults', 'checkSettings'])).toEqual(before);
    expect(readsOfFailing()).toBe(2);
    figures.requests += creditWorld.requests.length;
  }, 10_000);
});

describe('the limits the matrix relies on', () => {
  it('retries only network, timeout, upstream and rate_limited, at most twice; a probe can never outlive MV3’s 30 s', () => {
    expect(DEFAULT_RETRY_POLICY.maxRetries).toBe(2);
    const retried = (['auth', 'forbidden', 'not_found', 'quota_exhausted', 'rate_limited', 'bad_request', 'upstream', 'network', 'timeout', 'bad_response', 'no_quota_headers'] as const).filter(isRetryable);
    expect(retried).toEqual(['rate_limited', 'upstream', 'network', 'timeout']);
    expect(CHECK_SETTINGS_RANGES.timeoutSeconds.max).toBeLessThan(30);
  });
});
