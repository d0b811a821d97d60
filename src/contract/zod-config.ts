import { z } from 'zod/v4';

// The extension's CSP forbids eval. Told too late, zod probes `new Function` as it builds each object schema, which
// Chromium reports as a CSP violation. The build resolves every import of 'zod' to this module and keeps modules in
// import order (wxt.config.ts), so in every bundle zod is told before any schema exists.
z.config({ jitless: true });

export * from 'zod/v4';
