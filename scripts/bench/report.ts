// The bench's output: sections of markdown-compatible tables, each budget judged where its figure is shown.

export interface Budget {
  name: string;
  met: boolean;
}

export interface Section {
  title: string;
  columns: string[];
  rows: string[][];
  /** How the figures were measured, in a line each. */
  notes: string[];
  budgets: Budget[];
}

export const verdict = (met: boolean): string => (met ? 'met' : '**MISSED**');

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function table(columns: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map(line)];
}

export function renderSection(section: Section): string {
  const notes = section.notes.map((note) => `- ${note}`);
  return [`### ${section.title}`, '', ...table(section.columns, section.rows), '', ...notes].join('\n');
}

export function summarize(sections: Section[]): { line: string; missed: Budget[] } {
  const budgets = sections.flatMap((section) => section.budgets);
  const missed = budgets.filter((budget) => !budget.met);
  const tail = missed.length === 0 ? `${budgets.length} met` : `${budgets.length - missed.length} met, ${missed.length} missed`;
  return { line: `bench: ${budgets.length} budgets, ${tail}`, missed };
}

export function renderReport(preamble: string[], sections: Section[]): string {
  const { line } = summarize(sections);
  return [...preamble, '', ...sections.map(renderSection).flatMap((text) => [text, '']), line].join('\n');
}
