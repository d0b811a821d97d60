import { z } from 'zod/v4/mini';

// The extension's CSP forbids eval, and Chromium reports even a `new Function` probe that zod catches as a CSP
// violation. zod/mini compiles no parser today, but zod is told it is jitless all the same, before any schema exists:
// the build resolves every import of 'zod/mini' to this module (which takes the same code from 'zod/v4/mini', a name
// the alias leaves alone) and keeps modules in import order (wxt.config.ts), so this runs first in every bundle.
z.config({ jitless: true });

export * from 'zod/v4/mini';
