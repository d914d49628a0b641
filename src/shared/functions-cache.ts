/**
 * Excel caches the custom functions' metadata (functions.json) for up to a day. Two measures keep
 * a release from showing #NAME? or an old function list:
 * 1. the production manifest's metadata URLs carry `?v=<Version>` (scripts/manifest-urls.js), so a
 *    new release is a new URL;
 * 2. the first time a workbook is opened with a new release, the pane sets Office's document
 *    setting `Office.ForceRefreshCustomFunctionsCache` (honoured in a shared runtime) so that Excel
 *    reloads the metadata the next time the workbook opens, and clears it again on the following
 *    start: Microsoft advises against leaving it on, since it slows every load.
 * The release is the manifest's <Version>, put into the bundle by webpack as __KPB_RELEASE__.
 */

declare const __KPB_RELEASE__: string | undefined;

export const RELEASE: string = typeof __KPB_RELEASE__ === "string" ? __KPB_RELEASE__ : "dev";
export const RELEASE_SETTING = "KPB.release";
export const FORCE_REFRESH_SETTING = "Office.ForceRefreshCustomFunctionsCache";

/** The part of `Office.context.document.settings` used here. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string }) => void): void;
}

export type CacheAction = "forced" | "cleared" | "unchanged";

/** Once per release and workbook: force the metadata to reload; on the next start, stop forcing. */
export function refreshFunctionsCacheOnNewRelease(settings: DocumentSettings, release: string = RELEASE): CacheAction {
  if (release === "dev") return "unchanged";
  if (settings.get(RELEASE_SETTING) !== release) {
    settings.set(FORCE_REFRESH_SETTING, true);
    settings.set(RELEASE_SETTING, release);
    settings.saveAsync();
    return "forced";
  }
  if (settings.get(FORCE_REFRESH_SETTING) === true) {
    settings.remove(FORCE_REFRESH_SETTING);
    settings.saveAsync();
    return "cleared";
  }
  return "unchanged";
}

/** Office's document settings, when the page runs in Office. */
export function officeDocumentSettings(): DocumentSettings | null {
  const settings = typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
  return settings ? (settings as unknown as DocumentSettings) : null;
}
