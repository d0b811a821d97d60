/** A sensible first list; the free catalogue is the truth about what exists. */
export const DEFAULT_FAVOURITES = [
  'Qwen/Qwen3-Coder-480B-A35B-Instruct',
  'ZhipuAI/GLM-4.7',
  'deepseek-ai/DeepSeek-V4-Flash',
  'moonshotai/Kimi-K2.5',
];
