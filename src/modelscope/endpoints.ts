/** The only place that knows ModelScope's URLs. */
export const API_INFERENCE_ORIGIN = 'https://api-inference.modelscope.cn';
export const CHAT_COMPLETIONS_URL = `${API_INFERENCE_ORIGIN}/v1/chat/completions`;
export const MODELS_URL = `${API_INFERENCE_ORIGIN}/v1/models`;
export const MAGICUBE_BALANCE_URL = 'https://modelscope.cn/openapi/v1/magicubes/balance';
export const ACCESS_TOKEN_PAGE_URL = 'https://modelscope.cn/my/myaccesstoken';

/** The smallest chat completion that still returns the quota headers; it spends one call. */
export function probeRequestBody(model: string): string {
  return JSON.stringify({
    model,
    messages: [{ role: 'user', content: 'hi' }],
    max_tokens: 1,
    stream: false,
    // Qwen3-style thinking models reject non-streaming calls without this.
    enable_thinking: false,
  });
}

export function authHeaders(apiKey: string): Record<string, string> {
  return { Authorization: `Bearer ${apiKey}` };
}
