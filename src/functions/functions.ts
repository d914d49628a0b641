/**
 * KPB worksheet functions (namespace KPB, so `=KPB.VERSION()` in a cell).
 *
 * Every exported function with a `@customfunction` JSDoc tag becomes an entry in functions.json, and
 * the webpack metadata plugin appends the `CustomFunctions.associate(...)` calls to this file in the
 * bundle. Keep this module free of top-level side effects (no window, Office or Excel access at
 * import time) so that tests can import it directly.
 */
import packageJson from "../../package.json";

/** The add-in version as built (from package.json). */
export const ADDIN_VERSION: string = packageJson.version;

/**
 * Returnerar versionen av KPB-tillägget.
 * @customfunction VERSION
 * @returns Tilläggets version, till exempel "1.2.0".
 */
export function version(): string {
  return ADDIN_VERSION;
}
