import { describe, expect, it } from 'vitest';
import { looksLikeModelId } from './model-id';

describe('looksLikeModelId', () => {
  it.each(['ZhipuAI/GLM-4.7', 'Qwen/Qwen3-Coder-480B-A35B-Instruct', 'deepseek-ai/DeepSeek-V4-Flash', 'MiniMax/MiniMax-M2.5', 'a/b'])(
    'accepts %s',
    (id) => expect(looksLikeModelId(id)).toBe(true),
  );
  it.each(['GLM-4.7', 'ZhipuAI/', '/GLM', 'ZhipuAI / GLM', 'a/b/c', 'ZhipuAI\\GLM', '', 'https://modelscope.cn/models/a/b'])(
    'refuses %j',
    (id) => expect(looksLikeModelId(id)).toBe(false),
  );
});
