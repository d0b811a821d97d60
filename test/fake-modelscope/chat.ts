// POST /v1/chat/completions: the quota probe, with every known ModelScope answer, on either site.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
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
  EXHAUSTED_HEADERS,
  GARBAGE_HEADERS,
  MONTHLY_QUOTA_HEADERS,
  authFailedBody,
  bearerKey,
  completionBody,
  echoKeyBody,
  gatewayPage,
  hugeErrorBody,
  insufficientCreditsBody,
  limitExceededBody,
  modelNotFoundBody,
  parseProbe,
  quotaHeaders,
  requiresThinkingOff,
  thinkingBody,
  unboundBody,
  type FakeWorld,
  type KeyStatus,
} from './behaviours';
import type { CreditAccounts, Hold } from './credits';
import type { MonthlyLedger, QuotaLedger } from './ledger';
import { isPriced, type ModelScopeOffer } from './providers';
import { worldOn, type FakeSite, type SiteCatalogue } from './sites';
import { sendEmpty, sendHalfThenReset, sendHtml, sendJson, sendText, wait } from './reply';

export interface ChatOptions {
  latencyMs: number;
  jitterMs: number;
  transientFailureRate: number;
  maxInFlight: number | undefined;
  slowMs: number;
  /** The China site's world. */
  world: FakeWorld;
  /** The international site's world. */
  aiWorld: FakeWorld;
}

/** One site's accounts: its catalogue, call counters and Magicube credits. */
export interface SiteState {
  readonly catalogue: SiteCatalogue;
  readonly ledger: QuotaLedger;
  readonly monthly: MonthlyLedger;
  readonly credits: CreditAccounts;
  /** `key\nmodel` pairs that already had their first call since reset (fake/busy-once, fake/flaky). */
  readonly firstCallsDone: Set<string>;
}

/** What the server shares with the chat handler; `options` and `random` change with setOptions. */
export interface ChatState {
  options: ChatOptions;
  random: () => number;
  readonly sites: Readonly<Record<FakeSite, SiteState>>;
  /** A key's status on one site: a token of the other site is refused like a bad one. */
  keyStatus(key: string | null, site: FakeSite): KeyStatus;
  /** ModelScope's offer of a model today, as the site's provider list shows it (undefined: the list does not know it). */
  modelScopeOffer(site: FakeSite, model: string): ModelScopeOffer | undefined;
  inFlight: number;
  inFlightPeak: number;
}

export async function handleChatCompletion(
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  state: ChatState,
  site: FakeSite,
): Promise<void> {
  const { options } = state;
  // ModelScope limits concurrency dynamically; it answers like an exhausted quota, but without headers.
  if (options.maxInFlight !== undefined && state.inFlight >= options.maxInFlight) {
    return sendJson(res, 429, limitExceededBody());
  }
  state.inFlight += 1;
  state.inFlightPeak = Math.max(state.inFlightPeak, state.inFlight);
  res.once('close', () => {
    state.inFlight -= 1;
  });

  // Held from before the latency, so the balance shows the call as frozen while it is in flight.
  const hold = holdCredits(req, body, state, site);
  try {
    const jitter = options.jitterMs > 0 ? state.random() * options.jitterMs : 0;
    if (!(await wait(options.latencyMs + jitter, res))) return;
    if (options.transientFailureRate > 0 && state.random() < options.transientFailureRate) {
      return sendHtml(res, 503, gatewayPage(503));
    }
    if (hold === 'insufficient') return sendJson(res, 429, insufficientCreditsBody());
    await answer(req, res, body, state, site);
  } finally {
    // Only a call that was answered 200 in full is paid; any other answer, or a client gone, gives the credits back.
    if (hold !== null && hold !== 'insufficient') {
      if (res.statusCode === 200 && res.writableEnded) hold.confirm();
      else hold.release();
    }
  }
}

/**
 * In the credit world, the credits for a call that will be answered (valid key, a model ModelScope prices today, a
 * well-formed probe): held, or 'insufficient' when the balance does not cover its tier; null for a call never paid.
 */
function holdCredits(req: IncomingMessage, body: string, state: ChatState, site: FakeSite): Hold | 'insufficient' | null {
  if (worldOn(site, state.options) !== 'credits') return null;
  const key = bearerKey(req.headers.authorization);
  const status = state.keyStatus(key, site);
  const probe = parseProbe(body);
  if (key === null || (status !== 'valid' && status !== 'magicube-limited') || probe === null) return null;
  const offer = state.modelScopeOffer(site, probe.model);
  if (!isPriced(offer) || (requiresThinkingOff(probe.model) && probe.enableThinking !== false)) return null;
  return state.sites[site].credits.hold(key, offer) ?? 'insufficient';
}

async function answer(req: IncomingMessage, res: ServerResponse, body: string, state: ChatState, site: FakeSite): Promise<void> {
  const key = bearerKey(req.headers.authorization);
  const status = state.keyStatus(key, site);
  if (key === null || status === 'invalid') return sendJson(res, 401, authFailedBody());
  if (status === 'unbound') return sendJson(res, 403, unboundBody());

  const probe = parseProbe(body);
  if (probe === null) return sendEmpty(res, 400);
  const { model } = probe;
  const accounts = state.sites[site];
  if (!accounts.catalogue.knownModels.has(model)) return sendJson(res, 404, modelNotFoundBody(model));
  // In the credit world, a model whose provider list lacks ModelScope today is not API-Inference's to serve.
  const unserved = worldOn(site, state.options) === 'credits' && state.modelScopeOffer(site, model) === null;
  if (unserved) return sendJson(res, 404, modelNotFoundBody(model));
  if (requiresThinkingOff(model) && probe.enableThinking !== false) return sendJson(res, 400, thinkingBody());

  switch (model) {
    case FAKE_NO_HEADERS:
      return sendJson(res, 200, completionBody(model));
    case FAKE_GARBAGE_HEADERS:
      return sendJson(res, 200, completionBody(model), GARBAGE_HEADERS);
    case FAKE_EXHAUSTED:
      return sendJson(res, 429, limitExceededBody(), EXHAUSTED_HEADERS);
    case FAKE_BUSY:
      return sendJson(res, 429, limitExceededBody());
    case FAKE_BAD_REQUEST:
      return sendEmpty(res, 400);
    case FAKE_FORBIDDEN:
      return sendJson(res, 403, unboundBody());
    case FAKE_HTML_502:
      return sendHtml(res, 502, gatewayPage(502));
    case FAKE_HANGUP:
      res.socket?.destroy();
      return;
    case FAKE_ECHO_KEY:
      return sendJson(res, 400, echoKeyBody(key));
    case FAKE_HUGE_ERROR:
      return sendJson(res, 500, hugeErrorBody());
    case FAKE_BUSY_ONCE:
      if (isFirstCall(accounts, key, model)) return sendJson(res, 429, limitExceededBody());
      return answerCounted(res, key, model, accounts);
    case FAKE_FLAKY:
      if (isFirstCall(accounts, key, model)) return sendHtml(res, 503, gatewayPage(503));
      return answerCounted(res, key, model, accounts);
    case FAKE_SLOW:
      if (!(await wait(state.options.slowMs, res))) return;
      return answerCounted(res, key, model, accounts);
    default:
      if (accounts.catalogue.monthlyLimits[model] !== undefined) return answerMonthly(res, key, model, accounts);
      if (worldOn(site, state.options) === 'credits' && !accounts.catalogue.creditWorldHeaderModels.includes(model)) {
        return sendJson(res, 200, completionBody(model));
      }
      return answerCounted(res, key, model, accounts);
  }
}

function isFirstCall(accounts: SiteState, key: string, model: string): boolean {
  const slot = `${key}\n${model}`;
  if (accounts.firstCallsDone.has(slot)) return false;
  accounts.firstCallsDone.add(slot);
  return true;
}

/** A model counted by the month (Qwen-Ambassador): only the two monthly headers, in either world, never paid. */
function answerMonthly(res: ServerResponse, key: string, model: string, accounts: SiteState): void {
  const { spent, quota } = accounts.monthly.spend(key, model);
  const headers = { [MONTHLY_QUOTA_HEADERS.limit]: String(quota.limit), [MONTHLY_QUOTA_HEADERS.remaining]: String(quota.remaining) };
  if (!spent) return sendJson(res, 429, limitExceededBody(), headers);
  return sendJson(res, 200, completionBody(model), headers);
}

/** A model whose calls are counted: spend one, or answer 429 with the (exhausted) counters. */
function answerCounted(res: ServerResponse, key: string, model: string, accounts: SiteState): void {
  const { spent, quota } = accounts.ledger.spend(key, model);
  const headers = quotaHeaders(quota, model === FAKE_PARTIAL_HEADERS ? 'model-only' : 'all');
  if (!spent) return sendJson(res, 429, limitExceededBody(), headers);
  if (model === FAKE_NOT_JSON) return sendText(res, 200, 'this is not json', headers);
  if (model === FAKE_RESET) return sendHalfThenReset(res, completionBody(model), headers);
  return sendJson(res, 200, completionBody(model), headers);
}
