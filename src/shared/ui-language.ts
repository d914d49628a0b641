/**
 * The language the user reads Excel in, for texts that the shared runtime writes outside the pane
 * (worksheet-function messages, the Excel layer's progress and errors): the pane's language choice
 * when the user has made one, else Office's display language (English for "en-*", else Swedish).
 */
import type { Language } from "../engine";

let chosen: Language | null = null;

export function uiLanguage(): Language {
  if (chosen) return chosen;
  const display = typeof Office !== "undefined" ? (Office.context?.displayLanguage as string | undefined) : undefined;
  return typeof display === "string" && /^en(?:-|$)/i.test(display) ? "en" : "sv";
}

/** The pane's choice (Inställningar → Språk); null goes back to Office's display language. */
export function chooseUiLanguage(language: Language | null): void {
  chosen = language;
}
