/**
 * The text rules (text-rules.ts) hold on what the economist prints: every text cell, heading, title
 * and top line of the sample's result sheets, one year and the two-year follow-up with KPB Månad,
 * and every task pane string in both languages with counts of 1 and 2.
 */
import { runKpb, monthlySeries, type RunOptions, type WorkbookInput } from "../../src/engine";
import { resultSheets, type SheetLayout } from "../../src/layouts";
import { exempelbyTables } from "../../src/sample/exempelby";
import { exempelbyTwoYears } from "../../src/sample/exempelby-months";
import { en } from "../../src/taskpane/i18n/en";
import { setLanguage, t, type StringKey } from "../../src/taskpane/i18n";
import { sv } from "../../src/taskpane/i18n/sv";
import { checkSwedishText } from "./text-rules";

function inputOf(tables: Record<string, unknown[][]>): WorkbookInput {
  const input: WorkbookInput = {};
  for (const [name, rows] of Object.entries(tables)) input[name as keyof WorkbookInput] = { rows: rows as never, sheet: name };
  return input;
}

/** Every text a layout shows: top cells, block titles, column headers and text cells. */
function textsOf(layout: SheetLayout): string[] {
  const out: string[] = [];
  for (const c of layout.topCells ?? []) if (typeof c.value === "string") out.push(c.value);
  for (const b of layout.blocks) {
    if (b.title) out.push(b.title);
    out.push(...b.columns.map((c) => c.header));
    for (const row of b.rows) for (const cell of row) if (typeof cell === "string") out.push(cell);
  }
  for (const chart of layout.charts ?? []) out.push(chart.title);
  return out;
}

function breaches(layouts: SheetLayout[]): string[] {
  return layouts.flatMap((l) => textsOf(l).flatMap((text) => checkSwedishText(text).map((why) => `${l.name}: ${why} in "${text.slice(0, 120)}"`)));
}

describe("the sample's result sheets keep the text rules", () => {
  it("one year (Exempelby 2024)", () => {
    const outcome = runKpb(inputOf(exempelbyTables()), { pseudonymSecret: "text-rules" });
    if (!outcome.ok) throw new Error("the sample was refused");
    const layouts = resultSheets(outcome.result, outcome.result.benchmark, { history: [], validation: [], runTime: "2025-02-14 09:30" });
    expect(layouts.length).toBeGreaterThan(10);
    expect(breaches(layouts)).toEqual([]);
  });

  it("the two-year follow-up to 2025-06, with KPB Månad", () => {
    const input = inputOf(exempelbyTwoYears() as unknown as Record<string, unknown[][]>);
    const options: RunOptions = { pseudonymSecret: "text-rules", overrides: { followUpTo: "2025-06" } };
    const outcome = runKpb(input, options);
    if (!outcome.ok) throw new Error("the two-year sample was refused");
    const window = outcome.result.settings.period!;
    const monthly = monthlySeries(input, window, options);
    const layouts = resultSheets(outcome.result, outcome.result.benchmark, { history: [], validation: [], runTime: "2025-07-14 09:30", monthly });
    expect(window).toEqual(expect.objectContaining({ from: "2024-07", to: "2025-06" }));
    expect(layouts.some((l) => l.name === "KPB Månad")).toBe(true);
    expect(breaches(layouts)).toEqual([]);
  });
});

describe("the task pane's strings keep the text rules", () => {
  const keys = Object.keys(sv) as StringKey[];
  // Every placeholder filled with a count (1, then 2) or a plausible word.
  const paramsFor = (key: StringKey, count: number) => {
    const names = [...(sv[key] + en[key]).matchAll(/\{(\w+)/g)].map((m) => m[1]);
    return Object.fromEntries(names.map((n) => [n, /count|rows|errors|warnings|tables|n$|number|missing|open|more/i.test(n) ? count : "X"]));
  };
  afterAll(() => setLanguage("sv"));

  it.each(["sv", "en"] as const)("%s, with counts of 1 and 2", (language) => {
    setLanguage(language);
    const found = keys.flatMap((key) => [1, 2].flatMap((count) => checkSwedishText(t(key, paramsFor(key, count))).map((why) => `${key} (${count}): ${why}`)));
    expect(found).toEqual([]);
  });
});
