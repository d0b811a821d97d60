import { z } from 'zod/mini';

/** ModelScope's two sites: China (modelscope.cn) and International (modelscope.ai). Each has its own hosts and prices. */
export const SITES = ['cn', 'ai'] as const;
export const SiteSchema = z.enum(SITES, { error: 'siteUnknown' });
export type Site = z.infer<typeof SiteSchema>;
export const DEFAULT_SITE: Site = 'cn';

/** A request's `site`: which site the key it sends belongs to; the China site when absent, as before sites existed. */
export const RequestSiteSchema = z.optional(SiteSchema);
