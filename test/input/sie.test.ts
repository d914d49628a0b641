import { readSieLedger, parseSieDimensionOption } from "../../src/input/sie";
import { summaryLines } from "../../src/input/file-table";
import { detailText } from "../../src/input/messages";
import { locateTable, rowCellsOf } from "../../src/engine/table-reader";
import { ProblemLog } from "../../src/engine/problems";
import { rowsOfInput } from "../../src/engine";

const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";
/** The file as a PC8 (IBM 437) SIE file, as the format prescribes. */
const pc8 = (lines: string[]) =>
  Uint8Array.from([...lines.join("\r\n")].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : 0x80 + CP437_HIGH.indexOf(ch))));
const latin1 = (lines: string[]) => Uint8Array.from([...lines.join("\r\n")].map((ch) => ch.charCodeAt(0)));

const HEAD = [
  "#FLAGGA 0",
  '#PROGRAM "Ekonomisystem" 1.0',
  "#FORMAT PC8",
  "#SIETYP 4",
  '#FNAMN "Exempelby kommun"',
  "#RAR 0 20240101 20241231",
  '#DIM 1 "Kostnadsställe"',
  '#DIM 6 "Projekt"',
  '#DIM 20 "Verksamhet"',
  '#DIM 7 "Anställd"',
  '#KONTO 1930 "Bank"',
  '#KONTO 5010 "Lokalhyra"',
  '#KONTO 7010 "Löner"',
  '#KONTO 3510 "Avgifter"',
];

function ledger(file: ReturnType<typeof readSieLedger>) {
  const located = locateTable("Ekonomi", file.input!, new ProblemLog())!;
  return Array.from(located.sheetRows, (row, i) => ({ row, cells: rowCellsOf(located, i) }));
}

describe("SIE 4 ledger", () => {
  test("vouchers that balance against the bank: bank rows skipped and counted, result accounts sum to the bank's counterpart", () => {
    const lines = [
      ...HEAD,
      '#VER A 1 20240115 "Hyra januari"', // line 15
      "{",
      '#TRANS 5010 {1 "1100" 20 "510"} 10000.00',
      "#TRANS 1930 {} -10000.00",
      "}",
      '#VER A 2 20240125 "Lön"', // line 20
      "{",
      '#TRANS 7010 {1 "1100" 20 "510" 6 "P1" 7 "E17"} 25000.50',
      '#TRANS 7010 {1 "1100" 20 "510" 6 "P1"} 1000 20240131 "Tillägg"',
      "#TRANS 1930 {} -26000.50",
      "}",
      '#VER B 1 20240210 "Avgift"',
      "{",
      "#TRANS 1930 {} 500",
      '#RTRANS 3510 {1 "1200" 20 "520"} -500',
      '#TRANS 3510 {1 "1200" 20 "520"} -500',
      "}",
      '#PSALDO 0 202401 5010 {} 10000.00',
    ];
    const file = readSieLedger(pc8(lines), "bok.se");
    expect(file.problems).toEqual([]);
    expect(ledger(file)).toEqual([
      { row: 17, cells: ["1100", "510", "", "5010", 10000, "Lokalhyra", 2024, "2024-01"] },
      { row: 22, cells: ["1100", "510", "P1", "7010", 26000.5, "Löner", 2024, "2024-01"] },
      { row: 30, cells: ["1200", "520", "", "3510", -500, "Avgifter", 2024, "2024-02"] },
    ]);
    expect(file.summary.amountOre).toBe(3550050);
    expect(file.summary.skipped).toEqual(
      expect.arrayContaining([
        { code: "balanceAccount", reason: expect.any(String), count: 3, amountOre: -3550050 },
        expect.objectContaining({ code: "psaldoReplaced", count: 1 }),
        expect.objectContaining({ code: "sieCorrection", count: 1 }),
      ]),
    );
    expect(file.summary.details.map((d) => detailText(d))).toEqual(
      expect.arrayContaining([
        "Teckenkodning: PC8 (IBM 437)",
        "Räkenskapsår: 2024-01-01 – 2024-12-31",
        "Dimensioner: Ansvar = 1 (Kostnadsställe), Verksamhet = 20 (Verksamhet), Aktivitet = 6 (Projekt)",
        "Används inte i KPB: dimension 7 (Anställd)",
        "3 rader per ansvar, verksamhet, aktivitet, konto och månad",
      ]),
    );
    expect(file.summary.details.map((d) => detailText(d)).find((l) => l.startsWith("Källa:"))).toMatch(/^Källa: verifikationer \(#VER\/#TRANS\), \d+ transaktioner$/);
    expect(file.summary.sie).toEqual({
      dimensions: [
        { dim: 1, name: "Kostnadsställe" },
        { dim: 6, name: "Projekt" },
        { dim: 7, name: "Anställd" },
        { dim: 20, name: "Verksamhet" },
      ],
      chosen: { Ansvar: 1, Verksamhet: 20, Aktivitet: 6 },
    });

    // In English every detail line is English (the dimension names are the file's own).
    const english = summaryLines(file.summary, "en");
    expect(english).toEqual(
      expect.arrayContaining([
        "  Character encoding: PC8 (IBM 437)",
        "  Financial year: 2024-01-01 – 2024-12-31",
        "  Dimensions: Ansvar = 1 (Kostnadsställe), Verksamhet = 20 (Verksamhet), Aktivitet = 6 (Projekt)",
        "  Not used in KPB: dimension 7 (Anställd)",
        "  3 rows per Ansvar, Verksamhet, Aktivitet, account and month",
      ]),
    );
    expect(english.find((l) => l.startsWith("  Source:"))).toMatch(/^  Source: vouchers \(#VER\/#TRANS\), \d+ transactions$/);
    expect(english.join("\n")).not.toMatch(/Teckenkodning|Räkenskapsår|Dimensioner|Används inte|Källa|verifikationer|transaktioner|rader|månad|Summa|Hoppade|ingen/);
  });

  test("unbalanced vouchers, unknown dimensions and unreadable lines are problems on their lines", () => {
    const lines = [
      ...HEAD,
      '#VER A 1 20240115 "Fel"', // 15
      "{",
      '#TRANS 5010 {1 "1100" 20 "510" 33 "X"} 100.00', // 17
      "#TRANS 1930 {} -90.00",
      '#TRANS 5010 {1 "1100" 20 "510"} 12,345.6', // 19
      "}",
      '#TRANS 5010 {1 "1100" 20 "510"} 5', // 21: outside a voucher
    ];
    const file = readSieLedger(pc8(lines), "fel.se");
    const byCode = Object.fromEntries(file.problems.map((p) => [p.code + p.row, p.severity]));
    expect(byCode).toEqual({ sieBadLine19: "error", sieBadLine21: "error", sieUnbalancedVoucher15: "warning", sieUnknownDimension17: "warning" });
    expect(file.problems.find((p) => p.code === "sieUnbalancedVoucher")!.message.replace(/\u00a0/g, " ")).toContain("10,00 kr");
    expect(file.problems.every((p) => p.table === "Ekonomi" && p.sheet === "fel.se")).toBe(true);
  });

  test("no Verksamhet dimension is one clear error; --sie-dim maps it", () => {
    const lines = ["#FLAGGA 0", "#FORMAT PC8", '#DIM 1 "Resultatenhet"', '#DIM 21 "Verk"', '#VER A 1 20240301 ""', "{", '#TRANS 4010 {1 "10" 21 "99"} 7', "#TRANS 2440 {} -7", "}"];
    const missing = readSieLedger(pc8(lines), "a.se");
    expect(missing.problems).toEqual([expect.objectContaining({ code: "sieDimensionMissing", severity: "error", column: "Verksamhet" })]);
    expect(missing.problems[0].message).toContain("--sie-dim Verksamhet=");
    const option = parseSieDimensionOption("Verksamhet=21");
    expect(option).toEqual({ Verksamhet: 21 });
    const mapped = readSieLedger(pc8(lines), "a.se", { dimensions: option as { Verksamhet: number } });
    expect(mapped.problems).toEqual([]);
    expect(ledger(mapped)[0].cells.slice(0, 5)).toEqual(["10", "99", "", "4010", 7]);
    expect(parseSieDimensionOption("Ansvar=1,Verksamhet=20,Aktivitet=21")).toEqual({ Ansvar: 1, Verksamhet: 20, Aktivitet: 21 });
    expect(parseSieDimensionOption("Konto=3")).toEqual({ badPart: "Konto=3" });
    expect(parseSieDimensionOption("Ansvar=1,Aktivitet=ingen")).toEqual({ Ansvar: 1, Aktivitet: null });
    expect(parseSieDimensionOption("Aktivitet=none")).toEqual({ Aktivitet: null });
  });

  test("period balances without vouchers: the split by the mapped dimensions is used, the total's rest kept, other splits counted", () => {
    const lines = [
      "#FLAGGA 0",
      "#FORMAT PC8",
      '#DIM 1 "Ansvar"',
      '#DIM 20 "Verksamhet"',
      '#DIM 6 "Projekt"',
      "#PSALDO 0 202401 5010 {} 1000.00", // 6
      '#PSALDO 0 202401 5010 {1 "A" 20 "V"} 600.00',
      '#PSALDO 0 202401 5010 {1 "B" 20 "V"} 300.00',
      '#PSALDO 0 202401 5010 {6 "P"} 1000.00',
      '#PSALDO -1 202301 5010 {1 "A" 20 "V"} 999.00',
      "#PSALDO 0 202401 1930 {} -1000.00",
    ];
    const file = readSieLedger(pc8(lines), "saldo.se");
    expect(file.problems).toEqual([]);
    expect(ledger(file).map((r) => [r.row, ...r.cells.slice(0, 5)])).toEqual([
      [6, "", "", "", "5010", 100],
      [7, "A", "V", "", "5010", 600],
      [8, "B", "V", "", "5010", 300],
    ]);
    expect(file.summary.amountOre).toBe(100000);
    expect(file.summary.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "psaldoOtherYear", count: 1 }),
        expect.objectContaining({ code: "psaldoOtherSplit", count: 1 }),
        expect.objectContaining({ code: "balanceAccount", count: 1, amountOre: -100000 }),
      ]),
    );
  });

  test("cumulative period balances are recognised by #RES and read as monthly changes", () => {
    const lines = ["#FLAGGA 0", '#DIM 1 "Ansvar"', '#DIM 20 "Verksamhet"', '#PSALDO 0 202401 5010 {1 "A" 20 "V"} 100', '#PSALDO 0 202402 5010 {1 "A" 20 "V"} 250', "#RES 0 5010 250"];
    const file = readSieLedger(pc8(lines), "c.se");
    expect(file.problems.map((p) => p.code)).toEqual(["siePsaldoCumulative"]);
    expect(ledger(file).map((r) => [r.cells[4], r.cells[7]])).toEqual([
      [100, "2024-01"],
      [150, "2024-02"],
    ]);
  });

  test("a Windows-1252 file that claims PC8 is read right and the mismatch reported; #RES disagreement warned", () => {
    const lines = ["#FLAGGA 0", "#FORMAT PC8", '#DIM 1 "Kostnadsställe"', '#DIM 2 "Verksamhet"', '#KONTO 4010 "Förbrukningsmaterial åäö"', '#VER A 1 20240301 ""', "{", '#TRANS 4010 {1 "10" 2 "20"} 7', "#TRANS 2440 {} -7", "}", "#RES 0 4010 8"];
    const file = readSieLedger(latin1(lines), "w.se");
    expect(file.problems.map((p) => p.code).sort()).toEqual(["sieEncodingMismatch", "sieResultDiffers"]);
    expect(ledger(file)[0].cells[5]).toBe("Förbrukningsmaterial åäö");
  });

  test("a file that is not SIE is unreadable, never an exception", () => {
    expect(readSieLedger(new TextEncoder().encode("Ansvar;Konto\n1;2\n"), "x.se").problems[0]).toMatchObject({ code: "fileUnreadable", severity: "error" });
    expect(readSieLedger(Uint8Array.from([0x50, 0x4b, 3, 4]), "y.se").input).toBeNull();
    const unclosed = readSieLedger(pc8(["#FLAGGA 0", '#DIM 1 "Ansvar', '#DIM 20 "Verksamhet"']), "z.se");
    expect(unclosed.problems.map((p) => [p.code, p.row])).toEqual(expect.arrayContaining([["sieBadLine", 2]]));
  });

  test("period balances with reserved dimensions: the English summary names them in English, counts take the right form, and Aktivitet can be set to none", () => {
    const lines = ["#FLAGGA 0", "#FORMAT PC8", "#RAR 0 20240101 20241231", '#DIM 20 "Verksamhet"', '#PSALDO 0 202401 5010 {1 "A" 20 "V" 6 "P"} 600.00'];
    const file = readSieLedger(pc8(lines), "saldon.se");
    expect(file.problems).toEqual([]);
    const swedish = file.summary.details.map((d) => detailText(d));
    expect(swedish).toEqual(
      expect.arrayContaining([
        "Dimensioner: Ansvar = 1 (Kostnadsställe), Verksamhet = 20 (Verksamhet), Aktivitet = 6 (Projekt)",
        "Källa: periodsaldon (#PSALDO), inga verifikationer i filen",
        "1 rad per ansvar, verksamhet, aktivitet, konto och månad",
      ]),
    );
    const english = file.summary.details.map((d) => detailText(d, "en"));
    expect(english).toEqual(
      expect.arrayContaining([
        "Dimensions: Ansvar = 1 (cost centre), Verksamhet = 20 (Verksamhet), Aktivitet = 6 (project)",
        "Source: period balances (#PSALDO), no vouchers in the file",
        "1 row per Ansvar, Verksamhet, Aktivitet, account and month",
      ]),
    );
    expect(english.join("\n")).not.toMatch(/Kostnadsställe|Projekt|Källa|periodsaldon|inga|rad\b|månad/);

    const noActivity = readSieLedger(pc8(lines), "saldon.se", { dimensions: { Aktivitet: null } });
    expect(noActivity.summary.sie!.chosen).toEqual({ Ansvar: 1, Verksamhet: 20, Aktivitet: null });
    expect(detailText(noActivity.summary.details.find((d) => d.key === "sieDimensions")!, "en")).toBe("Dimensions: Ansvar = 1 (cost centre), Verksamhet = 20 (Verksamhet), Aktivitet = none");
    expect(detailText(noActivity.summary.details.find((d) => d.key === "sieUnusedDimensions")!)).toBe("Används inte i KPB: dimension 6 (Projekt)");
    expect(ledger(noActivity)[0].cells.slice(0, 5)).toEqual(["A", "V", "", "5010", 600]);
  });

  test("one voucher transaction is counted in the singular", () => {
    const lines = ["#FLAGGA 0", '#DIM 1 "Ansvar"', '#DIM 20 "Verksamhet"', '#VER A 1 20240105 ""', "{", '#TRANS 5010 {1 "1" 20 "2"} 10', "}"];
    const file = readSieLedger(pc8(lines), "en.se");
    expect(file.summary.details.map((d) => detailText(d))).toContain("Källa: verifikationer (#VER/#TRANS), 1 transaktion");
    expect(file.summary.details.map((d) => detailText(d, "en"))).toContain("Source: vouchers (#VER/#TRANS), 1 transaction");
  });
});
