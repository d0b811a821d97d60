// Runs the reliability suites, then writes the figures they recorded to docs/reliability.md (the README links it).
// Usage: npm run reliability:report   (needs Debian's Chromium, like `npm run test:e2e`)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { FIGURES_DIR, type Figures } from '@test/reliability/figures';

const PAGE = 'docs/reliability.md';

const UNIT_SUITES = ['test/reliability/'];
const BROWSER_SUITES = ['test/e2e/restart.test.ts', 'test/e2e/secrets.test.ts', 'test/e2e/no-eval.test.ts', 'test/e2e/firefox-lint.test.ts'];

function run(command: string, args: string[]): void {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\nreliability: \`${command} ${args.join(' ')}\` failed; ${PAGE} is left as it was.`);
    process.exit(1);
  }
}

/** One suite's figures, as the suite wrote them during this run, formatted for the page. */
function figuresOf(suite: string): (name: string) => string {
  const path = join(FIGURES_DIR, `${suite}.json`);
  if (!existsSync(path)) throw new Error(`the ${suite} suite recorded no figures (${path})`);
  const figures = JSON.parse(readFileSync(path, 'utf8')) as Figures;
  return (name) => {
    const value = figures[name];
    if (value === undefined) throw new Error(`the ${suite} suite recorded no "${name}"`);
    return value.toLocaleString('en-US');
  };
}

/** Passing tests per file, from vitest's JSON report of this run. */
function passingTests(report: string): Map<string, number> {
  const { testResults } = JSON.parse(readFileSync(join(FIGURES_DIR, report), 'utf8')) as {
    testResults: Array<{ name: string; assertionResults: Array<{ status: string }> }>;
  };
  return new Map(
    testResults.map((file) => [relative(process.cwd(), file.name), file.assertionResults.filter((test) => test.status === 'passed').length]),
  );
}

function section(): string {
  const tests = new Map([...passingTests('vitest-unit.json'), ...passingTests('vitest-browser.json')]);
  const cases = (...files: string[]) => files.reduce((sum, file) => sum + (tests.get(file) ?? 0), 0).toLocaleString('en-US');
  const faults = figuresOf('faults');
  const fuzz = figuresOf('fuzz');
  const storage = figuresOf('storage');
  const secrets = figuresOf('secrets');
  const chromiumSecrets = figuresOf('secrets-chromium');
  const restart = figuresOf('restart');
  const noEval = figuresOf('no-eval');
  const lint = figuresOf('firefox-lint');
  const rows = [
    [
      'Faults: every upstream behaviour and network fault, alone and mixed in batches of 1, 10 and 50; exact outcome and request count per model, retries bounded',
      cases('test/reliability/faults.test.ts'),
      `${faults('faults')} faults, ${faults('batches')} batches, ${faults('modelOutcomes')} model outcomes, ${faults('requests')} requests counted`,
    ],
    [
      'Fuzzing: generated messages from our pages and from another extension; every reply passes its schema, only a valid balance request spends a call',
      cases('test/reliability/fuzz.test.ts'),
      `${fuzz('messages')} messages (${fuzz('internal')} ours, ${fuzz('external')} external), ${fuzz('validBalance')} of them valid balance requests`,
    ],
    [
      'Storage: each stored item replaced by each kind of garbage is repaired alone; migrations from every version; storage.local bounded',
      cases('test/reliability/storage.test.ts'),
      `${storage('garbageCases')} garbage cases over ${storage('itemsCovered')} stored items, ${storage('migrationVersions')} versions migrated, ` +
        `${storage('peakLocalKB')} KB at most (${storage('peakLocalQuotaPercent')} % of the quota) over ${storage('longRunDays')} days of the busiest use`,
    ],
    [
      'Secrets and trust: the key only in the storage area chosen; never in console, errors, exports without keys or replies to other extensions; only ModelScope contacted',
      cases('test/reliability/secrets.test.ts', 'test/e2e/secrets.test.ts'),
      `${secrets('replies')} + ${chromiumSecrets('repliesChecked')} replies and ${secrets('consoleLines')} + ${chromiumSecrets('consoleLinesChecked')} console lines searched (Node + Chromium), ` +
        `${chromiumSecrets('requestsRecorded')} browser requests recorded, ${chromiumSecrets('hostsContacted')} hosts contacted`,
    ],
    [
      'Service-worker restarts in Chromium, mid-check and idle: settings kept, no hang, next check and badge back',
      cases('test/e2e/restart.test.ts'),
      `${restart('restarts')} restarts, ${restart('interruptedChecks')} of them mid-check`,
    ],
    [
      'No eval or remote code: CSP violations seen by DevTools on the worker and pages; `web-ext lint` of the Firefox build',
      cases('test/e2e/no-eval.test.ts', 'test/e2e/firefox-lint.test.ts'),
      `${noEval('cspViolations')} CSP violations on ${noEval('pagesAndWorkersWatched')} pages and workers; lint: ${lint('errors')} errors, ${lint('warnings')} warnings`,
    ],
  ];
  return [
    `Written by \`npm run reliability:report\`, which runs the suites below and takes these figures from what they recorded; do not edit by hand.`,
    '',
    '| suite | tests | figures |',
    '| --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

/** The whole page, under its heading. */
function writePage(body: string): void {
  mkdirSync(dirname(PAGE), { recursive: true });
  writeFileSync(PAGE, `# Reliability\n\n${body}\n`);
}

rmSync(FIGURES_DIR, { recursive: true, force: true });
run('npx', ['vitest', 'run', '--project', 'unit', ...UNIT_SUITES, '--reporter=default', '--reporter=json', `--outputFile.json=${join(FIGURES_DIR, 'vitest-unit.json')}`]);
run('npm', ['run', 'build']);
run('node', ['scripts/ensure-browser.mjs']);
run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...BROWSER_SUITES, '--reporter=default', '--reporter=json', `--outputFile.json=${join(FIGURES_DIR, 'vitest-browser.json')}`]);
writePage(section());
console.log(`\nreliability: ${PAGE} is up to date.`);
