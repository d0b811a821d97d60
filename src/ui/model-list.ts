/** Turns what a person typed (commas, newlines or spaces between them) into model ids: trimmed, no blanks, no repeats. */
export function parseModelList(text: string): string[] {
  const ids = text
    .split(/[\s,，]+/)
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  return [...new Set(ids)];
}
