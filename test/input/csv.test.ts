import { readCsvTable } from "../../src/input/csv";
import { summaryLines } from "../../src/input/file-table";
import { detailText } from "../../src/input/messages";
import { locateTable, rowCellsOf } from "../../src/engine/table-reader";
import { ProblemLog } from "../../src/engine/problems";
import { rowsOfInput } from "../../src/engine";

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes: Latin-1 plus the few letters only Windows-1252 has (en dash, euro). */
const CP1252_EXTRA: Record<string, number> = { "–": 0x96, "€": 0x80 };
const cp1252 = (text: string) =>
  Uint8Array.from([...text].map((ch) => {
    const code = CP1252_EXTRA[ch] ?? ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`not Windows-1252: ${ch}`);
    return code;
  }));

function cells(file: ReturnType<typeof readCsvTable>) {
  const located = locateTable(file.table, file.input!, new ProblemLog())!;
  return Array.from(located.sheetRows, (row, i) => ({ row, cells: rowCellsOf(located, i) }));
}

describe("CSV/text exports", () => {
  test("Windows-1252 file with semicolons, decimal commas and space/dot thousands", () => {
    const text = [
      "Huvudboksutdrag 2024 – Vård och omsorg (€)",
      "",
      "Ansvar;Verksamhet;Aktivitet;Konto;Belopp;Text",
      "1100;510;;5110;1 234 567,50;Löner hemtjänst Södra",
      "1100;510;;3510;-12 500,00;Avgifter",
      '1200;520;;4010;"1.234,75";"Förbrukning; material"',
      "1200;520;;4020;(250,25);Återbetalning",
      "1200;520;;4030;99,5-;Kreditering",
    ].join("\r\n");
    const file = readCsvTable(cp1252(text), "Ekonomi", "huvudbok.csv");
    expect(file.problems).toEqual([]);
    expect(file.summary.details.map((d) => detailText(d))).toEqual(expect.arrayContaining(["Teckenkodning: Windows-1252", "Avgränsare: semikolon", "Decimaltecken: komma"]));
    const rows = cells(file);
    expect(rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8]);
    expect(rows.map((r) => r.cells[4])).toEqual([1234567.5, -12500, 1234.75, -250.25, -99.5]);
    expect(rows[0].cells[5]).toBe("Löner hemtjänst Södra");
    expect(rows[2].cells[5]).toBe("Förbrukning; material");
    expect(file.summary.rowsRead).toBe(5);
    expect(file.summary.amountOre).toBe(123456750 - 1250000 + 123475 - 25025 - 9950);
    expect(file.summary.skipped).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "aboveHeader", count: 1 }), expect.objectContaining({ code: "blank", count: 1 })]),
    );
    expect(summaryLines(file.summary)[0]).toBe("huvudbok.csv → Ekonomi: 5 rader lästa");

    // In English every line is English: no Swedish word of the details, rows or sums is left.
    const english = summaryLines(file.summary, "en");
    expect(english).toEqual(
      expect.arrayContaining([
        "huvudbok.csv → Ekonomi: 5 rows read",
        "  Character encoding: Windows-1252",
        "  Delimiter: semicolon",
        "  Decimal mark: comma",
        "  Skipped lines above the header row: 1 row",
        "  Skipped empty lines: 1 row",
      ]),
    );
    expect(english.join("\n")).not.toMatch(/Teckenkodning|Avgränsare|Decimaltecken|semikolon|komma\b|rader|Summa|Hoppade/);
  });

  test("tab-separated UTF-8 file with BOM, English headers and a dot decimal", () => {
    const text = "\ufeffClient id\tBirth year\tPool\tVolume\tPeriod\nK1\t1931\tHT-N\t12.5\t2024-01\nK2\t1940\tHT-N\t1,250.25\t2024-02\n";
    const file = readCsvTable(utf8(text), "Brukare", "volymer.txt");
    expect(file.problems).toEqual([]);
    expect(file.summary.details.map((d) => detailText(d))).toEqual(expect.arrayContaining(["Teckenkodning: UTF-8 med BOM", "Avgränsare: tabb", "Decimaltecken: punkt"]));
    expect(summaryLines(file.summary, "en")).toEqual(expect.arrayContaining(["  Character encoding: UTF-8 with BOM", "  Delimiter: tab", "  Decimal mark: point"]));
    const rows = cells(file);
    expect(rows.map((r) => r.cells)).toEqual([
      ["K1", 1931, "HT-N", 12.5, "2024-01"],
      ["K2", 1940, "HT-N", 1250.25, "2024-02"],
    ]);
    expect(file.summary.volume).toBe("1 262,75");
  });

  test("comma-separated file with quoted fields holding commas, line breaks and doubled quotes", () => {
    const text = 'Ansvar,Verksamhet,Konto,Belopp,Text\n1100,510,5110,"1,5","Lön, ""timanställda""\nandra raden"\n1100,510,5120,2,ok\n';
    const file = readCsvTable(utf8(text), "Ekonomi", "led.csv");
    expect(file.problems).toEqual([]);
    const rows = cells(file);
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(rows[0].cells).toEqual(["1100", "510", "5110", 1.5, 'Lön, "timanställda"\nandra raden']);
  });

  test("codes stay text: leading zeros survive, only number columns are converted", () => {
    const file = readCsvTable(utf8("Ansvar;Verksamhet;Konto;Belopp\n0100;0510;05110;10\n"), "Ekonomi", "a.csv");
    expect(cells(file)[0].cells).toEqual(["0100", "0510", "05110", 10]);
  });

  test("an unclosed quote is a problem on the line where the record starts, the lines before are kept", () => {
    const text = 'Ansvar;Verksamhet;Konto;Belopp\n1100;510;5110;10\n1100;510;"5120;20\n1100;510;5130;30\n';
    const file = readCsvTable(utf8(text), "Ekonomi", "bad.csv");
    expect(file.problems).toEqual([expect.objectContaining({ code: "csvBadRecord", row: 3, sheet: "bad.csv", table: "Ekonomi", severity: "error" })]);
    expect(cells(file).map((r) => r.row)).toEqual([2]);
  });

  test("a file whose header is found under no delimiter is one clear error, never an exception", () => {
    const file = readCsvTable(utf8("a|b|c\n1|2|3\n"), "Ekonomi", "pipe.csv");
    expect(file.input).toBeNull();
    expect(file.problems).toEqual([expect.objectContaining({ code: "csvNoHeader", severity: "error", row: 1 })]);
    expect(file.problems[0].message).toContain("semikolon, komma eller tabb");
  });

  test("an .xlsx or binary file given as CSV is reported as unreadable", () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(readCsvTable(zip, "Ekonomi", "x.csv").problems[0]).toMatchObject({ code: "fileUnreadable", severity: "error" });
    const binary = Uint8Array.from([65, 0, 66, 10]);
    expect(readCsvTable(binary, "Ekonomi", "y.csv").problems[0].message).toContain("binära");
  });

  test("totals rows are counted as set aside, not summed", () => {
    const text = "Ansvar;Verksamhet;Konto;Belopp\n1100;510;5110;10,50\n1100;510;5120;20\nSumma;;;30,50\n";
    const file = readCsvTable(utf8(text), "Ekonomi", "t.csv");
    expect(file.summary.amountOre).toBe(3050);
    expect(file.summary.rowsRead).toBe(2);
    expect(file.summary.skipped).toEqual([expect.objectContaining({ code: "totalsRow", count: 1 })]);
  });

  test("UTF-8 without BOM with Swedish letters is not mistaken for Windows-1252", () => {
    const file = readCsvTable(utf8("Ansvar;Verksamhet;Konto;Belopp;Text\n1;2;3;4;Särskilt boende\n"), "Ekonomi", "u.csv");
    expect(detailText(file.summary.details[0])).toBe("Teckenkodning: UTF-8");
    expect(cells(file)[0].cells[4]).toBe("Särskilt boende");
  });
});
