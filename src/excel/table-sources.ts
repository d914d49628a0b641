/**
 * The table sources and the rules that find them live in the pure input layer
 * (src/input/table-locator.ts), shared with the command line; re-exported here for the add-in.
 */
export {
  headerScore,
  isResultSheet,
  nameMatchesTable,
  requiredCount,
  type TableMapping,
  type TableSource,
  type WorkbookMapping,
} from "../input/table-locator";
export { TABLE_NAMES } from "../engine";
