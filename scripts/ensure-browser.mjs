// Browser tests use Debian's Chromium and Firefox ESR, never a downloaded browser, plus CJK fonts so the Chinese
// screenshots are legible.
// Installs what is missing when it may (root with apt); otherwise says what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needs = [
  { pkg: 'chromium', present: ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].some((path) => existsSync(path)), required: true },
  { pkg: 'firefox-esr', present: existsSync('/usr/bin/firefox-esr'), required: true },
  // Firefox shows an extension in Chinese only when its own interface can be Chinese.
  { pkg: 'firefox-esr-l10n-zh-cn', present: existsSync('/usr/lib/firefox-esr/browser/extensions/langpack-zh-CN@firefox-esr.mozilla.org.xpi'), required: true },
  // The browser's own permission prompt (optional host permissions) has no automation API: a test accepts it as a
  // person would, with the keyboard, in a headed Chromium on a virtual display.
  { pkg: 'xvfb', present: existsSync('/usr/bin/Xvfb'), required: true },
  { pkg: 'xdotool', present: existsSync('/usr/bin/xdotool'), required: true },
  { pkg: 'fonts-noto-cjk', present: existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'), required: false },
];
const missing = needs.filter((need) => !need.present);

if (missing.length === 0) process.exit(0);
const names = missing.map((need) => need.pkg);
if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log(`Installing Debian packages for the browser tests: ${names.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { stdio: 'inherit', env });
} else if (missing.some((need) => need.required)) {
  console.error(`The browser tests need Debian packages: sudo apt-get install ${names.join(' ')}`);
  process.exit(1);
} else {
  console.warn(`Chinese text in screenshots will not render without: sudo apt-get install ${names.join(' ')}`);
}
