/**
 * Personal data: a personnummer or samordningsnummer in the input (as a client id, inside one, in
 * any other client cell or in ledger text) never reaches a result sheet, the JSON or a message;
 * pseudonyms are stable under one secret and change with it.
 */
import { resultJson, resultSheets } from "../../src/layouts";
import type { CellValue, KpbResult, WorkbookInput } from "../../src/engine/model";
import { containsPersonalIdentityNumber, looksLikePersonalIdentityNumber, pseudonym, redactPersonalIdentityNumbers } from "../../src/engine/privacy";
import { runKpb } from "../../src/engine/run";
import { exempelbyTables } from "../../src/sample/exempelby";
import { toInput } from "./corpus/base";
import { findPersonalIdentityNumbers, findPersonalIdentityNumbersInJson, findPersonalIdentityNumbersInLayouts, luhnCheckDigit } from "./pnr-scan";

describe("recognising personnummer", () => {
  test.each([
    ["ÅÅÅÅMMDD-NNNN", "19400312-1235"],
    ["ÅÅÅÅMMDDNNNN", "194003121235"],
    ["ÅÅMMDD-NNNN", "400312-1235"],
    ["ÅÅMMDDNNNN", "4003121235"],
    ["ÅÅMMDD+NNNN (100 years or older)", "200312+1235"],
    ["samordningsnummer (day + 60)", "400372-1230"],
    ["with spaces", " 19400312 - 1235 "],
  ])("%s", (_form, text) => {
    expect(looksLikePersonalIdentityNumber(text)).toBe(true);
    expect(containsPersonalIdentityNumber(`Brukare ${text.trim()} mars`)).toBe(true);
    expect(redactPersonalIdentityNumbers(`Brukare ${text.trim()} mars`)).toBe("Brukare (personnummer dolt) mars");
  });

  test.each([["2024-01-15"], ["B-1a2b3c4d5e6f"], ["EB00001"], ["123456789"], ["19401312-1235"], ["19400332-1235"], ["1 234 567 890,00 kr"], ["12345678901234"]])(
    "not %s",
    (text) => {
      expect(containsPersonalIdentityNumber(text)).toBe(false);
      expect(redactPersonalIdentityNumbers(text)).toBe(text);
    },
  );
});

/** Exempelby with personnummer where careless extracts put them. */
function exempelbyWithPersonalData(): { input: WorkbookInput; pnrs: string[] } {
  const t = exempelbyTables();
  const pnrs: string[] = [];
  const ids = new Map<string, string>();
  let n = 0;
  const pnrFor = (id: string) => {
    if (!ids.has(id)) {
      const nine = `${String(30 + (n % 60)).padStart(2, "0")}${String(1 + (n % 12)).padStart(2, "0")}${String(1 + (n % 28) + (n % 3 === 0 ? 60 : 0)).padStart(2, "0")}${String(100 + n).slice(-3)}`;
      const form = n % 4;
      const check = luhnCheckDigit(nine);
      const text = form === 0 ? `19${nine.slice(0, 6)}-${nine.slice(6)}${check}` : form === 1 ? `${nine}${check}` : form === 2 ? `${nine.slice(0, 6)}-${nine.slice(6)}${check}` : `ID ${nine.slice(0, 6)}+${nine.slice(6)}${check}`;
      ids.set(id, text);
      pnrs.push(text);
      n++;
    }
    return ids.get(id)!;
  };
  // Every third client is known by a personnummer; some rows also carry one in Kön or Boendeform.
  t.Brukare = t.Brukare.map((row, i): CellValue[] => {
    if (i === 0) return row;
    const id = String(row[0]);
    if (Number(id.slice(2)) % 3 !== 0) return row;
    const copy = [...row];
    copy[0] = pnrFor(id);
    if (i % 50 === 0) copy[2] = pnrFor(`${id}-kön`);
    if (i % 70 === 0) copy[6] = `Särskilt ${pnrFor(`${id}-boende`)}`;
    return copy;
  });
  t.Ekonomi = t.Ekonomi.map((row, i) => (i > 0 && i % 40 === 0 ? [...row.slice(0, 5), `Ersättning ${pnrFor(`text-${i}`)}`] : row));
  return { input: toInput(t), pnrs };
}

function run(input: WorkbookInput, secret?: string): KpbResult {
  const outcome = runKpb(input, secret === undefined ? {} : { pseudonymSecret: secret });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  return outcome.result;
}

describe("Exempelby with personnummer in Brukare and Ekonomi.Text", () => {
  const { input, pnrs } = exempelbyWithPersonalData();
  const result = run(input, "hemlighet-1");

  test("the test data really carries valid personnummer (so the scans below can fail)", () => {
    expect(pnrs.length).toBeGreaterThan(150);
    expect(findPersonalIdentityNumbers(pnrs.join(" "))).toHaveLength(pnrs.length);
    expect(findPersonalIdentityNumbers(JSON.stringify(input))).not.toEqual([]);
  });

  test("the run warns: how many ids were replaced, and where other cells held one", () => {
    const codes = result.problems.map((p) => `${p.code} ${p.table} ${p.column}`);
    expect(codes).toContain("personalIdentityNumber Brukare BrukarID");
    expect(codes).toContain("personalDataInCells Brukare Kön");
    expect(codes).toContain("personalDataInCells Brukare Boendeform");
    expect(codes).toContain("personalDataInCells Ekonomi Text");
    const ids = result.problems.find((p) => p.code === "personalIdentityNumber")!;
    expect(ids.params.count).toBe(result.clients.filter((c) => c.id.startsWith("B-")).length);
  });

  test("no personnummer in any cell of any result sheet, in the JSON or in a message", () => {
    expect(findPersonalIdentityNumbersInLayouts(resultSheets(result, result.benchmark))).toEqual([]);
    expect(findPersonalIdentityNumbersInJson(resultJson(result))).toEqual([]);
    expect(findPersonalIdentityNumbers(result.problems.map((p) => p.message).join("\n"))).toEqual([]);
    expect(findPersonalIdentityNumbersInJson(result.problems)).toEqual([]);
    // Nor any of the digits in another spelling (without dash or century).
    const digits = (s: string) => s.replace(/\D/g, "").slice(-10);
    const everything = JSON.stringify({ sheets: resultSheets(result, result.benchmark), json: resultJson(result), problems: result.problems });
    for (const p of pnrs) expect(everything).not.toContain(digits(p));
  });

  test("the same client keeps its pseudonym across runs with the same secret, and gets another under another secret", () => {
    const again = run(exempelbyWithPersonalData().input, "hemlighet-1");
    const other = run(exempelbyWithPersonalData().input, "hemlighet-2");
    const pseudonyms = (r: KpbResult) => r.clients.filter((c) => c.id.startsWith("B-")).map((c) => `${c.id} ${c.totalOre}`).sort();
    expect(pseudonyms(again)).toEqual(pseudonyms(result));
    const first = new Set(result.clients.map((c) => c.id).filter((id) => id.startsWith("B-")));
    const second = other.clients.map((c) => c.id).filter((id) => id.startsWith("B-"));
    expect(second).toHaveLength(first.size);
    expect(second.filter((id) => first.has(id))).toEqual([]);
    // The pseudonym is the documented HMAC of the id (the add-in and the command line agree).
    expect(result.clients.map((c) => c.id)).toContain(pseudonym(pnrs[0], "hemlighet-1"));
  });

  test("without a secret, pseudonyms are random per run (safe, but not stable)", () => {
    const a = run(exempelbyWithPersonalData().input).clients.find((c) => c.id.startsWith("B-"))!;
    const b = run(exempelbyWithPersonalData().input).clients.find((c) => c.totalOre === a.totalOre && c.id.startsWith("B-"));
    expect(b?.id).not.toBe(a.id);
    expect(result.clients.map((c) => c.id)).not.toContain(pseudonym(pnrs[0], "kpb"));
  });

  test("pseudonymised clients are listed by pseudonym, not in personnummer (birth date) order", () => {
    const ids = result.clients.map((c) => c.id);
    expect(ids).toEqual([...ids].sort());
  });
});

describe("messages never quote a personnummer", () => {
  const base = (rows: CellValue[][]): WorkbookInput =>
    toInput({
      Ekonomi: [["Ansvar", "Verksamhet", "Konto", "Belopp"], ["1", "1", "5110", 100]],
      Kodning: [["Ansvar", "Till"], ["1", "HT"]],
      Pooler: [["Pool", "Insats", "Regi", "Typ"], ["HT", "Hemtjänst", "egen", "insats"]],
      Brukare: [["BrukarID", "Födelseår", "Pool", "Volym", "Period"], ...rows],
      Inställningar: [["Inställning", "Värde"], ["År", 2024]],
    });

  test.each([
    ["two birth years", [["19400312-1235", 1940, "HT", 1, "2024-01"], ["19400312-1235", 1941, "HT", 1, "2024-02"]], "conflictingBirthYear"],
    ["duplicate period", [["4003121235", 1940, "HT", 1, "2024-01"], ["4003121235", 1940, "HT", 1, "2024-01"]], "duplicateClientRow"],
    ["unknown pool named by a personnummer", [["A", 1940, "HT 19400312-1235", 1, "2024-01"]], "clientPoolUnknown"],
    ["personnummer in Volym", [["A", 1940, "HT", "19400312-1235", "2024-01"]], "notANumber"],
    ["personnummer in Födelseår", [["A", "19400312-1235", "HT", 1, "2024-01"]], "badBirthYear"],
    ["personnummer in Period", [["A", 1940, "HT", 1, "400312-1235"]], "notANumber"],
  ])("%s", (_name, rows, code) => {
    const outcome = runKpb(base(rows as CellValue[][]), { pseudonymSecret: "s" });
    const problems = outcome.ok ? outcome.result.problems : outcome.problems;
    expect(problems.map((p) => p.code)).toContain(code);
    expect(findPersonalIdentityNumbers(JSON.stringify(problems))).toEqual([]);
    expect(JSON.stringify(problems)).not.toMatch(/4003121235|0312-1235/);
  });
});
