// Through Chromium's DevTools protocol: watch everything the extension's pages and service worker do, and stop the
// service worker the way Chromium does when it idles or is killed.
import type { CDPSession } from 'playwright-core';
import type { ExtensionSession } from './harness';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export interface Observation {
  /** Every URL requested by a page or service worker of the browser (the extension's, and our test pages'). */
  requests: string[];
  /** Console messages and log entries of every page and of the service worker, as "level: text". */
  console: string[];
  /** Uncaught errors in pages and in the service worker. */
  errors: string[];
  /** Content Security Policy violations DevTools reported, as "violationType directive url". */
  cspIssues: string[];
  /** Attaches to every extension page and worker alive now and waits for what they report; call before asserting. */
  sweep(): Promise<void>;
  /** How many of the extension's pages and workers have been watched so far. */
  watchedTargets(): number;
}

const browserSessions = new WeakMap<ExtensionSession, Promise<CDPSession>>();

function browserSession(session: ExtensionSession): Promise<CDPSession> {
  let cdp = browserSessions.get(session);
  if (!cdp) {
    const browser = session.context.browser();
    if (!browser) throw new Error('no browser behind this context');
    cdp = browser.newBrowserCDPSession();
    browserSessions.set(session, cdp);
  }
  return cdp;
}

async function extensionTargets(session: ExtensionSession): Promise<TargetInfo[]> {
  const { targetInfos } = await (await browserSession(session)).send('Target.getTargets');
  return targetInfos.filter((target) => target.url.startsWith(`chrome-extension://${session.extensionId}/`));
}

/** Starts recording, from now on, what the browser requests and what the extension's pages and worker report. */
export async function observe(session: ExtensionSession): Promise<Observation> {
  const cdp = await browserSession(session);
  const observation: Omit<Observation, 'sweep' | 'watchedTargets'> = { requests: [], console: [], errors: [], cspIssues: [] };
  session.context.on('request', (request) => void observation.requests.push(request.url()));
  session.context.on('console', (message) => void observation.console.push(`${message.type()}: ${message.text()}`));
  session.context.on('weberror', (error) => void observation.errors.push(String(error.error())));

  // Sessions the old way (not flattened), so they do not disturb Playwright's own: events arrive wrapped.
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const { method, params = {} } = JSON.parse(message) as { method?: string; params?: Record<string, unknown> };
    if (method === 'Audits.issueAdded') {
      const { code, details } = params.issue as { code: string; details: Record<string, Record<string, unknown>> };
      const csp = details.contentSecurityPolicyIssueDetails;
      if (code === 'ContentSecurityPolicyIssue' && csp) {
        const where = (csp.sourceCodeLocation as { url?: string } | undefined)?.url ?? '';
        observation.cspIssues.push(`${String(csp.contentSecurityPolicyViolationType)} ${String(csp.violatedDirective)} ${where}`);
      }
    } else if (method === 'Runtime.exceptionThrown') {
      const details = params.exceptionDetails as { text: string; exception?: { description?: string } };
      observation.errors.push(details.exception?.description ?? details.text);
    } else if (method === 'Log.entryAdded') {
      const entry = params.entry as { level: string; text: string };
      observation.console.push(`${entry.level}: ${entry.text}`);
    }
  });

  const attached = new Set<string>();
  let messageId = 0;
  const attach = async (target: TargetInfo) => {
    if (attached.has(target.targetId) || !target.url.startsWith(`chrome-extension://${session.extensionId}/`)) return;
    attached.add(target.targetId);
    try {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      // Audits.enable reports the issues seen since the target started. Playwright already reports pages' console and
      // errors; a service worker's errors and log entries only come this way.
      const methods = target.type === 'service_worker' ? ['Audits.enable', 'Runtime.enable', 'Log.enable'] : ['Audits.enable'];
      for (const method of methods) {
        await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: (messageId += 1), method }) });
      }
    } catch {
      // The target went away before we got there (a closed page, a stopped worker): nothing more to hear from it.
    }
  };
  cdp.on('Target.targetCreated', ({ targetInfo }) => void attach(targetInfo));
  cdp.on('Target.targetInfoChanged', ({ targetInfo }) => void attach(targetInfo));
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  for (const target of await extensionTargets(session)) await attach(target);

  return {
    ...observation,
    async sweep() {
      for (const target of await extensionTargets(session)) await attach(target);
      await new Promise((resolve) => setTimeout(resolve, 300));
    },
    watchedTargets: () => attached.size,
  };
}

/**
 * Stops the extension's service worker as DevTools' "Stop" does, whatever it is doing, and waits until Chromium reports
 * it stopped. Needs one of the extension's pages open. The next event (a message, an alarm) starts it again.
 */
export async function stopServiceWorker(session: ExtensionSession): Promise<void> {
  const origin = `chrome-extension://${session.extensionId}/`;
  const page = session.context.pages().find((candidate) => candidate.url().startsWith(origin));
  if (!page) throw new Error("stopping the service worker needs one of the extension's pages open");
  const cdp = await session.context.newCDPSession(page);
  try {
    let stopAsked = false;
    let markRunning = () => {};
    let markStopped = () => {};
    const running = new Promise<void>((resolve) => (markRunning = resolve));
    const stopped = new Promise<void>((resolve) => (markStopped = resolve));
    // Status changes arrive as events; one that says "stopped" after the stop was asked is the proof.
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions.filter((candidate) => candidate.scriptURL.startsWith(origin))) {
        if (version.runningStatus === 'running') markRunning();
        if (stopAsked && version.runningStatus === 'stopped') markStopped();
      }
    });
    await cdp.send('ServiceWorker.enable');
    await within(running, 'the service worker is not running');
    stopAsked = true;
    await cdp.send('ServiceWorker.stopAllWorkers');
    await within(stopped, 'the service worker did not stop');
  } finally {
    await cdp.detach();
  }
}

function within(promise: Promise<void>, failure: string, ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(failure)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
