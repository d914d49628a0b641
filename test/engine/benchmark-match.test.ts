import { benchmarkFor, withoutOwnRows } from "../../src/engine/benchmark-match";
import type { BenchmarkRow, KeyFigure } from "../../src/engine/model";

const figure: KeyFigure = { id: "hemtjanst_egen_kr_timme", name: "Kostnad per beviljad hemtjänsttimme, egen regi", scope: "", value: "677", unit: "kr/timme", kolada: "U21003" };
let n = 1;
const row = (keyFigure: string, value: string, year: number | null, municipality: string, source = "Kolada U21003"): BenchmarkRow => ({ row: ++n, keyFigure, value, source, year, municipality });

describe("choosing the benchmark among Jämförelse rows", () => {
  test("the run year's row wins over later and earlier years; else the latest earlier year, never a later one", () => {
    const rows = [row("U21003", "600", 2022, "KPB-snitt"), row("U21003", "649", 2023, "KPB-snitt"), row("U21003", "700", 2025, "KPB-snitt")];
    expect(benchmarkFor(figure, rows, 2023)!.value).toBe("649");
    expect(benchmarkFor(figure, rows, 2024)!.value).toBe("649");
    expect(benchmarkFor(figure, [row("U21003", "700", 2025, "KPB-snitt")], 2024)).toBeNull();
  });

  test("an average row (KPB-snitt, riket) is the benchmark even when peers are listed beside it", () => {
    const rows = [row("U21003", "700", 2024, "0604 Aneby"), row("U21003", "649", 2024, "KPB-snitt"), row("U21003", "500", 2024, "0680 Jönköping")];
    expect(benchmarkFor(figure, rows, 2024)!.value).toBe("649");
  });

  test("with only single peer municipalities the benchmark is their unweighted mean: (700 + 500 + 603) / 3 = 601", () => {
    const rows = [row("U21003", "700", 2024, "0604 Aneby"), row("U21003", "500", 2024, "0680 Jönköping"), row("hemtjanst_egen_kr_timme", "603", 2024, "0687 Tranås")];
    const b = benchmarkFor(figure, rows, 2024)!;
    expect(b.value).toBe("601");
    expect(b.source).toMatch(/^Medel av 3 kommuner/);
  });

  test("the municipality's own rows are never its benchmark (by code or by name)", () => {
    const rows = [row("U21003", "677", 2024, "9999 Exempelby"), row("U21003", "680", 2024, "Exempelby"), row("U21003", "650", 2024, "0604 Aneby")];
    const others = withoutOwnRows(rows, { municipality: "Exempelby", municipalityCode: "9999" });
    expect(others.map((r) => r.value)).toEqual(["650"]);
    expect(benchmarkFor(figure, others, 2024)!.value).toBe("650");
  });
});
