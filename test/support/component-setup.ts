import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveLocale } from './i18n';

// The unit project's fuzzing and reliability suites run beside these on the same two cores and can starve them for
// over a second: a `findBy…` waits up to 4 s for what it looks for, under the 5 s test timeout so a miss still says
// what it missed (a passing test waits no longer than before).
configure({ asyncUtilTimeout: 4000 });

beforeEach(async () => {
  fakeBrowser.reset();
  await serveLocale('en');
});
afterEach(() => cleanup());
