import { i18n } from '#i18n';
import { PROBLEMS, type ProblemCode } from '@src/contract';
import { MAX_API_KEY_LENGTH, MAX_MODEL_ID_LENGTH, MAX_MODELS_PER_REQUEST } from '@src/contract/limits';

/** The limit a code's sentence names as `$1`, from the constant that defines it. */
const LIMITS: Partial<Record<ProblemCode, number>> = {
  apiKeyTooLong: MAX_API_KEY_LENGTH,
  modelIdTooLong: MAX_MODEL_ID_LENGTH,
  modelsTooMany: MAX_MODELS_PER_REQUEST,
};

/**
 * The problem code behind a contract schema's message: the message itself once schemas give codes, or the code
 * whose English text it is; null for a message no contract schema gives.
 */
export function contractProblemCode(message: string): ProblemCode | null {
  if (Object.hasOwn(PROBLEMS, message)) return message as ProblemCode;
  const texts: Array<[string, unknown]> = Object.entries(PROBLEMS);
  const found = texts.find(([, text]) => text === message);
  return found ? (found[0] as ProblemCode) : null;
}

// The code comes in at run time; a sentence that names no limit ignores the substitution.
const localeText = i18n.t as (key: string, substitutions: Array<string | number>) => string;

/** A contract problem in the UI language, from the locale's `reply.problem.<code>`. */
export function contractProblemText(code: ProblemCode): string {
  return localeText(`reply.problem.${code}`, [LIMITS[code] ?? '']);
}
