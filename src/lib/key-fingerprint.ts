/** Fingerprints worked out in this page or worker, by site and key: a few keys are saved, and each costs a SHA-256. */
const known = new Map<string, Promise<string>>();
const MOST_KNOWN = 32;

/**
 * A short, one-way name for an API key on one site, so results can be stored per account without storing the key
 * beside them. The China site's names predate sites and stay as they were; a key on another site is another account.
 */
export function keyFingerprint(apiKey: string, site: string): Promise<string> {
  const named = site === 'cn' ? apiKey : `${site}\n${apiKey}`;
  let fingerprint = known.get(named);
  if (fingerprint === undefined) {
    if (known.size >= MOST_KNOWN) known.clear();
    fingerprint = digest(named);
    known.set(named, fingerprint);
  }
  return fingerprint;
}

async function digest(named: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(named));
  return [...new Uint8Array(bytes).slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
