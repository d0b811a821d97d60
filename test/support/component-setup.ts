import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveLocale } from './i18n';

beforeEach(async () => {
  fakeBrowser.reset();
  await serveLocale('en');
});
afterEach(() => cleanup());
