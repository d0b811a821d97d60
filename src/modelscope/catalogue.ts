import { z } from 'zod/mini';
import type { ErrorKind } from '@src/contract';
import { kindForErrorStatus } from './classify';
import { modelsUrl } from './endpoints';
import { fetchWithDeadline, parseJson, readBoundedText, type SiteRequestOptions } from './http';

export type CatalogueOutcome =
  | { ok: true; ids: string[] }
  | { ok: false; kind: ErrorKind; status: number | null; error: string };

const CATALOGUE_MAX_CHARS = 4 * 1024 * 1024;

const CatalogueBodySchema = z.object({
  data: z.array(z.object({ id: z.string().check(z.minLength(1)) })),
});

/** Lists the model ids API-Inference serves. Free and keyless; it cannot validate a key. Never throws. */
export async function fetchModelCatalogue(options: SiteRequestOptions): Promise<CatalogueOutcome> {
  // The catalogue runs to hundreds of models, far beyond an error body's bound.
  const answer = await fetchWithDeadline(modelsUrl(options.site), {}, options, (response) => readBoundedText(response, CATALOGUE_MAX_CHARS));
  if (!answer.ok) return { ok: false, kind: answer.kind, status: null, error: answer.error };
  if (answer.status < 200 || answer.status >= 300) {
    return { ok: false, kind: kindForErrorStatus(answer.status), status: answer.status, error: `HTTP ${answer.status}` };
  }
  const parsed = CatalogueBodySchema.safeParse(parseJson(answer.body));
  if (!parsed.success) {
    return { ok: false, kind: 'bad_response', status: answer.status, error: 'The model list from ModelScope could not be read' };
  }
  return { ok: true, ids: [...new Set(parsed.data.data.map((model) => model.id))] };
}
