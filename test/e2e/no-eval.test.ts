// No eval and no remote code: the built extension asks for neither, and in Chromium its worker and pages run every
// message without one Content Security Policy violation (zod runs jitless).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tally, writeFigures } from '../reliability/figures';
import { DEMO_KEY, FAKE_NO_HEADERS } from '../fake-modelscope/behaviours';
import { seededKey } from '../support/seeds';
import { observe, stopServiceWorker, type Observation } from './devtools';
import { EXTENSION_DIR, launchExtension, type ExtensionSession } from './harness';

const figures = tally('cspViolations', 'evalConsoleErrors', 'pagesAndWorkersWatched');
const EVAL_TEXT = /unsafe-eval|Content Security Policy|EvalError|Evaluating a string as JavaScript/i;

function builtFiles(dir = EXTENSION_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? builtFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('the built extension', () => {
  it('asks for no unsafe-eval and loads no script from elsewhere', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(manifest.content_security_policy ?? '')).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
    const files = builtFiles();
    for (const html of files.filter((file) => file.endsWith('.html'))) {
      const sources = [...readFileSync(html, 'utf8').matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!);
      expect(sources.length, html).toBeGreaterThan(0);
      expect(sources.filter((source) => !source.startsWith('/')), html).toEqual([]);
    }
    for (const script of files.filter((file) => file.endsWith('.js'))) {
      const code = readFileSync(script, 'utf8');
      expect(code.match(/importScripts\(|import\(\s*[`'"]https?:|\beval\(/g), script).toBeNull();
    }
  });
});

describe('in Chromium', () => {
  let session: ExtensionSession;
  let seen: Observation;
  beforeAll(async () => {
    session = await launchExtension();
    seen = await observe(session);
  });
  afterAll(async () => {
    await session?.close();
    writeFigures('no-eval', figures);
  });

  it('no CSP violation from the worker or any page while every message and page runs, and after a restart', async () => {
    const popup = await session.openPage('popup');
    await popup.evaluate((seed) => chrome.storage.local.set(seed), seededKey(DEMO_KEY));
    const messages = [
      { type: 'health' },
      { command: 'refresh' },
      { command: 'check', models: ['ZhipuAI/GLM-4.7'] },
      { type: 'models' },
      { type: 'magicube' },
      { type: 'balance', models: ['ZhipuAI/GLM-4.7', FAKE_NO_HEADERS] },
      { type: 'balance', models: [' '], api_key: '' },
      { type: 'nope' },
      null,
    ];
    for (const message of messages) await session.send(message);
    for (const message of messages) await session.sendExternal(message);
    const options = await session.openPage('options');
    await options.reload();
    await stopServiceWorker(session);
    for (const message of messages.slice(0, 6)) await session.send(message);
    await session.openPage('popup');

    await seen.sweep();
    expect(seen.cspIssues).toEqual([]);
    expect(seen.console.filter((line) => EVAL_TEXT.test(line))).toEqual([]);
    expect(seen.errors).toEqual([]);
    figures.cspViolations = seen.cspIssues.length;
    figures.evalConsoleErrors = seen.console.filter((line) => EVAL_TEXT.test(line)).length;
    figures.pagesAndWorkersWatched = seen.watchedTargets();
  });

  it('would have seen one: a string run as code in the worker and an inline script in a page are reported', async () => {
    await session.send({ type: 'health' });
    const worker = session.context.serviceWorkers().find((candidate) => candidate.url().startsWith(`chrome-extension://${session.extensionId}/`))!;
    await worker.evaluate(() => void (setTimeout as (code: string) => number)('void 0'));
    const page = await session.openPage('options');
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('script'), { textContent: 'void 0' })));
    await seen.sweep();
    expect(seen.cspIssues.some((issue) => issue.startsWith('kEvalViolation'))).toBe(true);
    expect(seen.cspIssues.some((issue) => issue.startsWith('kInlineViolation'))).toBe(true);
    expect(seen.console.some((line) => EVAL_TEXT.test(line))).toBe(true);
  });
});
