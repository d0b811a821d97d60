import { describe, expect, it } from 'vitest';
import { MAGICUBE_BALANCE_URL, magicubeAuthHeaders, magicubeTransactionsUrl } from './endpoints';

const KEY = `ms-${'ab12'.repeat(8)}`;

describe('magicubeTransactionsUrl', () => {
  it('asks for one page of one transaction type, 100 rows a page', () => {
    expect(magicubeTransactionsUrl('SPEND_CONFIRM', 3)).toBe(
      'https://modelscope.cn/openapi/v1/magicubes/transactions?type=SPEND_CONFIRM&page=3&page_size=100',
    );
    expect(new URL(magicubeTransactionsUrl('EARN', 1)).searchParams.get('type')).toBe('EARN');
  });
});

describe('magicubeAuthHeaders', () => {
  it.each([MAGICUBE_BALANCE_URL, 'https://www.modelscope.cn/x', 'https://www.modelscope.ai/openapi/v1/magicubes/balance'])(
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
