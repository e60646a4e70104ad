import { da, type MessageKey } from './da.ts';
import { en } from './en.ts';

export type Locale = 'da' | 'en';
export const locales: Locale[] = ['da', 'en'];
export type { MessageKey };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { da, en };

export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, values) => {
    const text = dictionary[key] ?? da[key];
    return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)) : text;
  };
}

export function isLocale(value: unknown): value is Locale {
  return value === 'da' || value === 'en';
}
