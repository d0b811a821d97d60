import { describe, expect, it } from 'vitest';
import { accessTokenPageUrl, chatCompletionsUrl, magicubeBalanceUrl, magicubeTransactionsUrl, modelPageUrl, modelsUrl, providerListUrl, siteHostPatterns } from './endpoints';

describe('magicubeTransactionsUrl', () => {
  it('asks for one page of one transaction type, 100 rows a page', () => {
    expect(magicubeTransactionsUrl('cn', 'SPEND_CONFIRM', 3)).toBe(
      'https://modelscope.cn/openapi/v1/magicubes/transactions?type=SPEND_CONFIRM&page=3&page_size=100',
    );
    expect(new URL(magicubeTransactionsUrl('cn', 'EARN', 1)).searchParams.get('type')).toBe('EARN');
  });
});

describe('each site has its own hosts', () => {
  it('sends the international site to modelscope.ai hosts only', () => {
    const urls = [chatCompletionsUrl('ai'), modelsUrl('ai'), magicubeBalanceUrl('ai'), magicubeTransactionsUrl('ai', 'EARN', 1), accessTokenPageUrl('ai')];
    expect(urls.map((url) => new URL(url).host)).toEqual(['api-inference.modelscope.ai', 'api-inference.modelscope.ai', 'www.modelscope.ai', 'www.modelscope.ai', 'modelscope.ai']);
  });

  it('keeps the China site on modelscope.cn hosts', () => {
    expect(chatCompletionsUrl('cn')).toBe('https://api-inference.modelscope.cn/v1/chat/completions');
    expect(magicubeBalanceUrl('cn')).toBe('https://modelscope.cn/openapi/v1/magicubes/balance');
    expect(accessTokenPageUrl('cn')).toBe('https://modelscope.cn/my/myaccesstoken');
  });

  it('names the host permissions each site needs, none of the other site', () => {
    expect(siteHostPatterns('cn')).toEqual(['https://api-inference.modelscope.cn/*', 'https://modelscope.cn/*']);
    expect(siteHostPatterns('ai')).toEqual(['https://api-inference.modelscope.ai/*', 'https://www.modelscope.ai/*', 'https://modelscope.ai/*']);
  });
});

describe('the provider list', () => {
  it('is asked keyless, of the China site on a host the manifest holds, with the model id as one parameter', () => {
    const url = new URL(providerListUrl('cn', 'Qwen/Qwen3.5-397B-A17B'));
    expect(`${url.origin}${url.pathname}`).toBe('https://modelscope.cn/api/v1/inference/list_model_providers');
    expect(url.searchParams.get('ModelId')).toBe('Qwen/Qwen3.5-397B-A17B');
    expect(siteHostPatterns('cn')).toContain(`${url.origin}/*`);
    expect(new URL(providerListUrl('ai', 'a/b')).host).toBe('www.modelscope.ai');
  });

  it('cannot be steered elsewhere by a model id', () => {
    const url = new URL(providerListUrl('cn', 'a/b&ModelId=x#frag'));
    expect(url.searchParams.getAll('ModelId')).toEqual(['a/b&ModelId=x#frag']);
    expect(url.host).toBe('modelscope.cn');
  });

  it('links a model’s page on its site', () => {
    expect(modelPageUrl('cn', 'ZhipuAI/GLM-4.7')).toBe('https://modelscope.cn/models/ZhipuAI/GLM-4.7');
    expect(modelPageUrl('ai', 'a b/c?d')).toBe('https://modelscope.ai/models/a%20b/c%3Fd');
  });
});
