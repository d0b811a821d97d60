// The key stays where the user put it: in one storage area, never in console output, error text, an export without
// keys, or a reply to another extension, and goes out only to ModelScope's hosts, as the Bearer token alone (the
// provider list, which needs none, gets none). Other extensions use their own key and can read or change nothing saved.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkSettingsItem } from '@src/storage/check-settings';
import { addKey, keyringItem, updateKey } from '@src/storage/keyring';
import { preferencesItem } from '@src/storage/preferences';
import { exportSettings } from '@src/storage/transfer';
import {
  DEMO_KEY,
  FAKE_ECHO_KEY,
  FAKE_HANGUP,
  FAKE_HUGE_ERROR,
  FAKE_NO_HEADERS,
  REVOKED_KEY,
} from '../fake-modelscope/behaviours';
import { PROVIDER_LIST_PATH } from '../fake-modelscope/providers';
import { startFakeModelScope, type FakeModelScope } from '../fake-modelscope/server';
import { startBackground } from '../support/background';
import { tally, writeFigures } from './figures';
import { AREAS, settled, snapshotAreas, type AreaSnapshot } from './stored-items';
import { recordingFetch, refusingPort, UNREACHABLE_MODEL } from './upstream-recorder';

const GLM = 'ZhipuAI/GLM-4.7';
const REMEMBERED = DEMO_KEY;
const SESSION_ONLY = `ms-${'5e55'.repeat(8)}`;
const THEIRS = `ms-${'7e1a'.repeat(8)}`;
/** What must never show: the secret part of each saved key (so a redacted `ms-***` or a `Bearer` prefix cannot hide it). */
const SECRETS = [REMEMBERED, SESSION_ONLY].map((key) => key.slice(3));
const MODELSCOPE_HOSTS = ['api-inference.modelscope.cn', 'modelscope.cn'];

const figures = tally('replies', 'consoleLines', 'storageAreas', 'externalMessages', 'hosts');

let fake: FakeModelScope;
let deadPort: number;
let background: Awaited<ReturnType<typeof startBackground>>;
let recorder: ReturnType<typeof recordingFetch>;
let consoleLines: string[];
beforeAll(async () => {
  fake = await startFakeModelScope();
  deadPort = await refusingPort();
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await fake.close();
  writeFigures('secrets', figures);
});
/** A fresh extension with both keys saved, its requests and console recorded. */
async function startWithKeys() {
  fake.reset();
  background = await startBackground(fake);
  recorder = recordingFetch(fake, deadPort);
  vi.stubGlobal('fetch', recorder.fetchFn);
  consoleLines = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(' ')));
  }
  await addKey({ label: 'Remembered', secret: REMEMBERED, remember: true, site: 'cn' });
  await addKey({ label: 'This session', secret: SESSION_ONLY, remember: false, site: 'cn' });
}

const replies: unknown[] = [];
async function send(message: unknown, external = false): Promise<unknown> {
  const reply = await (external ? background.sendExternal : background.send)(message);
  replies.push(reply);
  figures.replies += 1;
  if (external) figures.externalMessages += 1;
  return reply;
}

function expectNoSecretIn(text: string, where: string) {
  for (const secret of SECRETS) expect(text.includes(secret), `${where} holds a saved key`).toBe(false);
}

/** Where each saved key is, as "area:key" of the top-level stored values holding it. */
function placesOf(snapshot: AreaSnapshot, secret: string): string[] {
  return AREAS.flatMap((area) =>
    Object.entries(snapshot[area])
      .filter(([, value]) => JSON.stringify(value).includes(secret))
      .map(([name]) => `${area}:${name}`),
  );
}

/** A whole session of use from our own pages and another extension, failures of every kind included. */
async function useEverything() {
  await send({ command: 'check', models: [GLM, FAKE_NO_HEADERS, FAKE_ECHO_KEY, FAKE_HUGE_ERROR, FAKE_HANGUP, UNREACHABLE_MODEL], force: true });
  await send({ command: 'refresh' });
  await keyringItem.set({ ...(await keyringItem.get()), activeId: (await keyringItem.get()).keys[1]!.id });
  await send({ command: 'check', models: [GLM, FAKE_ECHO_KEY], force: true });
  await send({ command: 'catalogue', site: 'cn' });
  await send({ command: 'check', models: 'all of them' });
  await send({ command: 'no-such-command' });
  await send({ type: 'balance', models: [GLM, FAKE_NO_HEADERS, FAKE_ECHO_KEY, FAKE_HUGE_ERROR, FAKE_HANGUP, UNREACHABLE_MODEL], force: true });
  await send({ type: 'magicube' });
  await send({ type: 'magicube', api_key: REVOKED_KEY });
  await send({ type: 'credits' });
  await send({ type: 'credits', api_key: REVOKED_KEY });
  await send({ type: 'models' });
  await send({ type: 'balance', api_key: ` ${REVOKED_KEY} `, models: [GLM] });
  await send({ type: 'balance', models: [GLM], api_key: `${REMEMBERED} x` });
  for (const message of [
    { type: 'health' },
    { type: 'balance', models: [GLM] },
    { type: 'magicube' },
    { type: 'credits' },
    { type: 'credits', api_key: THEIRS },
    { type: 'balance', api_key: THEIRS, models: [GLM, FAKE_ECHO_KEY] },
  ]) {
    await send(message, true);
  }
  // A corrupt setting is repaired with a console notice; a storage failure carrying the key in its text is answered.
  await fakeBrowser.storage.local.set({ checkSettings: 'garbage' });
  await checkSettingsItem.get();
  await settled();
  vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error(`disk failed reading ${REMEMBERED} and ${SESSION_ONLY}`));
  await send({ type: 'balance' });
  vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error(`disk failed reading ${REMEMBERED} and ${SESSION_ONLY}`));
  await send({ command: 'check' });
  expect(await updateKey('no-such-key', { label: 'x' })).toEqual({ ok: false, problem: { code: 'declined', key: 'local:keyring', issue: 'keyGone' } });
}

describe('where a saved key may appear, after a whole session of use', () => {
  beforeAll(async () => {
    await startWithKeys();
    await useEverything();
    await settled();
  });

  it('a remembered key in storage.local’s keyring only, a session-only key in storage.session only', async () => {
    const stored = await snapshotAreas();
    expect(placesOf(stored, SECRETS[0]!)).toEqual(['local:keyring']);
    expect(placesOf(stored, SECRETS[1]!)).toEqual(['session:keySecrets']);
    expect(JSON.stringify(stored.local).split(SECRETS[0]!)).toHaveLength(2);
    figures.storageAreas = AREAS.length;
  });

  it('in no console output, though there was some', () => {
    expect(consoleLines.some((line) => line.includes('checkSettings'))).toBe(true);
    for (const line of consoleLines) expectNoSecretIn(line, `console: ${line.slice(0, 80)}`);
    figures.consoleLines += consoleLines.length;
  });

  it('in no reply and no error text, even when ModelScope or the storage echoes it', () => {
    expect(replies.some((reply) => JSON.stringify(reply).includes('ms-***'))).toBe(true);
    expect(replies.some((reply) => JSON.stringify(reply).includes('"internal_error"'))).toBe(true);
    for (const reply of replies) expectNoSecretIn(JSON.stringify(reply), `reply ${JSON.stringify(reply).slice(0, 80)}`);
  });

  it('in an exported file only when the user ticks “include keys”', async () => {
    expectNoSecretIn(await exportSettings({ includeKeys: false }), 'the export without keys');
    const withKeys = await exportSettings({ includeKeys: true });
    for (const secret of SECRETS) expect(withKeys).toContain(secret);
  });

  it('in requests only as the Bearer token, never in the OpenAPI-Token or X-Modelfun-Token headers, never to the provider list; only to ModelScope’s hosts', () => {
    const hosts = [...new Set(recorder.attempts.map((attempt) => attempt.host))];
    expect(hosts.every((host) => MODELSCOPE_HOSTS.includes(host))).toBe(true);
    for (const request of fake.requests) {
      expectNoSecretIn(request.body + request.path, `request ${request.path}`);
      for (const secret of SECRETS) if (request.authorization?.includes(secret)) expect(request.authorization).toBe(`Bearer ms-${secret}`);
      expect([request.openApiToken, request.modelfunToken], `extra token headers to ${request.path}`).toEqual([null, null]);
    }
    // The Magicube endpoints got the saved key as the Bearer token; the keyless provider list got no key at all.
    const magicube = fake.requests.filter((request) => request.path.startsWith('/openapi/v1/magicubes/'));
    expect(magicube.some((request) => SECRETS.some((secret) => request.authorization === `Bearer ms-${secret}`))).toBe(true);
    const offers = fake.requests.filter((request) => request.path.startsWith(PROVIDER_LIST_PATH));
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.every((request) => request.authorization === null)).toBe(true);
    figures.hosts = hosts.length;
  });
});

describe('other extensions', () => {
  beforeEach(startWithKeys);

  /** Everything saved that another extension might want to read or change. */
  const saved = async () => {
    const { local, sync } = await snapshotAreas();
    return { local, sync };
  };

  it('use their own key and nothing else: they cannot read or change settings, results, history or the saved key', async () => {
    await send({ type: 'balance', models: [GLM] });
    await settled();
    const before = await saved();
    const sessionBefore = (await snapshotAreas()).session;
    const probesBefore = fake.probes().length;
    const requestsBefore = fake.requests.length;
    const hostile = [
      { type: 'balance' },
      { type: 'balance', models: [GLM] },
      { type: 'magicube' },
      { type: 'balance', api_key: THEIRS },
      { type: 'balance', api_key: THEIRS, models: [GLM, FAKE_ECHO_KEY], force: true },
      { type: 'magicube', api_key: THEIRS },
      { type: 'credits' },
      { type: 'credits', api_key: THEIRS },
      { type: 'models' },
      { type: 'balance', api_key: THEIRS, models: [GLM], keyring: { keys: [], activeId: null }, preferences: { externalAccess: true } },
      JSON.parse(`{"type":"balance","api_key":"${THEIRS}","__proto__":{"api_key":"${REMEMBERED}"},"constructor":{"prototype":{"externalAccess":false}}}`),
      { type: 'settings' },
      { type: 'export', includeKeys: true },
      { type: 'history' },
      { type: 'keyring' },
    ];
    const answers = [];
    for (const message of hostile) answers.push(await send(message, true));

    expect(await saved()).toEqual(before);
    // Their checks may leave fresh results for their own key in the session cache, and nothing else.
    const session = (await snapshotAreas()).session;
    const added = Object.keys(session).filter((key) => !(key in sessionBefore));
    expect(added.every((key) => key.startsWith('result:'))).toBe(true);
    expect(Object.fromEntries(Object.keys(sessionBefore).map((key) => [key, session[key]]))).toEqual(sessionBefore);
    for (const answer of answers) expectNoSecretIn(JSON.stringify(answer), 'a reply to another extension');
    // Only their key ever went out for them.
    const theirProbes = fake.probes().slice(probesBefore);
    expect(theirProbes.length).toBeGreaterThan(0);
    expect(new Set(theirProbes.map((probe) => probe.authorization))).toEqual(new Set([`Bearer ${THEIRS}`]));
    expect(answers.slice(0, 3)).toMatchObject([{ error: { field: 'api_key' } }, { error: { field: 'api_key' } }, { error: { field: 'api_key' } }]);
    expect(answers[6]).toMatchObject({ success: false, data: null, error: { code: 'invalid_request', field: 'api_key' } });
    // Their picture is of their own key, and names no model of ours.
    expect(answers[7]).toMatchObject({ data: { models: [] } });
    // Only what came after our own request is theirs.
    const theirReads = fake.requests.slice(requestsBefore).filter((request) => request.path.startsWith('/openapi/v1/magicubes/'));
    expect(theirReads.length).toBeGreaterThan(0);
    expect(new Set(theirReads.map((request) => request.authorization))).toEqual(new Set([`Bearer ${THEIRS}`]));
    expect(theirReads.every((request) => request.openApiToken === null && request.modelfunToken === null)).toBe(true);
    expect(answers.slice(-4)).toMatchObject(Array(4).fill({ success: false, error: { code: 'invalid_request', field: 'type' } }));
  });

  it('get nothing at all once the options switch turns external access off', async () => {
    await preferencesItem.set({ ...(await preferencesItem.get()), externalAccess: false });
    const before = await settled();
    fake.reset();
    for (const message of [{ type: 'health' }, { type: 'models' }, { type: 'magicube', api_key: THEIRS }, { type: 'credits', api_key: THEIRS }, { type: 'balance', api_key: THEIRS, models: [GLM] }, { type: 'nope' }, null]) {
      expect(await send(message, true)).toMatchObject({ success: false, error: { code: 'external_access_off' } });
    }
    expect(fake.requests).toHaveLength(0);
    expect(await settled()).toEqual(before);
    expect(await send({ type: 'balance', models: [GLM] })).toMatchObject({ success: true });
  });
});
