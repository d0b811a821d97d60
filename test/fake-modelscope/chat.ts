// POST /v1/chat/completions: the quota probe, with every known ModelScope answer.
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
  CREDIT_WORLD_HEADER_MODELS,
  EXHAUSTED_HEADERS,
  MODEL_TIERS,
  GARBAGE_HEADERS,
  authFailedBody,
  bearerKey,
  completionBody,
  echoKeyBody,
  gatewayPage,
  hugeErrorBody,
  insufficientCreditsBody,
  isKnownModel,
  keyStatus,
  limitExceededBody,
  modelNotFoundBody,
  parseProbe,
  quotaHeaders,
  requiresThinkingOff,
  thinkingBody,
  unboundBody,
  type FakeWorld,
} from './behaviours';
import type { CreditAccounts, Hold } from './credits';
import type { QuotaLedger } from './ledger';
import { sendEmpty, sendHalfThenReset, sendHtml, sendJson, sendText, wait } from './reply';

export interface ChatOptions {
  latencyMs: number;
  jitterMs: number;
  transientFailureRate: number;
  maxInFlight: number | undefined;
  slowMs: number;
  world: FakeWorld;
}

/** What the server shares with the chat handler; `options` and `random` change with setOptions. */
export interface ChatState {
  options: ChatOptions;
  random: () => number;
  readonly ledger: QuotaLedger;
  readonly credits: CreditAccounts;
  /** `key\nmodel` pairs that already had their first call since reset (fake/busy-once, fake/flaky). */
  readonly firstCallsDone: Set<string>;
  inFlight: number;
  inFlightPeak: number;
}

export async function handleChatCompletion(
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  state: ChatState,
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
  const hold = holdCredits(req, body, state);
  try {
    const jitter = options.jitterMs > 0 ? state.random() * options.jitterMs : 0;
    if (!(await wait(options.latencyMs + jitter, res))) return;
    if (options.transientFailureRate > 0 && state.random() < options.transientFailureRate) {
      return sendHtml(res, 503, gatewayPage(503));
    }
    if (hold === 'insufficient') return sendJson(res, 429, insufficientCreditsBody());
    await answer(req, res, body, state);
  } finally {
    // Only a call that was answered 200 in full is paid; any other answer, or a client gone, gives the credits back.
    if (hold !== null && hold !== 'insufficient') {
      if (res.statusCode === 200 && res.writableEnded) hold.confirm();
      else hold.release();
    }
  }
}

/**
 * In the credit world, the credits for a call that will be answered (valid key, paid model, a well-formed probe):
 * held, or 'insufficient' when the balance does not cover the model's tier; null for a call that is never paid.
 */
function holdCredits(req: IncomingMessage, body: string, state: ChatState): Hold | 'insufficient' | null {
  if (state.options.world !== 'credits') return null;
  const key = bearerKey(req.headers.authorization);
  const status = keyStatus(key);
  const probe = parseProbe(body);
  if (key === null || (status !== 'valid' && status !== 'magicube-limited') || probe === null) return null;
  const tier = MODEL_TIERS[probe.model];
  if (tier === undefined || (requiresThinkingOff(probe.model) && probe.enableThinking !== false)) return null;
  return state.credits.hold(key, tier) ?? 'insufficient';
}

async function answer(req: IncomingMessage, res: ServerResponse, body: string, state: ChatState): Promise<void> {
  const key = bearerKey(req.headers.authorization);
  const status = keyStatus(key);
  if (key === null || status === 'invalid') return sendJson(res, 401, authFailedBody());
  if (status === 'unbound') return sendJson(res, 403, unboundBody());

  const probe = parseProbe(body);
  if (probe === null) return sendEmpty(res, 400);
  const { model } = probe;
  if (!isKnownModel(model)) return sendJson(res, 404, modelNotFoundBody(model));
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
      if (isFirstCall(state, key, model)) return sendJson(res, 429, limitExceededBody());
      return answerCounted(res, key, model, state);
    case FAKE_FLAKY:
      if (isFirstCall(state, key, model)) return sendHtml(res, 503, gatewayPage(503));
      return answerCounted(res, key, model, state);
    case FAKE_SLOW:
      if (!(await wait(state.options.slowMs, res))) return;
      return answerCounted(res, key, model, state);
    default:
      if (state.options.world === 'credits' && !CREDIT_WORLD_HEADER_MODELS.includes(model)) {
        return sendJson(res, 200, completionBody(model));
      }
      return answerCounted(res, key, model, state);
  }
}

function isFirstCall(state: ChatState, key: string, model: string): boolean {
  const slot = `${key}\n${model}`;
  if (state.firstCallsDone.has(slot)) return false;
  state.firstCallsDone.add(slot);
  return true;
}

/** A model whose calls are counted: spend one, or answer 429 with the (exhausted) counters. */
function answerCounted(res: ServerResponse, key: string, model: string, state: ChatState): void {
  const { spent, quota } = state.ledger.spend(key, model);
  const headers = quotaHeaders(quota, model === FAKE_PARTIAL_HEADERS ? 'model-only' : 'all');
  if (!spent) return sendJson(res, 429, limitExceededBody(), headers);
  if (model === FAKE_NOT_JSON) return sendText(res, 200, 'this is not json', headers);
  if (model === FAKE_RESET) return sendHalfThenReset(res, completionBody(model), headers);
  return sendJson(res, 200, completionBody(model), headers);
}
