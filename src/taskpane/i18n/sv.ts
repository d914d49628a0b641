/** Swedish strings (the default language). The keys here define the set every language must have. */
export const sv = {
  "app.title": "KPB – Kostnad per brukare",
  "app.loading": "Panelen laddas …",
  "app.version": "Version {version}",
} as const;

export type StringKey = keyof typeof sv;
