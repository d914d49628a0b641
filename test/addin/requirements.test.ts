/**
 * Run-time checks around what Office enforces: the requirement sets (src/excel/requirements.ts and
 * the port that refuses to start without them), the once-per-release functions metadata refresh
 * (src/shared/functions-cache.ts) and `npm run validate` when offline (scripts/validate-manifest.js).
 */
import type { ExcelRun } from "../../src/excel/excel-run";
import {
  missingRequirements,
  MissingRequirementsError,
  REQUIRED_SETS,
  requirementsMessage,
} from "../../src/excel/requirements";
import {
  FORCE_REFRESH_SETTING,
  refreshFunctionsCacheOnNewRelease,
  RELEASE_SETTING,
  type DocumentSettings,
} from "../../src/shared/functions-cache";
import { createOfficePort } from "../../src/taskpane/office-port";
import { createFakeExcel } from "../fakes/excel-fake";

/** isSetSupported of an Excel that has the given sets up to the given versions. */
function host(sets: Record<string, string>) {
  const cmp = (a: string, b: string) => {
    const x = a.split(".").map(Number);
    const y = b.split(".").map(Number);
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  };
  return (name: string, version: string) => sets[name] !== undefined && cmp(sets[name], version) >= 0;
}

describe("requirement sets at run time", () => {
  it("finds nothing missing on a current Excel, and says nothing", () => {
    const missing = missingRequirements(host({ ExcelApi: "1.17", CustomFunctionsRuntime: "1.5", SharedRuntime: "1.1" }));
    expect(missing).toEqual([]);
    expect(requirementsMessage(missing)).toBeNull();
  });

  it("names, in Swedish, each set an older Excel lacks and what KPB needs it for", () => {
    const missing = missingRequirements(host({ ExcelApi: "1.8", SharedRuntime: "1.1" }));
    expect(missing.map((s) => `${s.name} ${s.version}`)).toEqual(["ExcelApi 1.9", "CustomFunctionsRuntime 1.3"]);
    const message = requirementsMessage(missing)!;
    expect(message).toMatch(/^Den här Excel-versionen saknar stöd som KPB behöver: ExcelApi 1\.9 \(resultatbladen/);
    expect(message).toContain("CustomFunctionsRuntime 1.3 (kalkylbladsfunktionerna KPB.*");
    expect(message).toContain("Uppdatera Office");
    expect(message).not.toContain("SharedRuntime");
  });

  it("treats a host that throws on a set as lacking it, and no host (tests, tools) as lacking nothing", () => {
    const throwing = (name: string) => {
      if (name === "SharedRuntime") throw new Error("unknown set");
      return true;
    };
    expect(missingRequirements(throwing).map((s) => s.name)).toEqual(["SharedRuntime"]);
    expect(missingRequirements(null)).toEqual([]);
    expect(REQUIRED_SETS.map((s) => s.name)).toEqual(["ExcelApi", "CustomFunctionsRuntime", "SharedRuntime"]);
  });

  it("the pane's operations stop before touching the workbook when a set is missing", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    const run = fake.Excel.run as unknown as ExcelRun;
    const old = createOfficePort(run, { missing: () => missingRequirements(host({ ExcelApi: "1.7" })) });
    for (const operation of [() => old.refresh(), () => old.check(), () => old.writeSampleData(), () => old.writeBenchmarkRows([], { replaceSource: "Kolada" })]) {
      await expect(operation()).rejects.toThrow(MissingRequirementsError);
      await expect(operation()).rejects.toThrow(/ExcelApi 1\.9/);
    }
    expect(fake.stats.syncCount).toBe(0);
    expect(fake.workbook.sheetNames()).toEqual(["Blad1"]);
    // With every set present the same port works.
    const current = createOfficePort(run, { missing: () => [] });
    await expect(current.writeSampleData()).resolves.toMatchObject({ ok: true });
  });
});

describe("functions metadata cache (once per release)", () => {
  function settings(initial: Record<string, unknown> = {}) {
    const values = new Map(Object.entries(initial));
    const saves: Record<string, unknown>[] = [];
    const api: DocumentSettings = {
      get: (name) => (values.has(name) ? values.get(name) : null),
      set: (name, value) => void values.set(name, value),
      remove: (name) => void values.delete(name),
      saveAsync: () => void saves.push(Object.fromEntries(values)),
    };
    return { api, values, saves };
  }

  it("forces Excel to reload the metadata the first time a workbook meets a release, then stops forcing", () => {
    const s = settings();
    expect(refreshFunctionsCacheOnNewRelease(s.api, "1.0.0.0")).toBe("forced");
    expect(s.saves).toEqual([{ [FORCE_REFRESH_SETTING]: true, [RELEASE_SETTING]: "1.0.0.0" }]);
    expect(refreshFunctionsCacheOnNewRelease(s.api, "1.0.0.0")).toBe("cleared");
    expect(s.values.has(FORCE_REFRESH_SETTING)).toBe(false);
    expect(refreshFunctionsCacheOnNewRelease(s.api, "1.0.0.0")).toBe("unchanged");
    expect(s.saves).toHaveLength(2);
    // The next release forces once more.
    expect(refreshFunctionsCacheOnNewRelease(s.api, "1.0.1.0")).toBe("forced");
    expect(s.values.get(FORCE_REFRESH_SETTING)).toBe(true);
  });

  it("leaves development builds alone", () => {
    const s = settings();
    expect(refreshFunctionsCacheOnNewRelease(s.api, "dev")).toBe("unchanged");
    expect(s.saves).toEqual([]);
  });
});

describe("npm run validate", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const validate = require("../../scripts/validate-manifest.js") as {
    main(argv: string[], online: () => Promise<boolean>): Promise<number>;
    isOnline(host: string, timeoutMs: number, lookup: (host: string) => Promise<unknown>): Promise<boolean>;
    OFFLINE_EXIT: number;
  };

  it("says plainly that it needs the internet, and exits 2, when Microsoft's service cannot be reached", async () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      await expect(validate.main(["manifest.xml"], async () => false)).resolves.toBe(validate.OFFLINE_EXIT);
      expect(log.mock.calls[0][0]).toMatch(/^Manifestet kan inte valideras: ingen förbindelse med Microsofts valideringstjänst/);
    } finally {
      log.mockRestore();
    }
  });

  it("reports a missing manifest file before going online", async () => {
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const online = jest.fn(async () => true);
    try {
      await expect(validate.main(["no-such-manifest.xml"], online)).resolves.toBe(1);
      expect(online).not.toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
  });

  it("counts a failed or slow name lookup as offline", async () => {
    await expect(validate.isOnline("x", 1000, async () => ({ address: "1.2.3.4" }))).resolves.toBe(true);
    await expect(validate.isOnline("x", 1000, async () => Promise.reject(new Error("ENOTFOUND")))).resolves.toBe(false);
    await expect(validate.isOnline("x", 20, () => new Promise(() => undefined))).resolves.toBe(false);
  });
});
