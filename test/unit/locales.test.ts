import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { PROBLEMS } from '@src/contract';

async function messages(locale: string): Promise<Map<string, string>> {
  const parsed = await parseMessagesFile(`locales/${locale}.yml`);
  return new Map(parsed.map((message) => [message.key.join('.'), JSON.stringify(message)]));
}

/** The substitutions a message uses ($1…$9), so a translation cannot silently drop a number. */
function substitutions(serialized: string): string[] {
  return [...new Set(serialized.match(/\$[1-9]/g) ?? [])].sort();
}

describe('locales', () => {
  it('English and Simplified Chinese have exactly the same messages, with the same substitutions', async () => {
    const [en, zh] = await Promise.all([messages('en'), messages('zh_CN')]);
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, english] of en) {
      expect({ key, subs: substitutions(zh.get(key) ?? '') }).toEqual({ key, subs: substitutions(english) });
    }
  });

  it('the Chinese locale is really translated', async () => {
    const zh = await messages('zh_CN');
    const withHan = [...zh.values()].filter((text) => /[\u4e00-\u9fff]/.test(text));
    expect(withHan.length / zh.size).toBeGreaterThan(0.9);
  });

  it('says every request problem the contract can report in both languages', async () => {
    const [en, zh] = await Promise.all([messages('en'), messages('zh_CN')]);
    for (const code of Object.keys(PROBLEMS)) {
      expect(en.has(`reply.problem.${code}`), code).toBe(true);
      expect(zh.has(`reply.problem.${code}`), code).toBe(true);
    }
  });
});
