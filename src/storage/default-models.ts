import type { Site } from '@src/contract';

/** A sensible first list for each site; the free catalogue of the site is the truth about what exists. */
const DEFAULTS: Readonly<Record<Site, readonly string[]>> = {
  cn: ['Qwen/Qwen3-Coder-480B-A35B-Instruct', 'ZhipuAI/GLM-4.7', 'deepseek-ai/DeepSeek-V4-Flash', 'moonshotai/Kimi-K2.5'],
  // Only models known to be served on both sites; our pages seed an international list from its catalogue instead.
  ai: ['Qwen/Qwen3-Coder-480B-A35B-Instruct', 'deepseek-ai/DeepSeek-V4-Flash'],
};

export const DEFAULT_FAVOURITES: string[] = [...DEFAULTS.cn];

export function defaultFavourites(site: Site): string[] {
  return [...DEFAULTS[site]];
}
