/**
 * The Office requirement sets the add-in uses, declared in manifest.xml (<Requirements>) and checked
 * again when the pane starts: an Excel that lacks one of them can still open the pane (on the web
 * or through a shared catalogue), and then a refresh would fail half-way with an unhelpful
 * "ApiNotFound". Checking first lets the pane say in plain Swedish what the Excel version lacks.
 * test/addin/manifest.test.ts keeps this list and the manifest equal.
 */
import { excelMessage } from "./messages";

export interface RequiredSet {
  name: string;
  version: string;
  /** What the add-in uses it for, for the message. */
  usedFor: { sv: string; en: string };
}

export const REQUIRED_SETS: readonly RequiredSet[] = [
  { name: "ExcelApi", version: "1.9", usedFor: { sv: "resultatbladen (kopiering av blad, diagramserier, låsta rubrikrader)", en: "the result sheets (copying sheets, chart series, frozen header rows)" } },
  { name: "CustomFunctionsRuntime", version: "1.3", usedFor: { sv: "kalkylbladsfunktionerna KPB.* och deras felkoder", en: "the worksheet functions KPB.* and their error codes" } },
  { name: "SharedRuntime", version: "1.1", usedFor: { sv: "att aktivitetsfönstret, knappen Uppdatera KPB och funktionerna delar samma körning", en: "the task pane, the Uppdatera KPB button and the functions sharing one run" } },
];

export type IsSetSupported = (name: string, version: string) => boolean;

/** Office's own check; without Office (tests, tools) nothing is reported missing. */
export function officeIsSetSupported(): IsSetSupported | null {
  const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return requirements ? (name, version) => requirements.isSetSupported(name, version) : null;
}

/** The sets this Excel lacks (an exception from the host counts as lacking). */
export function missingRequirements(isSetSupported: IsSetSupported | null = officeIsSetSupported()): RequiredSet[] {
  if (!isSetSupported) return [];
  return REQUIRED_SETS.filter((set) => {
    try {
      return !isSetSupported(set.name, set.version);
    } catch {
      return true;
    }
  });
}

/** The pane's message for missing sets, or null when everything is there. */
export function requirementsMessage(missing: readonly RequiredSet[]): string | null {
  if (missing.length === 0) return null;
  return excelMessage("missingRequirements", { sets: [...missing] });
}

/** Thrown by the pane's operations when a required set is missing, before anything is read or written. */
export class MissingRequirementsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingRequirementsError";
  }
}
