import type { Site } from '@src/contract';

/**
 * A sensible first list for each site; the free catalogue of the site is the truth about what exists. The China site's
 * are models its provider list showed served by API-Inference (2026-08): the earlier defaults (Qwen3-Coder-480B,
 * GLM-4.7) are served by DashScope alone, which a ModelScope token cannot call.
 */
const DEFAULTS: Readonly<Record<Site, readonly string[]>> = {
  cn: ['Qwen/Qwen3.5-397B-A17B', 'deepseek-ai/DeepSeek-V4-Pro', 'ZhipuAI/GLM-5.2', 'Qwen/Qwen3-Coder-30B-A3B-Instruct', 'stepfun-ai/Step-3.7-Flash'],
  // Only models known to be served on both sites; our pages seed an international list from its catalogue instead.
  ai: ['Qwen/Qwen3-Coder-480B-A35B-Instruct', 'deepseek-ai/DeepSeek-V4-Flash'],
};

export const DEFAULT_FAVOURITES: string[] = [...DEFAULTS.cn];

export function defaultFavourites(site: Site): string[] {
  return [...DEFAULTS[site]];
}
