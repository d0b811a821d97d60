// The store folder says what the extension is and does: its listing must match the extension's own name and
// description, and its privacy policy must name every host the extension may contact, and no other.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

const LANGUAGES = [
  { locale: 'en', listing: 'store/listing.en.md', policy: 'store/privacy-policy.en.md' },
  { locale: 'zh_CN', listing: 'store/listing.zh_CN.md', policy: 'store/privacy-policy.zh_CN.md' },
] as const;

/** The text under each `## ` heading, in order. */
function sections(markdown: string): string[] {
  return markdown.split(/^## .*$/m).slice(1).map((text) => text.trim());
}

/** A top-level `key: value` of a locale file (both keys are plain one-line strings). */
function localeString(locale: string, key: string): string | undefined {
  return new RegExp(`^${key}: (.+)$`, 'm').exec(readFileSync(`locales/${locale}.yml`, 'utf8'))?.[1]?.trim();
}

function hostPermissions(browser: 'chrome' | 'firefox'): string[] {
  const manifest = config.manifest as (env: { browser: string; manifestVersion: 3; mode: string; command: string }) => {
    host_permissions?: string[];
    optional_host_permissions?: string[];
  };
  const built = manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
  // The international site's hosts are optional, but once the user allows them they are contacted like the others.
  return [...(built.host_permissions ?? []), ...(built.optional_host_permissions ?? [])];
}

describe.each(LANGUAGES)('the store texts ($locale)', ({ locale, listing, policy }) => {
  it('lists the extension under its own name and description, within the Chrome Web Store’s 132 characters', () => {
    const [name, short, description] = sections(readFileSync(listing, 'utf8'));
    expect(name).toBe(localeString(locale, 'extName'));
    expect(short).toBe(localeString(locale, 'extDescription'));
    expect(short?.length).toBeLessThanOrEqual(132);
    expect(description?.length).toBeGreaterThan(500);
  });

  it('names in its privacy policy every host the extension may contact, and no other', () => {
    const text = readFileSync(policy, 'utf8');
    const permitted = new Set([...hostPermissions('chrome'), ...hostPermissions('firefox')].map((pattern) => new URL(pattern.replace('/*', '/')).host));
    const named = new Set([...text.matchAll(/\b(?:[a-z0-9-]+\.)+(?:cn|ai|com|org|net|dev|io)\b/g)].map((match) => match[0]));
    expect([...named].sort()).toEqual([...permitted].sort());
  });
});
