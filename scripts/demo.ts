// `npm run demo`: the built extension in Debian's Chromium against the fake ModelScope, with a demo key, so a
// newcomer sees it work without a ModelScope account. With no display it runs headless and saves screenshots.
import { DEMO_KEY, FAKE_EXHAUSTED, FAKE_NO_HEADERS } from '@test/fake-modelscope/behaviours';
import { launchExtension, SCREENSHOT_DIR } from '@test/e2e/harness';
import { seededKey, seededList } from '@test/support/seeds';

const DEMO_FAVOURITES = ['Qwen/Qwen3.5-397B-A17B', 'deepseek-ai/DeepSeek-V4-Pro', 'ZhipuAI/GLM-4.7', FAKE_EXHAUSTED, FAKE_NO_HEADERS];
const headless = !process.env.DISPLAY;

const session = await launchExtension({ headless });
const popup = await session.openPage('popup', { width: 600, height: 600 });
await popup.evaluate((seed) => chrome.storage.local.set(seed), { ...seededKey(DEMO_KEY, 'Demo'), ...seededList(DEMO_FAVOURITES) });
await popup.reload();
await popup.getByRole('button', { name: /^Check/ }).click();
await popup.getByRole('status').waitFor();
console.log(`Popup says: ${await popup.getByRole('status').textContent()}`);
console.log(`The fake ModelScope received ${session.fake.probes().length} probes.`);

if (headless) {
  await session.screenshot(popup, 'demo-popup');
  const options = await session.openPage('options', { width: 800, height: 900 });
  await session.screenshot(options, 'demo-options');
  console.log(`No display: screenshots saved in ${SCREENSHOT_DIR} (demo-popup.png, demo-options.png).`);
  await session.close();
} else {
  console.log('The extension is loaded in the Chromium window. Close the window (or press Ctrl+C) to stop.');
  await new Promise<void>((resolve) => {
    session.context.on('close', () => resolve());
    process.on('SIGINT', () => resolve());
  });
  await session.close().catch(() => undefined);
}
