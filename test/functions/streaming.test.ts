/**
 * The store (src/shared/kpb-store.ts) and the streaming behaviour of the model-backed functions:
 * no data → #N/A "Kör KPB först" and one load; every publish updates every open cell; a cancelled
 * cell stops listening.
 */
import { CustomFunctionsError, lastError, lastNumber, stream } from "./custom-functions-stub";
import { col, figure, pool, run, sampleWith, SECRET } from "./sample-run";
import type { KpbResult } from "../../src/engine/model";
import {
  ensureResult,
  lastLoadFailure,
  latestSnapshot,
  publish,
  publishedVersion,
  resetKpbStore,
  setResultLoader,
  subscribe,
  subscriberCount,
  type KpbLoadOutcome,
} from "../../src/shared/kpb-store";
import * as F from "../../src/functions/functions";

const first = run();
/** The sample with Hemtjänst Norr's ledger amounts raised by 10 %: a changed input. */
const second = run(
  sampleWith((t) => {
    const ansvar = col(t, "Ekonomi", "Ansvar");
    const belopp = col(t, "Ekonomi", "Belopp");
    for (const row of t.Ekonomi.slice(1)) {
      if (row[ansvar] === "6110") row[belopp] = Math.round(Number(row[belopp]) * 110) / 100;
    }
  }),
);

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => resetKpbStore());
afterAll(() => resetKpbStore());

describe("the store", () => {
  it("publishes snapshots with a growing version, the run time and the secret", () => {
    expect(latestSnapshot()).toBeNull();
    const at = new Date("2025-01-02T03:04:05Z");
    const a = publish(first, { pseudonymSecret: SECRET, at });
    expect(a).toMatchObject({ result: first, version: 1, at, pseudonymSecret: SECRET });
    const b = publish(second);
    expect(b.version).toBe(2);
    expect(b.pseudonymSecret).toBeUndefined();
    expect(latestSnapshot()).toBe(b);
    expect(publishedVersion()).toBe(2);
  });

  it("tells subscribers about later publishes until they unsubscribe, even when one of them throws", () => {
    const seen: number[] = [];
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const stopBroken = subscribe(() => {
      throw new Error("broken subscriber");
    });
    const stop = subscribe((s) => seen.push(s.version));
    publish(first);
    publish(second);
    stop();
    publish(first);
    expect(seen).toEqual([1, 2]);
    expect(error).toHaveBeenCalledTimes(3);
    stopBroken();
    expect(subscriberCount()).toBe(0);
    error.mockRestore();
  });

  it("ensureResult runs the loader once for concurrent and later callers and publishes its result", async () => {
    const loader = jest.fn(async (): Promise<KpbLoadOutcome> => ({ ok: true, result: first, pseudonymSecret: SECRET }));
    setResultLoader(loader);
    const [a, b] = await Promise.all([ensureResult(), ensureResult()]);
    expect(a).toBe(b);
    expect(a?.result).toBe(first);
    expect(a?.pseudonymSecret).toBe(SECRET);
    await ensureResult();
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it("remembers why a load failed and does not retry until a new loader or a publish", async () => {
    const loader = jest.fn(async (): Promise<KpbLoadOutcome> => ({ ok: false, message: "Tabellen Ekonomi saknas." }));
    setResultLoader(loader);
    await expect(ensureResult()).resolves.toBeNull();
    await expect(ensureResult()).resolves.toBeNull();
    expect(loader).toHaveBeenCalledTimes(1);
    expect(lastLoadFailure()).toBe("Tabellen Ekonomi saknas.");
    publish(first);
    expect(lastLoadFailure()).toBeNull();
    await expect(ensureResult()).resolves.toMatchObject({ result: first });
  });

  it("a loader that throws is a failure with its message, never a rejection", async () => {
    setResultLoader(async () => {
      throw new Error("Excel är inte tillgängligt.");
    });
    await expect(ensureResult()).resolves.toBeNull();
    expect(lastLoadFailure()).toBe("Excel är inte tillgängligt.");
  });

  it("keeps a run published while the loader was reading (it is newer)", async () => {
    let finish: (o: KpbLoadOutcome) => void = () => undefined;
    setResultLoader(() => new Promise<KpbLoadOutcome>((resolve) => (finish = resolve)));
    const pending = ensureResult();
    await settle();
    publish(second);
    finish({ ok: true, result: first });
    await expect(pending).resolves.toMatchObject({ result: second });
    expect(latestSnapshot()?.result).toBe(second);
    expect(publishedVersion()).toBe(1);
  });

  it("without a loader there is nothing to load", async () => {
    await expect(ensureResult()).resolves.toBeNull();
  });
});

describe("streaming functions", () => {
  it("update every open cell when a run with changed input is published", () => {
    publish(first, { pseudonymSecret: SECRET });
    const perHour = stream(F.costPerHour, null, null);
    const norr = stream(F.unitCost, "HT_NORR");
    const potential = stream(F.potential, "Hemtjänst", "HT_SODER");
    const table = stream(F.keyFigures);
    expect(lastNumber(perHour)).toBe(figure(first, "hemtjanst_egen_kr_timme"));
    expect(lastNumber(norr)).toBe(Number(pool(first, "HT_NORR").unitCost));

    publish(second, { pseudonymSecret: SECRET });
    // Preconditions: the input change moved the figures.
    expect(figure(second, "hemtjanst_egen_kr_timme")).not.toBe(figure(first, "hemtjanst_egen_kr_timme"));
    expect(lastNumber(perHour)).toBe(figure(second, "hemtjanst_egen_kr_timme"));
    expect(lastNumber(norr)).toBe(Number(pool(second, "HT_NORR").unitCost));
    expect(perHour.setResult).toHaveBeenCalledTimes(2);
    expect(potential.setResult).toHaveBeenCalledTimes(2);
    const rows = table.setResult.mock.calls[1][0] as unknown[][];
    expect(rows.find((r) => r[0] === "hemtjanst_egen_kr_timme")?.[3]).toBe(figure(second, "hemtjanst_egen_kr_timme"));
  });

  it("stop listening when Excel cancels them (argument changed, cell cleared)", () => {
    publish(first);
    const cells = [stream(F.costPerDay, null, null), stream(F.clientShare, "ÄO", null), stream(F.keyFigures)];
    expect(subscriberCount()).toBe(3);
    for (const cell of cells) {
      expect(typeof cell.onCanceled).toBe("function");
      cell.onCanceled!();
    }
    expect(subscriberCount()).toBe(0);
    publish(second);
    for (const cell of cells) expect(cell.setResult).toHaveBeenCalledTimes(1);
  });

  it("before any run: #N/A 'Kör KPB först', one load for all cells, then the values", async () => {
    let finish: (o: KpbLoadOutcome) => void = () => undefined;
    const loader = jest.fn(() => new Promise<KpbLoadOutcome>((resolve) => (finish = resolve)));
    setResultLoader(loader);
    const perHour = stream(F.costPerHour, null, null);
    const perDay = stream(F.costPerDay, undefined, undefined);
    for (const cell of [perHour, perDay]) expect(lastError(cell)).toEqual({ code: "#N/A", message: "Kör KPB först" });
    await settle();
    expect(loader).toHaveBeenCalledTimes(1);
    finish({ ok: true, result: first, pseudonymSecret: SECRET });
    await settle();
    expect(lastNumber(perHour)).toBe(figure(first, "hemtjanst_egen_kr_timme"));
    expect(lastNumber(perDay)).toBe(figure(first, "sabo_egen_kr_dygn_inkl_hsl"));
    expect(perHour.setResult).toHaveBeenCalledTimes(2);
  });

  it("show why the workbook could not be computed, and update when a run arrives later", async () => {
    setResultLoader(async () => ({ ok: false, message: "Tabellen Brukare saknas." }));
    const cell = stream(F.costPerClient, "ÄO", "80-w");
    await settle();
    expect(lastError(cell)).toMatchObject({ code: "#N/A", message: expect.stringMatching(/^Kör KPB först: Tabellen Brukare saknas/) });
    publish(first);
    expect(lastNumber(cell)).toBe(Number(first.consumption.find((r) => r.area === "ÄO" && r.ageGroup === "80-w")!.costPerClient));
  });

  it("without a loader stay at #N/A 'Kör KPB först' (never a silent 0)", async () => {
    const cell = stream(F.clientCost, "EB00001");
    await settle();
    expect(lastError(cell)).toEqual({ code: "#N/A", message: "Kör KPB först" });
    expect(cell.setResult).toHaveBeenCalledTimes(1);
  });

  it("a cell cancelled while loading gets nothing more", async () => {
    setResultLoader(async () => ({ ok: false, message: "nej" }));
    const cell = stream(F.index, "hemtjanst_egen_kr_timme");
    cell.onCanceled!();
    await settle();
    publish(first);
    expect(cell.setResult).toHaveBeenCalledTimes(1);
  });

  it("turn an internal exception into #VALUE! instead of leaving the cell stale", () => {
    publish(first);
    const cell = stream(F.keyFigures);
    publish({ ...first, keyFigures: null } as unknown as KpbResult);
    const value = cell.setResult.mock.calls[1][0];
    expect(value).toBeInstanceOf(CustomFunctionsError);
    expect((value as CustomFunctionsError).code).toBe("#VALUE!");
    expect((value as CustomFunctionsError).message).toMatch(/Internt fel/);
  });
});
