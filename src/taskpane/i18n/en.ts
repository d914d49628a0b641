import type { StringKey } from "./sv";

/** English strings, used when Office's display language is English. */
export const en: Record<StringKey, string> = {
  "app.title": "KPB – Cost per client",
  "app.loading": "The pane is loading …",
  "app.version": "Version {version}",
};
