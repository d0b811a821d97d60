/**
 * A model tier as this extension names it. Open-ended on purpose: the China site sends 轻量/主流/旗舰, and the
 * international site adds tiers of its own (discount, lite, standard, ultra), so an unknown tier is kept, not refused.
 */
export type TierId = string;

const KNOWN_TIERS: Readonly<Record<string, TierId>> = {
  轻量: 'lightweight',
  主流: 'mainstream',
  旗舰: 'flagship',
};

/** The tier id of a raw `model_tier`: the English name of a known Chinese tier, otherwise the raw text in lower case. */
export function tierId(raw: string): TierId | null {
  const text = raw.trim();
  if (!text) return null;
  return KNOWN_TIERS[text] ?? text.toLowerCase();
}
