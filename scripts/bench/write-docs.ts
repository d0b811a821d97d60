import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const BENCH_PAGE = 'docs/bench.md';

/** Writes the report as the whole of docs/bench.md, under its heading; the README links the page. */
export function writeBenchPage(report: string): void {
  mkdirSync(dirname(BENCH_PAGE), { recursive: true });
  writeFileSync(BENCH_PAGE, `# Performance\n\n${report}\n`);
}
