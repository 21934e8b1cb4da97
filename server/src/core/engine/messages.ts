/**
 * Every message the product shows exists in English and Korean.
 */

export type Locale = 'en' | 'ko';
export const LOCALES: readonly Locale[] = ['en', 'ko'];

export interface LocalizedText {
  en: string;
  ko: string;
}

/** Picks a supported locale from a tag such as `ko`, `ko-KR`, `ko_KR.UTF-8`, `en-US`. */
export function toLocale(tag: string | undefined): Locale {
  return tag && /^ko(?:[-_.]|$)/i.test(tag.trim()) ? 'ko' : 'en';
}

/** Fills `{name}` placeholders of `text[locale]` from `data`; unknown placeholders stay as written. */
export function formatMessage(text: LocalizedText, locale: Locale, data: Record<string, string | number> = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}
