/**
 * A short, one-way name for an API key on one site, so results can be stored per account without storing the key
 * beside them. The China site's names predate sites and stay as they were; a key on another site is another account.
 */
export async function keyFingerprint(apiKey: string, site: string): Promise<string> {
  const named = site === 'cn' ? apiKey : `${site}\n${apiKey}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(named));
  return [...new Uint8Array(digest).slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
