// The fake ModelScope: one plain node:http(s) server answering for both of ModelScope's sites, reproducing
// /work/shared/modelscope-upstream.md. The Host header (or X-Forwarded-Host, which the Node tests' routed fetch sets)
// picks the site: api-inference.modelscope.cn, modelscope.cn and www.modelscope.cn are the China site;
// api-inference.modelscope.ai, modelscope.ai and www.modelscope.ai the international one; any other host (the fake's
// own address) is the China site. Within a site, requests are routed by path, whichever of its hosts they reach.
// A token belongs to one site (the China site's unless it is AI_DEMO_KEY or registered with useSiteFor); on the
// other site's hosts it is refused like a bad token. Each site keeps its own counters, Magicube accounts, ledger and
// grants, catalogue, tiers and prices, and its own world: `world` (the China site's, default 'quota') and `aiWorld`
// (default 'credits'). The website's provider list (providers.ts) answers on the sites' website hosts, without a key.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  DAILY_GRANTS,
  DEFAULT_WORLD,
  GRANT_LIFETIME_MS,
  keyStatus,
  modelsListBody,
  notFoundBody,
  parseProbe,
  type DailyGrantRule,
  type FakeWorld,
  type KeyStatus,
  type MagicubeTimeFormat,
  type TierSpelling,
} from './behaviours';
import { fakeCertificate } from './certificate';
import { handleChatCompletion, type ChatOptions, type ChatState, type SiteState } from './chat';
import { CreditAccounts, type Balance } from './credits';
import { MonthlyLedger, QuotaLedger } from './ledger';
import { answerMagicube, magicubeEndpoint, type MagicubeOptions, type MagicubeSite } from './magicube';
import {
  PROVIDER_LIST_PATH,
  answerProviderList,
  checkRepricings,
  modelScopeOffer,
  type ProviderListOptions,
  type Repricing,
} from './providers';
import { sendJson } from './reply';
import {
  AI_DEMO_KEY,
  DEFAULT_AI_WORLD,
  FAKE_SITES,
  SITE_CATALOGUES,
  isApiInferenceHost,
  siteOfHost,
  type FakeSite,
  type SiteTier,
} from './sites';
import { seededRandom } from './seeded-random';

export interface FakeModelScopeOptions {
  https?: boolean; // default false (plain http on 127.0.0.1)
  host?: string; // loopback address to listen on, default 127.0.0.1
  port?: number; // default 0: any free port (Firefox, which cannot map ports, needs 443)
  latencyMs?: number; // base delay before response headers for chat completions, default 0
  jitterMs?: number; // extra random 0..jitterMs, default 0
  transientFailureRate?: number; // 0..1, chance a chat completion answers a 503 HTML gateway page, default 0
  seed?: number; // seeds jitter and transient failures so runs repeat; random when absent
  maxInFlight?: number; // a chat completion arriving while >= this many are in flight gets a header-less 429
  slowMs?: number; // delay of the fake/slow model, default 3000
  // ---- Magicube and the credit world
  world?: FakeWorld; // the China site's, default DEFAULT_WORLD ('quota'); 'credits' is the China site since 2026-08
  aiWorld?: FakeWorld; // the international site's, default DEFAULT_AI_WORLD ('credits'); 'quota' gives its models the four headers
  now?: () => number; // the clock of Magicube accounts and repricings (Beijing days, grant expiry, ledger lag), default Date.now
  ledgerLagMs?: number; // a confirmed spend shows in the ledger this long after, default 0
  ledgerWithheld?: boolean; // the ledger and earn rules answer a 200 without data, whatever is sent, default false
  timeFormat?: MagicubeTimeFormat; // how gmt_created and expire_at are written, default 'capture' (the day; the full time)
  tierSpelling?: TierSpelling; // the China site's tier words in ledger, rates and provider list, default 'english'
  amountsAsStrings?: boolean; // amounts as "1.50" rather than 1.5, default false
  garbageRows?: boolean; // mix unreadable rows into ledger pages, default false
  rulesTodayCount?: boolean; // earn rules say today_count instead of today_used, default false
  grantExpireAt?: boolean; // grants carry expire_days, expire_at and days_remaining, default true
  dailyGrants?: readonly DailyGrantRule[]; // issued each Beijing day an account is used, default both
  // ---- The provider list
  aiProviderList?: boolean; // the international site answers it too, default false (404 there)
  providerListDown?: boolean; // both sites answer it with a 502 gateway page, default false
  repricings?: readonly Repricing[]; // ModelScope's tier of a model changes (or ends) from a Beijing day on, default []
}

/** Everything but `https`, `host` and `port`, which are fixed when the server starts. */
export type FakeModelScopeRuntimeOptions = Omit<FakeModelScopeOptions, 'https' | 'host' | 'port'>;

export interface RecordedRequest {
  method: string;
  /** As sent (X-Forwarded-Host when present, else Host), port and case untouched. */
  host: string;
  /** The site that answered: the one whose host this is; a request to the fake's own address is the China site's. */
  site: FakeSite;
  path: string;
  model: string | null;
  authorization: string | null;
  /** The OpenAPI-Token and X-Modelfun-Token headers, which some tools add for Magicube: never needed, so never to send. */
  openApiToken: string | null;
  modelfunToken: string | null;
  body: string;
  at: number;
}

export interface FakeModelScope {
  url: string;
  port: number;
  spkiHash: string | null;
  /** Every request received, in order, on both sites. */
  requests: RecordedRequest[];
  /** The requests one site answered (all its hosts). */
  requestsTo(site: FakeSite): RecordedRequest[];
  /** The POST /v1/chat/completions requests, optionally for one model. */
  probes(model?: string): RecordedRequest[];
  /** Highest number of chat completions in flight at once since reset. */
  inFlightPeak: number;
  /**
   * Clears requests, quota counters, first-call counters, Magicube accounts (both sites) and inFlightPeak; reseeds
   * the random source. Like the options, which site each token belongs to stays.
   */
  reset(): void;
  setOptions(o: Partial<FakeModelScopeRuntimeOptions>): void;
  /**
   * Makes `key` a token of `site` (every token is the China site's unless registered, but AI_DEMO_KEY, which is the
   * international site's). Register before the key is used: a key that already has counters or an account on the
   * other site throws.
   */
  useSiteFor(key: string, site: FakeSite): void;
  /** The site `key` belongs to. */
  siteOf(key: string): FakeSite;
  // The helpers below act on the site the key belongs to.
  setModelRemaining(key: string, model: string, remaining: number): void;
  setAccountRemaining(key: string, remaining: number): void;
  /** What is left this month of a monthly-counted model (the international site's Qwen-Ambassador model). */
  setModelMonthRemaining(key: string, model: string, remaining: number): void;
  /** The key's Magicube balance as the credit world keeps it (what GET balance answers there). */
  creditBalance(key: string): Balance;
  /** Another client with the same token makes `calls` paid calls in `tier` (one of the key's site); gives how many the credits covered. */
  spendElsewhere(key: string, tier: SiteTier, calls: number): number;
  /** A past spend, already in the ledger and already paid (today's balance is left alone). */
  seedSpend(key: string, entry: { at: number; tier: SiteTier; calls: number }): void;
  /** An extra grant, e.g. long-term credits; it expires at `expiresAt` (default 24 h after `at`). */
  grant(key: string, ruleKey: string, credits: number, timing?: { at?: number; expiresAt?: number }): void;
  close(): Promise<void>;
}

const CHAT_PATH = '/v1/chat/completions';

export async function startFakeModelScope(options: FakeModelScopeOptions = {}): Promise<FakeModelScope> {
  const requests: RecordedRequest[] = [];
  let seed = options.seed;
  let magicube = magicubeOptions(options);
  let providerList = providerListOptions(options);
  const creditSettings = () => ({ now: magicube.now, ledgerLagMs: magicube.ledgerLagMs, dailyGrants: magicube.dailyGrants });
  const siteState = (site: FakeSite): SiteState => {
    const catalogue = SITE_CATALOGUES[site];
    return {
      catalogue,
      ledger: new QuotaLedger(catalogue.modelLimits, site),
      monthly: new MonthlyLedger(catalogue.monthlyLimits, site, () => magicube.now()),
      credits: new CreditAccounts(creditSettings, catalogue.tierPrices, site),
      firstCallsDone: new Set(),
    };
  };
  const sites: Record<FakeSite, SiteState> = { cn: siteState('cn'), ai: siteState('ai') };
  const registeredSites = new Map<string, FakeSite>();
  const siteOf = (key: string): FakeSite => registeredSites.get(key) ?? (key === AI_DEMO_KEY ? 'ai' : 'cn');
  const statusOn = (key: string | null, site: FakeSite): KeyStatus => (key !== null && siteOf(key) !== site ? 'invalid' : keyStatus(key));
  const state: ChatState = {
    options: chatOptions(options),
    random: seededRandom(seed),
    sites,
    keyStatus: statusOn,
    modelScopeOffer: (site, model) => modelScopeOffer(SITE_CATALOGUES[site], providerList.repricings, model, providerList.now()),
    inFlight: 0,
    inFlightPeak: 0,
  };
  const accountsOf = (key: string) => sites[siteOf(key)];
  const magicubeSite = (site: FakeSite): MagicubeSite => ({
    site,
    catalogue: sites[site].catalogue,
    credits: sites[site].credits,
    keyStatus: (key) => statusOn(key, site),
  });
  const magicubeSites: Record<FakeSite, MagicubeSite> = { cn: magicubeSite('cn'), ai: magicubeSite('ai') };

  const firstHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    // Node's fetch cannot set Host, so the tests' routed fetch names the production host in X-Forwarded-Host.
    const host = firstHeader(req.headers['x-forwarded-host']) ?? req.headers.host ?? '';
    const site = siteOfHost(host) ?? 'cn';
    requests.push({
      method: req.method ?? '',
      host,
      site,
      path: req.url ?? '/',
      model: parseProbe(body)?.model ?? null,
      authorization: req.headers.authorization ?? null,
      openApiToken: firstHeader(req.headers['openapi-token']) ?? null,
      modelfunToken: firstHeader(req.headers['x-modelfun-token']) ?? null,
      body,
      at: Date.now(),
    });
    if (req.method === 'POST' && path === CHAT_PATH) return handleChatCompletion(req, res, body, state, site);
    if (req.method === 'GET' && path === '/v1/models') return sendJson(res, 200, modelsListBody(sites[site].catalogue.catalogueIds));
    if (req.method === 'GET' && path === PROVIDER_LIST_PATH) {
      return answerProviderList(res, url.searchParams, sites[site].catalogue, isApiInferenceHost(host), providerList);
    }
    const endpoint = magicubeEndpoint(path);
    if (req.method === 'GET' && endpoint !== null) return answerMagicube(req, res, endpoint, url.searchParams, magicubeSites[site], magicube);
    sendJson(res, 404, notFoundBody());
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the fake (or a client gone mid-upload) must show up as a 500, not crash the test run.
      if (!res.headersSent) sendJson(res, 500, { error: { message: `fake ModelScope: ${String(error)}` } });
      else res.destroy();
    });
  };

  const certificate = options.https ? fakeCertificate() : null;
  const server = certificate ? createHttpsServer(certificate, listener) : createHttpServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port, address } = server.address() as AddressInfo;

  return {
    url: `${certificate ? 'https' : 'http'}://${address}:${port}`,
    port,
    spkiHash: certificate?.spkiHash ?? null,
    requests,
    requestsTo: (site) => requests.filter((request) => request.site === site),
    probes: (model) =>
      requests.filter(
        (r) => r.method === 'POST' && r.path.split('?')[0] === CHAT_PATH && (model === undefined || r.model === model),
      ),
    get inFlightPeak() {
      return state.inFlightPeak;
    },
    reset() {
      requests.length = 0;
      for (const accounts of Object.values(sites)) {
        accounts.ledger.clear();
        accounts.monthly.clear();
        accounts.credits.clear();
        accounts.firstCallsDone.clear();
      }
      state.inFlightPeak = state.inFlight;
      state.random = seededRandom(seed);
    },
    setOptions(changes) {
      if ('seed' in changes) {
        seed = changes.seed;
        state.random = seededRandom(seed);
      }
      state.options = chatOptions({ ...state.options, ...changes });
      magicube = magicubeOptions({ ...magicube, ...changes });
      providerList = providerListOptions({ ...providerList, ...changes });
    },
    useSiteFor(key, site) {
      for (const other of FAKE_SITES.filter((candidate) => candidate !== site)) {
        const { ledger, monthly, credits } = sites[other];
        if (ledger.has(key) || monthly.has(key) || credits.has(key)) {
          throw new Error(`fake ModelScope: ${key.slice(0, 6)}… was already used on the ${other} site; register it before use (or reset first)`);
        }
      }
      registeredSites.set(key, site);
    },
    siteOf,
    setModelRemaining: (key, model, remaining) => accountsOf(key).ledger.setModelRemaining(key, model, remaining),
    setAccountRemaining: (key, remaining) => accountsOf(key).ledger.setAccountRemaining(key, remaining),
    setModelMonthRemaining: (key, model, remaining) => accountsOf(key).monthly.setRemaining(key, model, remaining),
    creditBalance: (key) => accountsOf(key).credits.balance(key),
    spendElsewhere: (key, tier, calls) => accountsOf(key).credits.spendElsewhere(key, tier, calls),
    seedSpend: (key, entry) => accountsOf(key).credits.seedSpend(key, entry),
    grant(key, ruleKey, amount, timing = {}) {
      const at = timing.at ?? magicube.now();
      accountsOf(key).credits.grant(key, ruleKey, amount, at, timing.expiresAt ?? at + GRANT_LIFETIME_MS);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive and half-answered connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

function chatOptions(o: FakeModelScopeRuntimeOptions): ChatOptions {
  return {
    latencyMs: o.latencyMs ?? 0,
    jitterMs: o.jitterMs ?? 0,
    transientFailureRate: o.transientFailureRate ?? 0,
    maxInFlight: o.maxInFlight,
    slowMs: o.slowMs ?? 3000,
    world: o.world ?? DEFAULT_WORLD,
    aiWorld: o.aiWorld ?? DEFAULT_AI_WORLD,
  };
}

type ResolvedMagicubeOptions = MagicubeOptions & { ledgerLagMs: number; dailyGrants: readonly DailyGrantRule[] };

/** How the Magicube endpoints answer unless told otherwise; tests that vary them set these back between cases. */
export const MAGICUBE_VARIANT_DEFAULTS = {
  ledgerLagMs: 0,
  ledgerWithheld: false,
  timeFormat: 'capture',
  tierSpelling: 'english',
  amountsAsStrings: false,
  garbageRows: false,
  rulesTodayCount: false,
  grantExpireAt: true,
} as const satisfies FakeModelScopeRuntimeOptions;

function magicubeOptions(o: FakeModelScopeRuntimeOptions): ResolvedMagicubeOptions {
  return {
    world: o.world ?? DEFAULT_WORLD,
    aiWorld: o.aiWorld ?? DEFAULT_AI_WORLD,
    now: o.now ?? Date.now,
    ledgerLagMs: o.ledgerLagMs ?? MAGICUBE_VARIANT_DEFAULTS.ledgerLagMs,
    ledgerWithheld: o.ledgerWithheld ?? MAGICUBE_VARIANT_DEFAULTS.ledgerWithheld,
    timeFormat: o.timeFormat ?? MAGICUBE_VARIANT_DEFAULTS.timeFormat,
    tierSpelling: o.tierSpelling ?? MAGICUBE_VARIANT_DEFAULTS.tierSpelling,
    amountsAsStrings: o.amountsAsStrings ?? MAGICUBE_VARIANT_DEFAULTS.amountsAsStrings,
    garbageRows: o.garbageRows ?? MAGICUBE_VARIANT_DEFAULTS.garbageRows,
    rulesTodayCount: o.rulesTodayCount ?? MAGICUBE_VARIANT_DEFAULTS.rulesTodayCount,
    grantExpireAt: o.grantExpireAt ?? MAGICUBE_VARIANT_DEFAULTS.grantExpireAt,
    dailyGrants: o.dailyGrants ?? (Object.keys(DAILY_GRANTS) as DailyGrantRule[]),
  };
}

/** How the provider list answers unless told otherwise; tests that vary it set these back between cases. */
export const PROVIDER_LIST_DEFAULTS = {
  aiProviderList: false,
  providerListDown: false,
  repricings: [],
} as const satisfies FakeModelScopeRuntimeOptions;

function providerListOptions(o: FakeModelScopeRuntimeOptions): ProviderListOptions {
  return {
    now: o.now ?? Date.now,
    repricings: checkRepricings(o.repricings ?? PROVIDER_LIST_DEFAULTS.repricings),
    tierSpelling: o.tierSpelling ?? MAGICUBE_VARIANT_DEFAULTS.tierSpelling,
    aiProviderList: o.aiProviderList ?? PROVIDER_LIST_DEFAULTS.aiProviderList,
    providerListDown: o.providerListDown ?? PROVIDER_LIST_DEFAULTS.providerListDown,
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

