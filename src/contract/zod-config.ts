import { z } from 'zod';

// The extension's CSP forbids eval. Without this, zod probes `new Function` as each object schema is built, which
// Chromium reports as a CSP violation. It must run before any schema is built: modules that build schemas without
// importing the contract import this file first.
z.config({ jitless: true });
