/**
 * The secret behind client pseudonyms stays out of the workbook file: it lives in the add-in's
 * storage on the computer (src/shared/secret-store.ts); an old workbook's secret is adopted once
 * and removed from the file; export and import give a colleague the same pseudonyms.
 */
import { refreshKpb } from "../../src/excel/refresh";
import { loadState, saveState } from "../../src/excel/workbook-settings";
import {
  EXPORT_PREFIX,
  exportSecret,
  importSecret,
  InvalidSecretError,
  memorySecretStore,
  setSecretStore,
} from "../../src/shared/secret-store";
import { runOf, sampleWorkbook, type FakeExcel } from "./workbook-fixtures";

const PNR = "19121212-1212";

async function withPersonnummer(): Promise<FakeExcel> {
  const fake = sampleWorkbook();
  const first = fake.workbook.getValues("Brukare")[1];
  await fake.Excel.run(async (context) => {
    context.workbook.tables.getItem("Brukare").rows.add(undefined, [[PNR, ...first.slice(1)]]);
    await context.sync();
  });
  return fake;
}

function pseudonymOf(fake: FakeExcel): string {
  const ids = fake.workbook.getValues("KPB Brukare").map((r) => String(r[0]));
  const pseudonyms = ids.filter((id) => /^B-[0-9a-f]{12}$/.test(id));
  expect(pseudonyms).toHaveLength(1);
  expect(ids).not.toContain(PNR);
  return pseudonyms[0];
}

afterEach(() => setSecretStore(null));

describe("the pseudonym secret", () => {
  test("is kept in the add-in's storage and appears nowhere in the workbook after a refresh", async () => {
    const store = memorySecretStore();
    setSecretStore(store);
    const fake = await withPersonnummer();
    await refreshKpb(runOf(fake));
    const secret = await store.get();
    expect(secret).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(fake.workbook.snapshot())).not.toContain(secret!);
    expect(JSON.stringify(fake.workbook.settings())).not.toMatch(/pseudonymSecret/);
    // The same computer, the same pseudonym on the next refresh.
    const first = pseudonymOf(fake);
    await refreshKpb(runOf(fake));
    expect(pseudonymOf(fake)).toBe(first);
  });

  test("an older workbook's secret is adopted when the computer has none, and removed from the file", async () => {
    const legacy = "0123456789abcdef0123456789abcdef";
    const fake = sampleWorkbook();
    fake.workbook.setSetting("KPB.state", JSON.stringify({ mapping: {}, overrides: { year: 2024 }, pseudonymSecret: legacy }));
    const store = memorySecretStore();
    const state = await loadState(runOf(fake), store);
    expect(state.pseudonymSecret).toBe(legacy);
    expect(await store.get()).toBe(legacy);
    await saveState(runOf(fake), state);
    const saved = JSON.parse(String(fake.workbook.settings()["KPB.state"]));
    expect(saved).toEqual({ mapping: {}, overrides: { year: 2024 } });

    // A computer that already has a key keeps it; the file's copy still goes.
    const other = memorySecretStore("ffffffffffffffffffffffffffffffff");
    fake.workbook.setSetting("KPB.state", JSON.stringify({ mapping: {}, overrides: {}, pseudonymSecret: legacy }));
    const state2 = await loadState(runOf(fake), other);
    expect(state2.pseudonymSecret).toBe("ffffffffffffffffffffffffffffffff");
    await saveState(runOf(fake), state2);
    expect(String(fake.workbook.settings()["KPB.state"])).not.toContain(legacy);
  });

  test("export on one computer and import on another give the same pseudonyms; other text is refused", async () => {
    const mine = memorySecretStore();
    setSecretStore(mine);
    const a = await withPersonnummer();
    await refreshKpb(runOf(a));
    const exported = await exportSecret(mine);
    expect(exported.startsWith(EXPORT_PREFIX)).toBe(true);

    const colleague = memorySecretStore();
    await expect(importSecret("not a key", colleague)).rejects.toBeInstanceOf(InvalidSecretError);
    await expect(importSecret(`${EXPORT_PREFIX}xyz`, colleague)).rejects.toBeInstanceOf(InvalidSecretError);
    expect(await colleague.get()).toBeNull();
    await importSecret(`  ${exported}\n`, colleague);
    setSecretStore(colleague);
    const b = await withPersonnummer();
    await refreshKpb(runOf(b));
    expect(pseudonymOf(b)).toBe(pseudonymOf(a));

    // Without the key, another computer gets other pseudonyms.
    setSecretStore(memorySecretStore());
    const c = await withPersonnummer();
    await refreshKpb(runOf(c));
    expect(pseudonymOf(c)).not.toBe(pseudonymOf(a));
  });
});
