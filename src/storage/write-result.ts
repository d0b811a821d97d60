import type { z } from 'zod/mini';

/**
 * Why a write did not land, as a code with parameters (the page puts it into words): a value its schema refused
 * (`issue` is the schema's problem code, or `invalidValue` for one no schema names), a change that declined
 * (`issue` says why), or storage itself failing (only the error's name, never its text).
 */
export type WriteProblem =
  | { code: 'invalid'; key: string; issue: string; path: string; params: Record<string, number> }
  | { code: 'declined'; key: string; issue: string }
  | { code: 'storage_failed'; key: string; name: string };

export type WriteResult<T> = { ok: true; value: T } | { ok: false; problem: WriteProblem };

/** What a change hands back instead of a value when it cannot apply (the key it edits is gone, say). */
export interface Declined {
  readonly declined: string;
}
export const decline = (issue: string): Declined => ({ declined: issue });
export const isDeclined = (value: unknown): value is Declined =>
  typeof value === 'object' && value !== null && Object.keys(value).length === 1 && typeof (value as Declined).declined === 'string';

/** Problem codes are what schemas here give as messages: camelCase words, never sentences. */
const PROBLEM_CODE = /^[a-z][A-Za-z]*$/;

export function invalidProblem(key: string, error: z.core.$ZodError): WriteProblem {
  const issue = error.issues[0];
  const params: Record<string, number> = {};
  if (issue?.code === 'too_big') params.max = Number(issue.maximum);
  if (issue?.code === 'too_small') params.min = Number(issue.minimum);
  return {
    code: 'invalid',
    key,
    issue: issue && PROBLEM_CODE.test(issue.message) ? issue.message : 'invalidValue',
    path: issue?.path.map(String).join('.') ?? '',
    params,
  };
}

export function storageFailed(key: string, error: unknown): WriteProblem {
  return { code: 'storage_failed', key, name: error instanceof Error ? error.name : 'unknown error' };
}
