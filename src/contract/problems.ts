import { MAX_API_KEY_LENGTH, MAX_MODEL_ID_LENGTH, MAX_MODELS_PER_REQUEST } from './limits';

/**
 * What can be wrong with a request, in plain English: these are the texts the schemas report, and each has a code so
 * that a reply can say the same thing in the UI language.
 */
export const PROBLEMS = {
  notAnObject: 'the message must be an object with a "type"',
  noType: 'the message has no "type"',
  unknownType: 'unknown message type',
  modelIdNotString: 'each model id must be a string',
  modelIdBlank: 'a model id is blank',
  modelIdTooLong: `a model id is longer than ${MAX_MODEL_ID_LENGTH} characters`,
  modelsNotList: 'models must be a list of strings',
  modelsEmpty: 'models is an empty list',
  modelsTooMany: `models lists more than ${MAX_MODELS_PER_REQUEST} models`,
  apiKeyNotString: 'api_key must be a string',
  apiKeyBlank: 'api_key is blank',
  apiKeyTooLong: `api_key is longer than ${MAX_API_KEY_LENGTH} characters`,
  apiKeyBadCharacters: 'api_key contains spaces or characters that cannot be sent in an HTTP header',
  forceNotBoolean: 'force must be true or false',
} as const;
export type ProblemCode = keyof typeof PROBLEMS;

const CODE_BY_TEXT = new Map(Object.entries(PROBLEMS).map(([code, text]) => [text as string, code as ProblemCode]));

/** The code of a schema's problem text, or null for a text no schema here reports. */
export function problemCode(text: string): ProblemCode | null {
  return CODE_BY_TEXT.get(text) ?? null;
}
