/** ModelScope ids are case-sensitive `owner/name`, e.g. `ZhipuAI/GLM-4.7`: one slash, no spaces. */
export function looksLikeModelId(id: string): boolean {
  return /^[A-Za-z0-9][\w.-]*\/[\w.+-]+$/.test(id);
}
