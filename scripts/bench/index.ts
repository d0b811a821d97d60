// `npm run bench` (issues 6, 13 and 18): what a check, the free refresh, a new key's first open, learning prices, the
// popup and `balance` cost in time, calls, writes and weight, each figure beside its budget and measured side by side
// with what it is judged against. A benchmark, not a test: it prints figures and exits non-zero when a budget is
// missed. `--write-docs` also writes the report to docs/bench.md.
import './fake-browser-global';
import { cpus, loadavg } from 'node:os';
import { startFakeModelScope } from '@test/fake-modelscope/server';
import { chromiumSection, measureChromium } from './chromium';
import { strategies } from './engines';
import { firstOpenSection, measureFirstOpen } from './first-open';
import { freeRefreshSection, measureFreeRefresh } from './free-refresh';
import { learningSection, measureLearning } from './learning';
import { measureOverhead, overheadSection } from './overhead';
import { measureQuotaSession, quotaSection } from './quota-session';
import { renderReport, summarize, type Section } from './report';
import { measureSize, sizeSection } from './size';
import { CONCURRENCY_LIMITED, IN_FLIGHT_LIMIT, REALISTIC } from './upstream';
import { limitedSection, measureWallTime, unlimitedSection, type SizePlan } from './wall-time';
import { BENCH_PAGE, writeBenchPage } from './write-docs';
import { measureWrites, writesSection } from './writes';

// At least 5 runs for the small batches; 3 for 20 models, whose one-after-the-other runs take 7 s each. 50 models get
// 7 despite their 16 s ones: a single retried 503 page in the last round trip moves the batch by half its time.
const PLAN: readonly SizePlan[] = [
  { models: 1, runs: 5 },
  { models: 8, runs: 5 },
  { models: 20, runs: 3 },
  { models: 50, runs: 7 },
];
// Without one after the other, more runs fit: a single retried 503 page moves a small batch's time a lot.
const LIMITED_PLAN: readonly SizePlan[] = [
  { models: 1, runs: 5 },
  { models: 8, runs: 9 },
  { models: 20, runs: 7 },
  { models: 50, runs: 5 },
];

const UNLIMITED_STRATEGIES = strategies(IN_FLIGHT_LIMIT).filter((s) => s.name !== 'fixedBound');
// One after the other never meets the limit: its figures are those of the unlimited upstream.
const LIMITED_STRATEGIES = strategies(IN_FLIGHT_LIMIT).filter((s) => s.name !== 'oneAfterAnother');

const UPSTREAM_NOTE =
  `Upstream: the project's fake ModelScope, seeded, ${REALISTIC.latencyMs} ms + 0–${REALISTIC.jitterMs} ms to headers, ` +
  `${(REALISTIC.transientFailureRate ?? 0) * 100} % of probes answered by a 503 HTML gateway page; in the same Node ` +
  'process over plain HTTP on 127.0.0.1 with the production URLs routed to it. Models: the fake\'s pool of plain models ' +
  '(all four quota headers), a fresh quota for every run.';

const LIMITED_NOTE = `Upstream: as above, and a header-less 429 for any probe that arrives while ${IN_FLIGHT_LIMIT} are in flight.`;

/** A section whose measurement failed still shows up, as one missed budget, so a broken run cannot look clean. */
async function attempt(title: string, measure: () => Promise<Section> | Section): Promise<Section> {
  try {
    return await measure();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return { title, columns: ['error'], rows: [[message]], notes: [], budgets: [{ name: title, met: false }] };
  }
}

function progress(step: string): void {
  console.error(`bench: ${step}…`);
}

// Other work on the machine moves every figure; its load when the bench began is said with them.
const loadAtStart = loadavg()[0]!;
const sections: Section[] = [];
const fake = await startFakeModelScope();
try {
  progress('wall time, unlimited upstream');
  sections.push(
    await attempt('Wall time, unlimited upstream', async () =>
      unlimitedSection(await measureWallTime(fake, REALISTIC, PLAN, UNLIMITED_STRATEGIES), UPSTREAM_NOTE),
    ),
  );
  progress(`wall time, upstream limited to ${IN_FLIGHT_LIMIT} in flight`);
  sections.push(
    await attempt('Wall time, limited upstream', async () =>
      limitedSection(await measureWallTime(fake, CONCURRENCY_LIMITED, LIMITED_PLAN, LIMITED_STRATEGIES), LIMITED_NOTE),
    ),
  );
  progress('overhead per probe');
  sections.push(await attempt('Overhead per probe', async () => overheadSection(await measureOverhead(fake))));
  progress('quota session');
  sections.push(await attempt('Quota session', async () => quotaSection(await measureQuotaSession(fake))));
  progress('the free refresh');
  sections.push(await attempt('The free refresh', async () => freeRefreshSection(await measureFreeRefresh(fake))));
  progress("a new key's first open");
  sections.push(await attempt("A new key's first open", async () => firstOpenSection(await measureFirstOpen(fake))));
  progress('the fallback: learning prices from the ledger');
  sections.push(await attempt('The fallback: learning prices', async () => learningSection(await measureLearning(fake))));
  progress('storage writes and CPU time of a check');
  sections.push(await attempt('Storage writes', async () => writesSection(await measureWrites(fake))));
} finally {
  await fake.close();
}
progress("Debian's Chromium");
sections.push(await attempt("In Debian's Chromium", async () => chromiumSection(await measureChromium())));
sections.push(await attempt('Size', () => sizeSection(measureSize())));

const cpu = cpus();
const preamble = [
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ` +
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${process.platform}, load average ${loadAtStart.toFixed(2)} at the ` +
    'start. Written by `npm run bench -- --write-docs`; ' +
    'do not edit by hand.',
];
const report = renderReport(preamble, sections);
console.log(report);
if (process.argv.includes('--write-docs')) {
  writeBenchPage(report);
  console.error(`bench: ${BENCH_PAGE} written`);
}
const { missed } = summarize(sections);
for (const budget of missed) console.error(`  missed: ${budget.name}`);
process.exitCode = missed.length > 0 ? 1 : 0;
