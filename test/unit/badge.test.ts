import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { written } from '../support/written';
import { BADGE_COLOURS } from '@src/quota/badge-state';
import { favouriteListsItem } from '@src/storage/favourite-lists';
import { addKey, setActiveKey } from '@src/storage/keyring';
import { DEMO_KEY, FAKE_NO_HEADERS, REVOKED_KEY } from '../fake-modelscope/behaviours';
import { backgroundAgainstFake, startBackground, command } from '../support/background';
import { setActiveListModels } from '../support/active-list';

const [GLM, KIMI, FLASH] = ['ZhipuAI/GLM-5.2', 'moonshotai/Kimi-K2.5', 'deepseek-ai/DeepSeek-V4-Flash'];

/**
 * Re-checks every row by hand (↻): a model whose price the provider list gives is otherwise not probed at all, and only
 * a probe tells its quota headers, which this fake (the world before credits) still sends.
 */
const recheck = () => command({ command: 'check', force: true });

const ctx = backgroundAgainstFake();

const hex = (rgba: number[]) => `#${rgba.slice(0, 3).map((n) => n.toString(16).padStart(2, '0')).join('')}`;
const badgeText = () => fakeBrowser.action.getBadgeText({});
async function badge() {
  return {
    text: await fakeBrowser.action.getBadgeText({}),
    background: hex(await fakeBrowser.action.getBadgeBackgroundColor({})),
    textColour: await fakeBrowser.action.getBadgeTextColor({}),
    title: await fakeBrowser.action.getTitle({}),
  };
}

describe('the toolbar badge', () => {
  it('asks for a key, in grey, before one is saved', async () => {
    await expect.poll(badgeText).toBe('?');
    expect(await badge()).toMatchObject({ background: BADGE_COLOURS.unknown.background, title: 'ModelScope Quota\nNo API key is saved. Open the popup to add one.' });
  });

  it('shows the lowest remaining among the active favourites after a check, coloured by its share', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels([GLM, KIMI]);
    await expect.poll(async () => (await badge()).title).toContain('No results yet for the active list');
    ctx.fake.setModelRemaining(DEMO_KEY, GLM, 42);
    await recheck();
    await expect.poll(badgeText).toBe('41');
    const shown = await badge();
    expect(shown).toMatchObject({ background: BADGE_COLOURS.critical.background, textColour: BADGE_COLOURS.critical.text });
    expect(shown.title).toMatch(
      /^ModelScope Quota\nFewest calls left: ZhipuAI\/GLM-5\.2\nModel calls left today: 41 of 500\nAccount calls left today: 199\d of 2000\nThe badge shows the model’s own quota, checked .+\.$/,
    );
    expect(shown.title).not.toContain(DEMO_KEY);
  });

  it('follows the account when it has fewer calls left than any model, in amber from 10 %', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels([GLM]);
    ctx.fake.setAccountRemaining(DEMO_KEY, 300);
    await recheck();
    await expect.poll(badgeText).toBe('299');
    expect(await badge()).toMatchObject({ background: BADGE_COLOURS.low.background, title: expect.stringContaining('the account’s quota') });
  });

  it('shows 1.2k-style text for large counts, in green from 50 %', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels([GLM]);
    ctx.fake.setModelRemaining(DEMO_KEY, GLM, 500);
    ctx.fake.setAccountRemaining(DEMO_KEY, 1300);
    await recheck();
    // The model has 499 left, the account 1299: the model's figure is the lower one.
    await expect.poll(badgeText).toBe('499');
    expect((await badge()).background).toBe(BADGE_COLOURS.ok.background);
  });

  it('follows a change of active list or key at once, without a probe', async () => {
    const main = written(await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' }));
    await setActiveListModels([GLM, KIMI]);
    ctx.fake.setModelRemaining(DEMO_KEY, KIMI, 20);
    await recheck();
    await expect.poll(badgeText).toBe('19');
    await setActiveListModels([GLM]);
    await expect.poll(badgeText).toBe('499');
    const other = written(await addKey({ label: 'Other', secret: `ms-${'7'.repeat(32)}`, remember: true, site: 'cn' }));
    await setActiveKey(other.id);
    await expect.poll(badgeText).toBe('?');
    await setActiveKey(main.id);
    await expect.poll(badgeText).toBe('499');
    expect(ctx.fake.probes()).toHaveLength(2);
    expect((await favouriteListsItem.get()).lists).toHaveLength(1);
  });

  it('shows a red ! when the key is refused, naming the key’s label and never the key', async () => {
    await addKey({ label: 'Old token', secret: REVOKED_KEY, remember: true, site: 'cn' });
    await setActiveListModels([GLM]);
    await command({ command: 'check' });
    await expect.poll(badgeText).toBe('!');
    const shown = await badge();
    expect(shown.background).toBe(BADGE_COLOURS.critical.background);
    expect(shown.title).toMatch(/^ModelScope Quota\nModelScope refused the active key “Old token” \(checked .+\)\./);
    expect(shown.title).not.toContain(REVOKED_KEY);
  });

  it('shows the Magicube balance in its own colour when ModelScope reports no quota, reading it for free', async () => {
    await addKey({ label: 'Main', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels([FAKE_NO_HEADERS]);
    await command({ command: 'check' });
    await expect.poll(badgeText).toBe('140');
    const shown = await badge();
    expect(shown.background).toBe(BADGE_COLOURS.magicube.background);
    expect(shown.title).toContain('Magicube balance: 140 available (Magicube credits, not calls)');
    // One probe; the balance read before it (the account was never read) and once after, to show what it spent.
    const calls = ctx.fake.requests.flatMap((request) => (request.path === '/openapi/v1/magicubes/balance' || request.path === '/v1/chat/completions' ? [request.path] : []));
    expect(calls).toEqual(['/openapi/v1/magicubes/balance', '/v1/chat/completions', '/openapi/v1/magicubes/balance']);
  });

  it('says so in Chinese', async () => {
    ctx.background = await startBackground(ctx.fake, 'zh_CN');
    await addKey({ label: '主密钥', secret: DEMO_KEY, remember: true, site: 'cn' });
    await setActiveListModels([FLASH]);
    await recheck();
    await expect.poll(badgeText).toBe('199');
    expect((await badge()).title).toMatch(/^ModelScope 额度\n剩余调用最少：deepseek-ai\/DeepSeek-V4-Flash\n模型今天剩余调用：199 \/ 200\n/);
  });
});
