/**
 * What the task pane needs from the workbook, as one interface. Components never touch `Excel.*`:
 * they get a `KpbPort` from React context. The add-in passes the Office implementation
 * (office-port.ts, over src/excel); component tests pass a stub.
 */
import * as React from "react";
import { type CellValue, type SettingsOverrides, type TableName } from "../engine";
import type { BenchmarkRowValues, BenchmarkWriteOutcome } from "../excel/benchmark-table";
import type { Progress } from "../excel/excel-run";
import type { ImportWriteOutcome } from "../excel/import-table";
import type { FoundTable } from "../excel/read-tables";
import type { CheckOutcome, RefreshOutcome } from "../excel/refresh";
import type { TableSource, WorkbookMapping } from "../excel/table-sources";
import type { Language } from "./i18n";

export type { BenchmarkRowValues, BenchmarkWriteOutcome, CheckOutcome, FoundTable, ImportWriteOutcome, Progress, RefreshOutcome, TableSource, WorkbookMapping };

/** The pane's settings as saved in the workbook state: the engine's overrides plus the pane language. */
export type PaneOverrides = SettingsOverrides & { language?: Language };

/** What the pane reads from the workbook state when it opens. */
export interface PaneState {
  mapping: WorkbookMapping;
  overrides: PaneOverrides;
  lastRun?: { at: string; keyFigures: Record<string, string> };
}

/** Excel tables and sheets the user can point a contract table at. */
export interface WorkbookObjects {
  tables: { name: string; sheet: string }[];
  sheets: string[];
}

export interface CellAddress {
  sheet: string;
  address: string;
}

/** The active cell and the first cell of its row (the id of a pool, client or key figure on a KPB sheet). */
export interface ActiveCell extends CellAddress {
  /** 1-based row. */
  row: number;
  rowKey: CellValue;
}

export interface OperationOptions {
  onProgress?: (progress: Progress) => void;
}

export type SampleOutcome =
  | { ok: true; sheets: string[] }
  /** The workbook already holds contract tables (listed); nothing was written. */
  | { ok: false; existing: TableName[] };

export interface KpbPort {
  loadState(): Promise<PaneState>;
  saveMapping(mapping: WorkbookMapping): Promise<void>;
  saveOverrides(overrides: PaneOverrides): Promise<void>;
  /** The contract tables found with the saved mapping. */
  findTables(mapping: WorkbookMapping): Promise<FoundTable[]>;
  listWorkbookObjects(): Promise<WorkbookObjects>;
  /** The selected range (for "use the current selection"). */
  getSelection(): Promise<CellAddress>;
  /** The first `maxRows` rows of a source (header included). */
  readPreview(source: TableSource, maxRows: number): Promise<CellValue[][]>;
  check(options?: OperationOptions): Promise<CheckOutcome>;
  refresh(options?: OperationOptions): Promise<RefreshOutcome>;
  /** Stops the running check, refresh or sample write at its next chunk; nothing is swapped in. */
  cancel(): void;
  selectCell(sheet: string, address: string): Promise<void>;
  activateSheet(sheet: string): Promise<void>;
  readActiveCell(): Promise<ActiveCell>;
  writeSampleData(options?: OperationOptions): Promise<SampleOutcome>;
  /**
   * "Importera fil…": writes a table read from a file (header row first) to a new sheet as an Excel
   * table, in chunks; the pane then points the contract table at it (src/excel/import-table.ts).
   */
  importTable(table: TableName, rows: CellValue[][], options?: OperationOptions): Promise<ImportWriteOutcome>;
  /**
   * "Hämta från Kolada": appends fetched rows to the `Jämförelse` table (created when missing),
   * replacing earlier rows whose Källa starts with `replaceSource` for the same Nyckeltal, År and
   * Kommun; the user's own rows are left alone (src/excel/benchmark-table.ts).
   */
  writeBenchmarkRows(rows: readonly BenchmarkRowValues[], options: { replaceSource: string }): Promise<BenchmarkWriteOutcome>;
  /** This computer's pseudonym key as text to give a colleague (src/shared/secret-store.ts). */
  exportSecret(): Promise<string>;
  /** Replaces this computer's pseudonym key by a colleague's exported one; rejects text that is not a key. */
  importSecret(text: string): Promise<void>;
}

export const PortContext = React.createContext<KpbPort | null>(null);

export function usePort(): KpbPort {
  const port = React.useContext(PortContext);
  if (!port) throw new Error("KpbPort saknas: rendera panelen inuti <PortContext.Provider>.");
  return port;
}
