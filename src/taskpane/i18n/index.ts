/**
 * Task pane strings. `t(key)` looks a key up in the current language; the language comes from
 * `Office.context.displayLanguage` (English for "en-*", Swedish for everything else).
 *
 * Add a string: put the key and Swedish text in sv.ts, then the English text in en.ts (the compiler
 * rejects en.ts until every key is present).
 */
import { countText } from "../../engine";
import { chooseUiLanguage } from "../../shared/ui-language";
import { en } from "./en";
import { sv, type StringKey } from "./sv";

export type { StringKey } from "./sv";
export type Language = "sv" | "en";

const TABLES: Record<Language, Record<StringKey, string>> = { sv, en };

let current: Language = "sv";

/** Picks the pane language for an Office display language such as "sv-SE" or "en-US". */
export function languageFor(displayLanguage: string | null | undefined): Language {
  return typeof displayLanguage === "string" && /^en(?:-|$)/i.test(displayLanguage) ? "en" : "sv";
}

/** Sets the language from Office's display language when Office is available; returns the choice. */
export function initLanguage(displayLanguage?: string | null): Language {
  const fromOffice =
    displayLanguage ??
    (typeof Office !== "undefined" ? (Office.context?.displayLanguage as string | undefined) : undefined);
  current = languageFor(fromOffice);
  return current;
}

/** The user's choice in Inställningar; the worksheet functions and Excel messages follow it too. */
export function setLanguage(language: Language): void {
  current = language;
  chooseUiLanguage(language);
}

export function getLanguage(): Language {
  return current;
}

/**
 * The text for `key`; `{name}` placeholders are filled from `params`, and `{name|one|other}` writes
 * the count with its noun in the right number ("{rows|rad|rader}" → "1 rad", "2 rader").
 */
export function t(key: StringKey, params?: Record<string, string | number>): string {
  const text = TABLES[current][key] ?? sv[key] ?? key;
  if (!params) return text;
  const has = (name: string) => Object.prototype.hasOwnProperty.call(params, name);
  return text
    .replace(/\{(\w+)\|([^|{}]*)\|([^{}]*)\}/g, (whole, name: string, one: string, other: string) =>
      has(name) ? countText(current, params[name], one, other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (has(name) ? String(params[name]) : whole));
}
