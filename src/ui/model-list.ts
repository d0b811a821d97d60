/** Turns what a person typed (commas, newlines, stray spaces) into model ids: trimmed, no blanks, no repeats. */
export function parseModelList(text: string): string[] {
  const ids = text
    .split(/[,\n，]/)
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  return [...new Set(ids)];
}

export function formatModelList(ids: readonly string[]): string {
  return ids.join('\n');
}
