import { describe, expect, it } from 'vitest';
import { accessTokenPageUrl, chatCompletionsUrl, magicubeAuthHeaders, magicubeBalanceUrl, magicubeTransactionsUrl, modelsUrl, siteHostPatterns } from './endpoints';

const KEY = `ms-${'ab12'.repeat(8)}`;

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

describe('magicubeAuthHeaders', () => {
  it.each([magicubeBalanceUrl('cn'), 'https://www.modelscope.cn/x', 'https://www.modelscope.ai/openapi/v1/magicubes/balance'])(
    'sends the token three ways to a ModelScope host (%s)',
    (url) =>
      expect(magicubeAuthHeaders(url, KEY)).toEqual({
        Authorization: `Bearer ${KEY}`,
        'OpenAPI-Token': KEY,
        'X-Modelfun-Token': KEY,
      }),
  );

  it.each(['https://modelscope.cn.example.com/x', 'https://example.com/modelscope.cn', 'not a url'])(
    'sends only the Bearer token anywhere else (%s)',
    (url) => expect(magicubeAuthHeaders(url, KEY)).toEqual({ Authorization: `Bearer ${KEY}` }),
  );
});
