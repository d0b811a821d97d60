/** Credits as whole hundredths, where sums and divisions are exact (in floating point 0.1 + 0.2 is not 0.3). */
export function toHundredths(credits: number): number {
  return Math.round(credits * 100);
}
