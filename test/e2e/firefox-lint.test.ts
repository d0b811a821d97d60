// The Firefox build passes Mozilla's own checks (`web-ext lint`, the addons-linter AMO runs) with no errors.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFigures } from '../reliability/figures';
import { releaseBuildEnv } from '../support/release-env';

const FIREFOX_DIR = resolve('.output/firefox-mv3');
const WEB_EXT = resolve('node_modules/.bin/web-ext');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

describe('the Firefox build', () => {
  let report: LintReport;
  beforeAll(() => {
    // Built as it ships: under vitest's NODE_ENV=test it would bundle React's development build instead.
    execFileSync('npm', ['run', 'build:firefox'], { stdio: 'ignore', env: releaseBuildEnv() });
    // web-ext exits non-zero when it finds errors; the report is on stdout either way.
    const run = (): string => {
      try {
        return execFileSync(WEB_EXT, ['lint', '--source-dir', FIREFOX_DIR, '--output', 'json', '--no-input'], { encoding: 'utf8' });
      } catch (error) {
        return String((error as { stdout?: unknown }).stdout ?? '');
      }
    };
    report = JSON.parse(run()) as LintReport;
    writeFigures('firefox-lint', { errors: report.summary.errors, warnings: report.summary.warnings, notices: report.summary.notices });
  }, 120_000);

  it('passes web-ext lint with no errors', () => {
    expect(report.errors.map((error) => `${error.code} ${error.file ?? ''}: ${error.message}`)).toEqual([]);
  });

  it('declares its data collection in a way every Firefox it allows (desktop and Android) understands', () => {
    const dataWarnings = report.warnings.filter((warning) => /DATA_COLLECTION|UNSUPPORTED_BY_MIN_VERSION/.test(warning.code));
    expect(dataWarnings.map((warning) => `${warning.code}: ${warning.message}`)).toEqual([]);
  });

  it('warns of no eval at all: zod/mini ships no `new Function` probe', () => {
    const evalWarnings = report.warnings.filter((warning) => warning.code === 'DANGEROUS_EVAL');
    expect(evalWarnings.map((warning) => `${warning.file ?? ''}: ${warning.message}`)).toEqual([]);
  });
});
