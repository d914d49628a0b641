/**
 * Tracing on the Exempelby sample: every pool's cost is explained to the öre by its ledger rows
 * (which really are those rows of the input) and its support-pool shares; every client's cost by
 * volume × unit cost; every key figure by the division it is.
 */
import { runKpb } from "../../src/engine/run";
import type { KpbResult, WorkbookInput } from "../../src/engine/model";
import { costCategory } from "../../src/engine/coding";
import { Dec } from "../../src/engine/decimal";
import { exempelbyTables } from "../../src/sample/exempelby";
import { closePoolIds, explainClient, explainKeyFigure, explainPool } from "../../src/engine/tracing/explain";
import { explanationLines, explanationText } from "../../src/engine/tracing/text";

const tables = exempelbyTables();

function sampleInput(): WorkbookInput {
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, { rows, sheet: name }])) as WorkbookInput;
}

function run(input: WorkbookInput = sampleInput()): KpbResult {
  const outcome = runKpb(input);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return outcome.result;
}

const result = run();
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("explainPool on every pool of the sample", () => {
  it.each(result.pools.map((p) => p.pool))("%s: direct + allocated − passed on = cost, rows = direct, to the öre", (id) => {
    const pool = result.pools.find((p) => p.pool === id)!;
    const e = explainPool(result, id)!;
    expect(e.ok).toBe(true);
    expect(e.checks.map((c) => c.id)).toEqual(expect.arrayContaining(["rowsEqualDirect", "categoriesEqualDirect", "partsEqualCost"]));
    const rows = e.direct.categories.flatMap((c) => c.rows);
    // The listed ledger rows sum to the direct cost, and each account class to its own amount.
    expect(sum(rows.map((r) => r.amountOre))).toBe(pool.directOre);
    for (const c of e.direct.categories) {
      expect(c.rowsOre).toBe(c.amountOre);
      for (const r of c.rows) expect(costCategory(r.konto)).toBe(c.category);
    }
    // Direct + allocated shares − passed on = pool cost (insats pools pass nothing on).
    const allocated = sum(e.allocated.parts.map((p) => p.amountOre));
    expect(pool.directOre + allocated - e.passedOn.totalOre).toBe(pool.costOre);
    if (pool.kind === "insats") {
      expect(e.passedOn.totalOre).toBe(0);
      expect(e.direct.totalOre + allocated).toBe(pool.costOre);
    } else {
      expect(e.costOre).toBe(0);
      expect(sum(e.passedOn.transfers.map((t) => t.amountOre))).toBe(pool.directOre + allocated);
    }
    // Volume by period adds up to the pool's volume.
    if (pool.kind === "insats") expect(sum(e.volumeByPeriod.map((v) => v.volumeMicro))).toBe(pool.volumeMicro);
  });

  it("each listed ledger row is that row of the input: same codes, same amount, and the rule row that coded it", () => {
    const ledger = tables.Ekonomi; // header on sheet row 1, data row k on sheet row k + 1
    const rules = tables.Kodning;
    let checked = 0;
    for (const p of result.pools) {
      for (const c of explainPool(result, p.pool)!.direct.categories) {
        for (const r of c.rows) {
          const cells = ledger[r.row - 1];
          expect([String(cells[0]), String(cells[1]), String(cells[3])]).toEqual([r.ansvar, r.verksamhet, r.konto]);
          expect(Math.round(Number(cells[4]) * 100)).toBe(r.amountOre);
          expect(r.link).toBe(`'Ekonomi'!A${r.row}`);
          expect(r.ruleRow).not.toBeNull();
          expect(rules[r.ruleRow! - 1][4]).toBe(p.pool);
          checked++;
        }
      }
    }
    // Every pooled row is listed once.
    expect(checked).toBe(result.coding.targetOfRow.filter((t) => t !== "" && t !== "EXKL").length);
  });

  it("a support pool's shares over all receivers add up to what it passed on", () => {
    for (const s of result.pools.filter((p) => p.kind === "stöd")) {
      const received = result.pools.map((p) => explainPool(result, p.pool)!.allocated.parts.find((x) => x.from === s.pool)?.amountOre ?? 0);
      expect(sum(received)).toBe(s.passedOnOre);
    }
  });

  it("SABO_ROSEN: shares with their key, weight and chain (KOMMUN_OH → FORV_OH → SABO_ROSEN)", () => {
    const e = explainPool(result, "SABO_ROSEN")!;
    expect(e.allocated.parts.map((p) => p.from)).toEqual(["KOMMUN_OH", "FORV_OH", "MYNDIGHET", "HSL_SABO"]);
    const forv = e.allocated.parts.find((p) => p.from === "FORV_OH")!;
    expect(forv.key).toBe("kostnad");
    expect(forv.weight).toBe(String(e.direct.totalOre)); // kostnad key: the receiver's direct cost in öre
    expect(forv.chains).toContainEqual(["KOMMUN_OH", "FORV_OH", "SABO_ROSEN"]);
    expect(forv.chains).toContainEqual(["FORV_OH", "SABO_ROSEN"]);
    expect(forv.fromPassedOnOre).toBe(forv.fromDirectOre + sum(forv.fromReceived.map((r) => r.amountOre)));
    // The share is the key fraction of what FORV_OH passed on, within one öre.
    const exact = new Dec(forv.fromPassedOnOre).times(forv.weight).div(forv.weightSum);
    expect(exact.minus(forv.amountOre).abs().lessThan(1)).toBe(true);
    const hsl = e.allocated.parts.find((p) => p.from === "HSL_SABO")!;
    expect(hsl.key).toBe("volym");
    expect(hsl.weight).toBe(String(e.volumeMicro));
    const myndighet = e.allocated.parts.find((p) => p.from === "MYNDIGHET")!;
    expect(new Dec(myndighet.fraction).equals("0.1")).toBe(true);
    expect(e.unitCost).toBe(result.pools.find((p) => p.pool === "SABO_ROSEN")!.unitCost);
  });

  it("renders Swedish and English text with the rows, shares, volume and unit cost", () => {
    const e = explainPool(result, "SABO_ROSEN")!;
    const sv = explanationText(e, "sv");
    expect(sv).toContain("Pool SABO_ROSEN – Särskilt boende, Rosenborg");
    expect(sv).toContain("Direkt kostnad");
    expect(sv).toContain("Ekonomi rad ");
    expect(sv).toContain("kedja: KOMMUN_OH → FORV_OH → SABO_ROSEN");
    expect(sv).toMatch(/Styckkostnad = [\d\u00a0]+,\d\d\u00a0kr ÷ [\d\u00a0 ]+ dygn +[\d\u00a0]+,\d\d kr\/dygn/);
    expect(sv).not.toContain("STÄMMER INTE");
    const en = explanationText(e, "en");
    expect(en).toContain("Direct cost");
    expect(en).toContain("Staff");
    expect(en).toContain("kr/day");
    // Lines carry links for the task pane.
    const lines = explanationLines(e, "sv");
    const rowLines = lines.filter((l) => l.kind === "ledgerRow");
    expect(rowLines.length).toBe(sum(e.direct.categories.map((c) => c.rows.length)));
    expect(rowLines.every((l) => /^'Ekonomi'!A\d+$/.test(l.link!))).toBe(true);
    // A row limit keeps the total: the remainder is one line with its sum.
    const short = explanationLines(e, "sv", { maxRows: 2 });
    expect(short.filter((l) => l.kind === "more").length).toBeGreaterThan(0);
  });

  it("unknown pools give null and close ids", () => {
    expect(explainPool(result, "SABO_ROS")).toBeNull();
    expect(closePoolIds(result, "SABO_ROS")[0]).toBe("SABO_ROSEN");
    expect(explainPool(result, "sabo_rosen")!.pool).toBe("SABO_ROSEN");
  });

  it("without lineage (a result from elsewhere) the explanation still adds up, without rows", () => {
    const bare: KpbResult = { ...result, trace: undefined };
    const e = explainPool(bare, "SABO_ROSEN")!;
    expect(e.ledgerRowsAvailable).toBe(false);
    expect(e.checks.map((c) => c.id)).not.toContain("rowsEqualDirect");
    expect(e.ok).toBe(true);
  });
});

describe("explainClient", () => {
  it("every client: Σ volume × unit cost, split to the öre, = the client's total", () => {
    for (const c of result.clients) {
      const e = explainClient(result, c.id)!;
      expect(e.ok).toBe(true);
      expect(sum(e.lines.map((l) => l.costOre))).toBe(c.totalOre);
      for (const l of e.lines) {
        expect(l.costOre).toBe(c.poolsOre[l.pool] ?? 0);
        expect(new Dec(l.roundingOre).abs().lessThan(1)).toBe(true);
        // exact = volume × unit cost (the unit cost is kept to 12 decimals)
        if (l.unitCost !== null) {
          const product = new Dec(l.unitCost).times(l.volumeMicro).div(1e6);
          expect(product.minus(l.exactKr).abs().lessThan("0.000001")).toBe(true);
        }
      }
    }
  });

  it("renders the client's lines", () => {
    const c = result.clients.find((x) => x.poolsOre.SABO_ROSEN !== undefined)!;
    const text = explanationText(explainClient(result, c.id)!, "sv");
    expect(text).toContain(`Brukare ${c.id}`);
    expect(text).toContain("SABO_ROSEN");
    expect(text).toContain("stämmer");
    expect(explainClient(result, "INGEN_SADAN")).toBeNull();
  });
});

describe("explainKeyFigure", () => {
  it("every key figure of the sample is redone from its parts", () => {
    const failed = result.keyFigures.filter((f) => !explainKeyFigure(result, f.id)?.ok).map((f) => f.id);
    expect(failed).toEqual([]);
  });

  it("SÄBO per day: the egen-regi SÄBO pools, cost ÷ days", () => {
    const e = explainKeyFigure(result, "sabo_egen_kr_dygn_inkl_hsl")!;
    expect(e.pools.map((p) => p.pool).sort()).toEqual(["SABO_LINDEN", "SABO_ROSEN"]);
    expect(e.numerator.kind).toBe("cost");
    expect(e.denominator!.kind).toBe("volume");
    const pools = result.pools.filter((p) => p.pool.startsWith("SABO_"));
    expect(new Dec(e.numerator.value).times(100).toNumber()).toBe(sum(pools.map((p) => p.costOre)));
    const exkl = explainKeyFigure(result, "sabo_egen_kr_dygn_exkl_hsl")!;
    const hsl = sum(pools.map((p) => p.receivedOre.HSL_SABO ?? 0));
    expect(new Dec(exkl.numerator.value).times(100).toNumber()).toBe(sum(pools.map((p) => p.costOre)) - hsl);
    expect(explanationText(e, "sv")).toContain("= kostnad");
  });

  it("a share figure names its clients and the division", () => {
    const e = explainKeyFigure(result, "andel_brukare:ÄO:80-w")!;
    expect(e.factor).toBe(100);
    expect(e.clients!.count).toBe(Number(e.numerator.value));
    expect(explainKeyFigure(result, "finns_inte")).toBeNull();
  });
});
