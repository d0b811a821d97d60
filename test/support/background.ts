import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { COMMANDS, type CommandName, type CommandReply, type CommandRequest } from '@src/commands/protocol';
import { startFakeModelScope, type FakeModelScope, type FakeModelScopeOptions } from '../fake-modelscope/server';
import { serveLocale, type Locale } from './i18n';
import { fetchRoutedTo } from './routed-fetch';

type Listener = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => boolean | undefined;

/** fakeBrowser has no `onMessageExternal`: a minimal event that delivers a message the way Chrome does. */
function fakeExternalEvent() {
  const listeners: Listener[] = [];
  return {
    event: { addListener: (listener: Listener) => void listeners.push(listener) },
    send(message: unknown, senderId: string): Promise<unknown> {
      return new Promise((resolve) => {
        const willReply = listeners.map((listener) => listener(message, { id: senderId }, resolve));
        if (!willReply.includes(true)) resolve(undefined);
      });
    },
  };
}

/** Sends one of our pages' commands as the popup does, and checks its reply against the command's schema. */
export async function command<T extends CommandName>(request: CommandRequest<T> & { command: T }): Promise<CommandReply<T>> {
  return COMMANDS[request.command].reply.parse(await fakeBrowser.runtime.sendMessage(request)) as CommandReply<T>;
}

/**
 * Starts the real background entrypoint on WXT's fake browser, with the network routed to the fake ModelScope.
 * Gives a way to message it as our own pages do and as another extension does.
 */
export async function startBackground(fake: FakeModelScope, locale: Locale = 'en') {
  fakeBrowser.reset();
  await serveLocale(locale);
  vi.stubGlobal('fetch', fetchRoutedTo(fake));
  Object.assign(fakeBrowser.runtime, {
    getManifest: () => ({ manifest_version: 3, name: 'ModelScope Quota', version: '0.1.0' }),
  });
  const external = fakeExternalEvent();
  Object.assign(fakeBrowser.runtime, { onMessageExternal: external.event });
  background.main();
  return {
    send: (message: unknown): Promise<unknown> => fakeBrowser.runtime.sendMessage(message),
    sendExternal: (message: unknown): Promise<unknown> => external.send(message, 'another-extension-id'),
  };
}

/**
 * Starts the background entrypoint again on the same storage, without a reset. `'worker'`: MV3 stopped the idle
 * service worker and wakes it; alarms, the badge and storage.session survive. `'browser'`: the browser restarted;
 * those are gone, and onStartup fires. Either way the old worker's listeners go with it.
 */
export async function restartBackground(kind: 'worker' | 'browser') {
  fakeBrowser.runtime.resetState();
  fakeBrowser.alarms.onAlarm.removeAllListeners();
  fakeBrowser.storage.onChanged.removeAllListeners();
  for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.session, fakeBrowser.storage.sync]) {
    area.onChanged.removeAllListeners();
  }
  if (kind === 'browser') {
    fakeBrowser.storage.session.resetState();
    fakeBrowser.alarms.resetState();
    fakeBrowser.action.resetState();
    fakeBrowser.notifications.resetState();
  }
  const external = fakeExternalEvent();
  Object.assign(fakeBrowser.runtime, { onMessageExternal: external.event });
  background.main();
  if (kind === 'browser') await fakeBrowser.runtime.onStartup.trigger();
  return {
    send: (message: unknown): Promise<unknown> => fakeBrowser.runtime.sendMessage(message),
    sendExternal: (message: unknown): Promise<unknown> => external.send(message, 'another-extension-id'),
  };
}

export interface BackgroundAgainstFake {
  fake: FakeModelScope;
  background: Awaited<ReturnType<typeof startBackground>>;
}

/**
 * The usual arrangement of a background test file: one fake ModelScope for the file (`options`, e.g. `{ world:
 * 'credits' }`, set it up), reset before each test, and a fresh background started on it. Read `fake` and
 * `background` from the returned object inside tests.
 */
export function backgroundAgainstFake(options: FakeModelScopeOptions = {}): BackgroundAgainstFake {
  const context = {} as BackgroundAgainstFake;
  beforeAll(async () => {
    context.fake = await startFakeModelScope(options);
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await context.fake.close();
  });
  beforeEach(async () => {
    context.fake.reset();
    context.background = await startBackground(context.fake);
  });
  return context;
}
