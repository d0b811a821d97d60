// WXT's fake browser as the bench process's `browser`, imported first by index.ts: the extension's modules pick their
// browser once, when first loaded, and any section may load one (the Chromium section builds a stored record with the
// record's own schema), so it must be in place before any of them is.
import { fakeBrowser } from 'wxt/testing/fake-browser';

Object.assign(globalThis, { browser: fakeBrowser });
