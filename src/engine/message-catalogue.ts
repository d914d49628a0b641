/**
 * The one mechanism behind every layer's messages (engine problems, worksheet functions, Excel
 * layer, command line): a catalogue keyed by name, Swedish and English side by side, each entry a
 * function of its typed parameters. A layer renders a key in the language its user reads.
 */
import type { Language } from "./plural";

export type { Language } from "./plural";

export interface MessageEntry<P> {
  sv: (params: P) => string;
  en: (params: P) => string;
}

/** Parameters of a catalogue entry (`{}` for an entry without). */
export type ParamsOf<E> = E extends MessageEntry<infer P> ? P : never;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEntry = MessageEntry<any>;

/** Checks a catalogue's shape while keeping each entry's own parameter type. */
export function defineMessages<C extends Record<string, AnyEntry>>(catalogue: C): C {
  return catalogue;
}

/** A renderer bound to one catalogue: `text("key", params, "en")`. */
export function messageRenderer<C extends Record<string, AnyEntry>>(catalogue: C) {
  return <K extends keyof C>(key: K, ...rest: unknown extends ParamsOf<C[K]> ? [params?: Record<string, never>, language?: Language] : [params: ParamsOf<C[K]>, language?: Language]): string => {
    const [params, language] = rest;
    return catalogue[key][language ?? "sv"]((params ?? {}) as ParamsOf<C[K]>);
  };
}

/** "a, b och c" / "a, b and c". */
export function joinList(language: Language, items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${language === "sv" ? "och" : "and"} ${items[items.length - 1]}`;
}
