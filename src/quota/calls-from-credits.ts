import { toHundredths } from './hundredths';

/**
 * Whole calls the available credits still pay for at `price` credits a call, counted in hundredths so that 10.5 / 0.5
 * is 21, not 20.999…; null when the price is unknown or not positive.
 */
export function callsLeftFromCredits(available: number, price: number | null): number | null {
  if (price === null || !Number.isFinite(available)) return null;
  const priceHundredths = toHundredths(price);
  if (priceHundredths <= 0) return null;
  return Math.floor(Math.max(0, toHundredths(available)) / priceHundredths);
}
