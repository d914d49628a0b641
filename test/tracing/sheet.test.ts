/**
 * `KPB Spårning` as layout data: per pool, the ledger rows (with their link into Ekonomi) sum to
 * the direct cost, the shares to the allocated cost, and the whole to the pool's cost.
 */
import { runKpb } from "../../src/engine/run";
import type { KpbResult, WorkbookInput } from "../../src/engine/model";
import { oreToKr } from "../../src/engine/money";
import { RESULT_SHEET_NAMES, resultSheets, tracingSheet } from "../../src/layouts";
import { exempelbyTables } from "../../src/sample/exempelby";

const tables = exempelbyTables();
const input = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, { rows, sheet: name }])) as WorkbookInput;
const outcome = runKpb(input);
if (!outcome.ok) throw new Error("sample run failed");
const result: KpbResult = outcome.result;

/** Sum of kronor as öre, exactly (each cell is a two-decimal number). */
const ore = (cells: unknown[]) => cells.reduce<number>((a, v) => a + Math.round(Number(v) * 100), 0);

describe("KPB Spårning", () => {
  const sheet = tracingSheet(result);
  const block = sheet.blocks[0];
  const col = (h: string) => block.columns.findIndex((c) => c.header === h);
  const [POOL, SECTION, POST, LEVEL, AMOUNT, SOURCE, RULE] = ["Pool", "Avsnitt", "Post", "Nivå", "Belopp", "Källa", "Regel"].map(col);

  it("is one of the result sheets, with link columns for the writer", () => {
    expect(RESULT_SHEET_NAMES).toContain("KPB Spårning");
    expect(resultSheets(result, []).map((s) => s.name)).toContain("KPB Spårning");
    expect(block.linkColumns).toEqual([RULE, SOURCE]);
  });

  it.each(result.pools.map((p) => p.pool))("%s: rows → direct, shares → allocated, total → cost", (id) => {
    const pool = result.pools.find((p) => p.pool === id)!;
    const rows = block.rows.filter((r) => r[POOL] === id);
    const directRows = rows.filter((r) => r[SECTION] === "Direkt kostnad" && r[LEVEL] === 3);
    expect(ore(directRows.map((r) => r[AMOUNT]))).toBe(pool.directOre);
    expect(directRows.every((r) => /^'Ekonomi'!A\d+$/.test(String(r[SOURCE])))).toBe(true);
    expect(directRows.every((r) => /^'Kodning'!A\d+$/.test(String(r[RULE])))).toBe(true);
    // The ledger row behind each link holds that amount.
    for (const r of directRows) {
      const sheetRow = Number(String(r[SOURCE]).replace(/^.*A/, ""));
      expect(Math.round(Number(tables.Ekonomi[sheetRow - 1][4]) * 100)).toBe(Math.round(Number(r[AMOUNT]) * 100));
    }
    const shares = rows.filter((r) => r[SECTION] === "Fördelad kostnad" && r[LEVEL] === 2);
    expect(ore(shares.map((r) => r[AMOUNT]))).toBe(pool.allocatedOre);
    const passed = rows.filter((r) => r[SECTION] === "Vidarefördelat" && r[LEVEL] === 2);
    expect(ore(passed.map((r) => r[AMOUNT]))).toBe(0 - pool.passedOnOre);
    expect(pool.directOre + pool.allocatedOre - pool.passedOnOre).toBe(pool.costOre);
    const head = rows.find((r) => r[SECTION] === "Pool")!;
    expect(head[AMOUNT]).toBe(oreToKr(pool.costOre));
    const check = rows.find((r) => r[SECTION] === "Kontroll")!;
    expect([check[POST], check[AMOUNT]]).toEqual(["Stämmer på öret", 0]);
  });

  it("lists every ledger row of the sample, and keeps a large ledger within the row budget with the sums intact", () => {
    const listed = block.rows.filter((r) => r[SECTION] === "Direkt kostnad" && r[LEVEL] === 3 && r[SOURCE] !== null);
    expect(listed).toHaveLength(result.coding.targetOfRow.filter((t) => t !== "" && t !== "EXKL").length);
    const small = tracingSheet(result, { ledgerRowBudget: 200 }).blocks[0];
    const linked = small.rows.filter((r) => r[SECTION] === "Direkt kostnad" && r[LEVEL] === 3 && r[SOURCE] !== null);
    expect(linked.length).toBeLessThanOrEqual(Math.max(200, 5 * 4 * result.pools.length));
    expect(linked.length).toBeLessThan(listed.length);
    for (const p of result.pools) {
      const rows = small.rows.filter((r) => r[POOL] === p.pool && r[SECTION] === "Direkt kostnad" && r[LEVEL] === 3);
      expect(ore(rows.map((r) => r[AMOUNT]))).toBe(p.directOre);
    }
  });

  it("one chosen pool, with a row limit that keeps the sum", () => {
    const one = tracingSheet(result, { pool: "SABO_ROSEN", maxRowsPerCategory: 3 }).blocks[0];
    expect(new Set(one.rows.map((r) => r[POOL]))).toEqual(new Set(["SABO_ROSEN"]));
    const direct = one.rows.filter((r) => r[SECTION] === "Direkt kostnad" && r[LEVEL] === 3);
    expect(direct.length).toBeLessThan(block.rows.filter((r) => r[POOL] === "SABO_ROSEN" && r[LEVEL] === 3 && r[SECTION] === "Direkt kostnad").length);
    expect(ore(direct.map((r) => r[AMOUNT]))).toBe(result.pools.find((p) => p.pool === "SABO_ROSEN")!.directOre);
  });
});
