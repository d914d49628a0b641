/**
 * KPB Validering in the workbook: what users write in Kommentar, Ansvarig and Godkänd survives
 * every refresh, matched by the row's key; a row no longer flagged keeps its notes in the block
 * below; the refresh reports the open rows (flagged, not approved) for the pane.
 */
import { columnLetter } from "../../src/engine/cells";
import { VALIDATION_SHEET } from "../../src/engine/analyses/validation-pack";
import type { CellValue } from "../../src/engine/model";
import { checkKpb, refreshKpb } from "../../src/excel/refresh";
import { runOf, sampleWorkbook, type FakeExcel } from "./workbook-fixtures";

interface Block {
  /** 1-based sheet row of the header. */
  headerRow: number;
  header: string[];
  rows: { sheetRow: number; cells: CellValue[] }[];
}

/** The blocks of KPB Validering as the user sees them: header rows with "Nyckel", rows below until a blank row. */
function blocks(fake: FakeExcel): Block[] {
  const values = fake.workbook.getValues(VALIDATION_SHEET);
  const out: Block[] = [];
  let current: Block | null = null;
  values.forEach((row, i) => {
    const blank = row.every((c) => c === "" || c === null);
    if (blank) {
      current = null;
      return;
    }
    if (row[0] === "Nyckel") {
      current = { headerRow: i + 1, header: row.map(String), rows: [] };
      out.push(current);
      return;
    }
    current?.rows.push({ sheetRow: i + 1, cells: row });
  });
  return out;
}

function rowOf(block: Block, key: string) {
  return block.rows.find((r) => r.cells[0] === key);
}

function note(block: Block, key: string): [CellValue, CellValue, CellValue] | undefined {
  const r = rowOf(block, key);
  if (!r) return undefined;
  const at = (h: string) => r.cells[block.header.indexOf(h)];
  return [at("Kommentar"), at("Ansvarig"), at("Godkänd")];
}

/** Types into the user columns of a flagged row, as a unit manager would. */
function write(fake: FakeExcel, key: string, comment: string, responsible: string, approved: string) {
  const main = blocks(fake)[0];
  const r = rowOf(main, key);
  if (!r) throw new Error(`no row ${key}`);
  const col = (h: string) => columnLetter(main.header.indexOf(h) + 1);
  fake.workbook.setCell(VALIDATION_SHEET, `${col("Kommentar")}${r.sheetRow}`, comment);
  fake.workbook.setCell(VALIDATION_SHEET, `${col("Ansvarig")}${r.sheetRow}`, responsible);
  fake.workbook.setCell(VALIDATION_SHEET, `${col("Godkänd")}${r.sheetRow}`, approved);
}

const NORR = "2024:enhet:HT_NORR";
const SODER = "2024:enhet:HT_SODER";
const DAGV = "2024:pool:DAGV";

async function refresh(fake: FakeExcel, siblingDeviation?: number) {
  const outcome = await refreshKpb(runOf(fake), siblingDeviation === undefined ? {} : { overrides: { analysisLimits: { siblingDeviation } } });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return outcome;
}

describe("KPB Validering keeps the users' notes across refreshes", () => {
  test("notes survive two refreshes, move below when the row is no longer flagged, and come back when it is again", async () => {
    const fake = sampleWorkbook();
    const first = await refresh(fake);
    const [main, inactive] = blocks(fake);
    expect(main.header).toEqual(["Nyckel", "Typ", "Objekt", "Värde", "Jämförelse", "Avvikelse", "Orsak", "Kommentar", "Ansvarig", "Godkänd"]);
    expect(main.rows.map((r) => r.cells[0])).toEqual([NORR, SODER, DAGV]);
    expect(inactive.header).toContain("Senaste orsak");
    expect(first.validationOpen).toBe(3);

    // A sort by the user must not matter: notes follow the key, not the row.
    write(fake, NORR, "Nattbemanningen flyttades hit i mars", "Enhetschef Norr", "");
    write(fake, DAGV, "Verksamheten startade i december, inga brukare registrerade ännu", "Kerstin", "ja");
    // Kontroll counts the approval at once, without a refresh and without writing anything.
    const before = JSON.stringify(fake.workbook.getValues(VALIDATION_SHEET));
    const checked = await checkKpb(runOf(fake));
    expect(checked.ok && checked.validationOpen).toBe(2);
    expect(JSON.stringify(fake.workbook.getValues(VALIDATION_SHEET))).toBe(before);

    // Refresh 1 and 2: unchanged data, the notes stay on their rows; DAGV is approved.
    for (let i = 0; i < 2; i++) {
      const again = await refresh(fake);
      const [m] = blocks(fake);
      expect(note(m, NORR)).toEqual(["Nattbemanningen flyttades hit i mars", "Enhetschef Norr", ""]);
      expect(note(m, DAGV)).toEqual(["Verksamheten startade i december, inga brukare registrerade ännu", "Kerstin", "ja"]);
      expect(note(m, SODER)).toEqual(["", "", ""]);
      expect(again.validationOpen).toBe(2);
    }

    // A wider limit: HT_NORR (−26,7 %) is no longer odd; its note moves to "Inte längre flaggade".
    const wider = await refresh(fake, 0.3);
    let [m, gone] = blocks(fake);
    expect(rowOf(m, NORR)).toBeUndefined();
    expect(note(gone, NORR)).toEqual(["Nattbemanningen flyttades hit i mars", "Enhetschef Norr", ""]);
    expect(rowOf(gone, SODER)).toBeUndefined(); // nothing was written on it: nothing to keep
    expect(wider.validationOpen).toBe(1);

    // Still kept on the next refresh, then back in the list with its note when flagged again.
    await refresh(fake, 0.3);
    [m, gone] = blocks(fake);
    expect(note(gone, NORR)?.[0]).toBe("Nattbemanningen flyttades hit i mars");
    const back = await refresh(fake, 0.25);
    [m, gone] = blocks(fake);
    expect(note(m, NORR)).toEqual(["Nattbemanningen flyttades hit i mars", "Enhetschef Norr", ""]);
    expect(rowOf(gone, NORR)).toBeUndefined();
    expect(back.validationOpen).toBe(2);
    expect(fake.workbook.sheetNames().filter((n) => n === VALIDATION_SHEET)).toHaveLength(1);
  });

  test("before the first refresh there is no sheet and Kontroll has no open rows to count", async () => {
    const checked = await checkKpb(runOf(sampleWorkbook()));
    expect(checked.ok).toBe(true);
    expect(checked.ok && "validationOpen" in checked).toBe(false);
  });

  test("a note that looks like a formula stays text, a personnummer in a note is hidden", async () => {
    const fake = sampleWorkbook();
    await refresh(fake);
    write(fake, SODER, "'=SUMMA(A1:A2)", "Ring 19121212-1212", "nej");
    const outcome = await refresh(fake);
    const [m] = blocks(fake);
    const [comment, responsible, approved] = note(m, SODER)!;
    expect(comment).toBe("'=SUMMA(A1:A2)");
    const r = rowOf(m, SODER)!;
    const formula = fake.workbook.getFormula(VALIDATION_SHEET, `${columnLetter(m.header.indexOf("Kommentar") + 1)}${r.sheetRow}`);
    expect(formula === undefined || !formula.startsWith("=")).toBe(true);
    expect(String(responsible)).not.toMatch(/1212/);
    expect(approved).toBe("nej");
    expect(outcome.validationOpen).toBe(3); // "nej" is not an approval
  });
});
