import { z } from 'zod';

/** ModelScope's two sites: China (modelscope.cn) and International (modelscope.ai). Each has its own hosts and prices. */
export const SITES = ['cn', 'ai'] as const;
export const SiteSchema = z.enum(SITES);
export type Site = z.infer<typeof SiteSchema>;
export const DEFAULT_SITE: Site = 'cn';
