import { i18n } from '#i18n';

/** A number field's text as a number. `Number('')` is 0, which would quietly turn an emptied field into a setting. */
export function numberOrNaN(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** Why a whole-number field was refused, from its label and the range that defines it. */
export function wholeNumberRangeText(label: string, { min, max }: { min: number; max: number }): string {
  return i18n.t('ui.wholeNumberRange', [label, min, max]);
}
