/**
 * The one door to the workbook: every function in src/excel takes an `ExcelRun`, which is
 * `Excel.run` in the add-in and an in-memory fake in tests.
 */
import { excelMessage } from "./messages";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const officeExcelRun: ExcelRun = (batch) => Excel.run(batch);

/** Progress of a long read or write: the task pane shows it as a bar with a line of text. */
export interface Progress {
  phase: "söker" | "läser" | "skriver" | "sparar";
  done: number;
  total: number;
  detail: string;
}

export type ProgressListener = (progress: Progress) => void;

/** Set `cancelled` from the UI; long operations stop at the next chunk, before anything is swapped. */
export interface CancelToken {
  cancelled: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super(excelMessage("cancelled"));
    this.name = "CancelledError";
  }
}

/** Excel on the web refuses requests over 5 MB; our estimate counts values twice (values and formats), and 2 MB leaves room for long format codes. */
export const MAX_REQUEST_BYTES = 2_000_000;
/** Cells per read request, an upper bound whatever the bytes say. */
export const MAX_READ_CELLS = 100_000;
/**
 * Bytes per read response the chunking aims at (read-chunks.ts): 40 % of Excel on the web's 5 MB
 * limit, so a chunk whose rows are 2.5 times longer than the rows measured before it still fits.
 */
export const READ_BUDGET_BYTES = 2_000_000;
