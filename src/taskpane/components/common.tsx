import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { TABLE_ALIASES, type TableName } from "../../engine";
import type { Language } from "../i18n";
import { t } from "../i18n";

/** The pane language, from App state, so components re-render when the user switches. */
export const LanguageContext = React.createContext<{ language: Language; setLanguage: (l: Language) => void }>({
  language: "sv",
  setLanguage: () => undefined,
});

export function useLanguage(): Language {
  return React.useContext(LanguageContext).language;
}

/** "14:05" (today) or "2026-11-24 14:05". */
export function formatTime(at: Date | string | null | undefined): string {
  if (!at) return "–";
  const date = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return "–";
  const time = date.toLocaleTimeString("sv-SE", { hour: "2-digit", minute: "2-digit" });
  const today = new Date().toDateString() === date.toDateString();
  return today ? time : `${date.toLocaleDateString("sv-SE")} ${time}`;
}

/** A contract table's name for the user: "Ekonomi", in English "Ekonomi (Ledger)". */
export function tableLabel(table: TableName | "Körning", language: Language): string {
  if (table === "Körning") return t("checks.runTable");
  return language === "en" ? `${table} (${TABLE_ALIASES[table][0]})` : table;
}

export const useSectionStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});
