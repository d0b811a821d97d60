/**
 * A model tier as this extension names it: ModelScope's own English key. Open-ended on purpose: an unknown tier is
 * kept, not refused.
 */
export type TierId = string;

/** The website's Chinese names of the China site's tiers (轻量 / 主流 / 旗舰), which its API once wrote too. */
const CHINESE_NAMES: Readonly<Record<string, TierId>> = {
  轻量: 'lite',
  主流: 'standard',
  旗舰: 'ultra',
};

/**
 * The tier id of a raw `model_tier` or `CostTier`: the wire's English key (`lite`, `standard`, `ultra`, `discount`),
 * whichever spelling ModelScope wrote; any other tier in lower case.
 */
export function tierId(raw: string): TierId | null {
  const text = raw.trim();
  if (!text) return null;
  return Object.hasOwn(CHINESE_NAMES, text) ? CHINESE_NAMES[text]! : text.toLowerCase();
}
