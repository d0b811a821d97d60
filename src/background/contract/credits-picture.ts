import type { CreditsView, SourceView } from '@src/account/credits-view';
import type { OfferEntry } from '@src/account/offers';
import type { RowView } from '@src/account/rows';
import type { CreditsPicture, CreditsSource, ModelCredits, ModelOffer } from '@src/contract';

const iso = (at: number) => new Date(at).toISOString();

function source({ status, readAt, dropped }: SourceView): CreditsSource {
  return { status, read_at: readAt === null ? null : iso(readAt), dropped };
}

/** A row with a known price, as the contract lists it: its price, and the calls the balance buys at it. */
function modelCredits({ model, price, derived }: RowView): ModelCredits[] {
  if (price === null) return [];
  const { tier, rawTier, price: credits, source: knownBy, at } = price;
  return [{ model, tier: tier ?? rawTier ?? '', price: credits, source: knownBy, learned_at: iso(at), calls_left_estimate: derived?.calls ?? null }];
}

/** What the provider list says of a model asked about, as the contract says it; a model never read is not known. */
function modelOffer(model: string, entry: OfferEntry | undefined): ModelOffer {
  const offer = entry?.value ?? null;
  return {
    model,
    served: offer?.served ?? null,
    price: offer?.price ?? null,
    tier: offer?.tier ?? null,
    providers: offer?.others.map((other) => other.name) ?? [],
    read_at: entry?.read_at == null ? null : iso(entry.read_at),
    status: entry?.last.outcome ?? 'not_read',
  };
}

/** The offers of the models asked about, in the order asked. */
export function modelOffers(models: readonly string[], offers: Readonly<Record<string, OfferEntry>>): ModelOffer[] {
  return models.map((model) => modelOffer(model, Object.hasOwn(offers, model) ? offers[model] : undefined));
}

const NOT_READ: CreditsSource = { status: 'not_read', read_at: null, dropped: 0 };

/** A picture of offers alone, for a request with no key: nothing of an account was read. */
export function offersOnlyPicture(offers: ModelOffer[]): CreditsPicture {
  return {
    balance: null,
    today: null,
    tier_prices: null,
    models: [],
    grants: null,
    run_out_at: null,
    offers,
    sources: { balance: NOT_READ, ledger: NOT_READ, grants: NOT_READ, prices: NOT_READ, rules: NOT_READ },
  };
}

/**
 * The `credits` reply's picture, built from the account's view: the public shape, which changes only on purpose.
 * `rows`: the models whose prices it lists (none for another extension); `offers`: those of the models asked about.
 */
export function creditsPicture(credits: CreditsView, rows: readonly RowView[], offers: ModelOffer[]): CreditsPicture {
  const { balance, today, rates, grants, runOutAt, sources } = credits;
  return {
    balance: balance && { ...balance },
    today: today && {
      day: today.day,
      tiers: today.tiers.map((tier) => ({ tier: tier.tier, raw_tier: tier.rawTier, calls: tier.calls, credits: tier.credits })),
      total_calls: today.totals.calls,
      total_credits: today.totals.credits,
    },
    tier_prices: rates && rates.map(({ tier, rawTier, price }) => ({ tier, raw_tier: rawTier, price })),
    models: rows.flatMap(modelCredits),
    grants: grants && {
      daily_active: grants.dailyActive,
      aliyun_bindlogin: grants.aliyun,
      next_expiry: grants.expiries[0] ? { at: iso(grants.expiries[0].at), credits: grants.expiries[0].credits } : null,
      expiries: grants.expiries.map(({ at, credits, exact, upTo }) => ({ at: iso(at), credits, exact, up_to: upTo })),
    },
    run_out_at: runOutAt === null ? null : iso(runOutAt),
    offers,
    sources: {
      balance: source(sources.balance),
      ledger: source(sources.ledger),
      grants: source(sources.grants),
      prices: source(sources.rates),
      rules: source(sources.rules),
    },
  };
}
