import type { CreditsView, SourceView } from '@src/account/credits-view';
import type { RowView } from '@src/account/rows';
import type { CreditsPicture, CreditsSource, ModelCredits } from '@src/contract';

const iso = (at: number) => new Date(at).toISOString();

function source({ status, readAt, dropped }: SourceView): CreditsSource {
  return { status, read_at: readAt === null ? null : iso(readAt), dropped };
}

/** A row with a known price, as the contract lists it: its price, and the calls the balance buys at it. */
function modelCredits({ model, price, derived }: RowView): ModelCredits[] {
  if (price === null) return [];
  const { tier, price: credits, source: learnedBy, learned_at: learnedAt } = price;
  return [{ model, tier, price: credits, source: learnedBy, learned_at: iso(learnedAt), calls_left_estimate: derived?.calls ?? null }];
}

/**
 * The `credits` reply's picture, built from the account's view: the public shape, which changes only on purpose.
 * `rows`: the models whose prices it lists (none for another extension).
 */
export function creditsPicture(credits: CreditsView, rows: readonly RowView[]): CreditsPicture {
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
      next_expiry: grants.nextExpiry && { at: iso(grants.nextExpiry.at), credits: grants.nextExpiry.credits },
    },
    run_out_at: runOutAt === null ? null : iso(runOutAt),
    sources: {
      balance: source(sources.balance),
      ledger: source(sources.ledger),
      grants: source(sources.grants),
      prices: source(sources.rates),
      rules: source(sources.rules),
    },
  };
}
