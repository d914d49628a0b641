/** The Exempelby sample run through the engine, for the worksheet-function tests. */
import type { CellValue, KpbResult, TableName, WorkbookInput } from "../../src/engine/model";
import { runKpb } from "../../src/engine/run";
import { exempelbyTables, type SampleTables } from "../../src/sample/exempelby";

export const SECRET = "test-secret-for-pseudonyms";

export function toInput(tables: SampleTables): WorkbookInput {
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, { rows, sheet: name }])) as WorkbookInput;
}

export function run(tables: SampleTables = exempelbyTables(), secret = SECRET): KpbResult {
  const outcome = runKpb(toInput(tables), { pseudonymSecret: secret });
  if (!outcome.ok) throw new Error(`the sample did not run: ${outcome.problems.map((p) => p.message).join("; ")}`);
  return outcome.result;
}

/** The sample with one table changed by `edit` (on a deep copy). */
export function sampleWith(edit: (tables: SampleTables) => void): SampleTables {
  const tables = exempelbyTables();
  const copy = Object.fromEntries(
    Object.entries(tables).map(([k, rows]) => [k, rows.map((r) => [...r])]),
  ) as Record<TableName, CellValue[][]>;
  edit(copy);
  return copy;
}

/** Column index of `header` in a sample table. */
export function col(tables: SampleTables, table: TableName, header: string): number {
  const i = tables[table][0].indexOf(header);
  if (i < 0) throw new Error(`${table} has no column ${header}`);
  return i;
}

export function figure(result: KpbResult, id: string): number {
  const f = result.keyFigures.find((k) => k.id === id);
  if (!f) throw new Error(`no key figure ${id}`);
  return Number(f.value);
}

export function pool(result: KpbResult, id: string) {
  const p = result.pools.find((x) => x.pool === id);
  if (!p) throw new Error(`no pool ${id}`);
  return p;
}
