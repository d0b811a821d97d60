import type { z } from 'zod/mini';
import { isProblemCode, PROBLEMS, type ProblemCode, type ProblemParams } from './problems';
import { CONTRACT, isMessageType, type ContractRequest, type MessageType } from './protocol';

/** What is wrong with a request, as a code with its parameters; the edge that replies puts it into words. */
export interface RequestProblem {
  /** The request's type, when it names one this contract has. */
  type: MessageType | null;
  /** The request field at fault. */
  field: string;
  code: ProblemCode;
  params: ProblemParams;
}

export type RequestParse = { ok: true; request: ContractRequest } | ({ ok: false } & RequestProblem);

/** Quotes a caller's value for an error text without echoing a huge or hostile string back. */
function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(typeof value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The first issue a schema found: the field, and the code the schema gave as its message. */
export function firstProblem(error: z.core.$ZodError): Pick<RequestProblem, 'field' | 'code' | 'params'> {
  const issue = error.issues[0];
  const code = issue && isProblemCode(issue.message) ? issue.message : 'invalidMessage';
  return { field: String(issue?.path[0] ?? 'type'), code, params: PROBLEMS[code] };
}

/** Parses any incoming message into a typed request, or says by a code what is wrong with it. */
export function parseRequest(raw: unknown): RequestParse {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, type: null, field: 'type', code: 'notAnObject', params: {} };
  }
  if (!Object.hasOwn(raw, 'type')) {
    return { ok: false, type: null, field: 'type', code: 'noType', params: {} };
  }
  const type: unknown = (raw as { type: unknown }).type;
  if (!isMessageType(type)) {
    return { ok: false, type: null, field: 'type', code: 'unknownType', params: { value: describeValue(type) } };
  }
  const parsed = CONTRACT[type].request.safeParse(raw);
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, type, ...firstProblem(parsed.error) };
}
