// Browser tests use Debian's Chromium, never a downloaded one. Installs it when missing and we may (root, apt).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

const found = CHROMIUM_PATHS.find((path) => existsSync(path));
if (found) {
  console.log(`Chromium: ${found}`);
} else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log("Chromium is missing: installing Debian's chromium package…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
} else {
  console.error('The browser tests need Debian\'s Chromium: run `sudo apt-get install chromium` and try again.');
  process.exit(1);
}
