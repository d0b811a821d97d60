import { MAX_API_KEY_LENGTH, MAX_MODEL_ID_LENGTH, MAX_MODELS_PER_REQUEST } from './limits';

/** What a problem's words take as `$1`: the caller's value (an unknown type), or the limit a value went over. */
export interface ProblemParams {
  value?: string;
  max?: number;
}

/**
 * What can be wrong with a request, by code. The schemas give these codes as their messages; the words are in the
 * locale files (`reply.problem.<code>`). Each code's fixed parameters are here: a limit comes from the constant the
 * schema checks against, so the words cannot disagree with the check. `invalidMessage` is for an issue no schema
 * here names a code for (there should be none).
 */
export const PROBLEMS = {
  notAnObject: {},
  noType: {},
  unknownType: {},
  modelIdNotString: {},
  modelIdBlank: {},
  modelIdTooLong: { max: MAX_MODEL_ID_LENGTH },
  modelsNotList: {},
  modelsEmpty: {},
  modelsTooMany: { max: MAX_MODELS_PER_REQUEST },
  apiKeyNotString: {},
  apiKeyBlank: {},
  apiKeyTooLong: { max: MAX_API_KEY_LENGTH },
  apiKeyBadCharacters: {},
  forceNotBoolean: {},
  siteUnknown: {},
  invalidMessage: {},
} as const satisfies Record<string, ProblemParams>;
export type ProblemCode = keyof typeof PROBLEMS;

export function isProblemCode(text: string): text is ProblemCode {
  return Object.hasOwn(PROBLEMS, text);
}
