/** A number field's text as a number. `Number('')` is 0, which would quietly turn an emptied field into a setting. */
export function numberOrNaN(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
