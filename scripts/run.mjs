// Runs a TypeScript script with the project's import aliases (the ones wxt.config.ts gives the build and the tests).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { createJiti } from 'jiti';

const root = fileURLToPath(new URL('..', import.meta.url));
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/run.mjs <script.ts> [args…]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(script), ...args];
const jiti = createJiti(import.meta.url, { alias: { '@src': resolve(root, 'src'), '@test': resolve(root, 'test') } });
await jiti.import(pathToFileURL(resolve(script)).href);
