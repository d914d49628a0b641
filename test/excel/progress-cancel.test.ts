import type { Progress } from "../../src/excel/excel-run";
import { CancelledError } from "../../src/excel/excel-run";
import { refreshKpb } from "../../src/excel/refresh";
import { runOf, sampleWorkbook } from "./workbook-fixtures";

describe("progress and cancel", () => {
  test("reads and writes report rows done of the total, ending at the total", async () => {
    const fake = sampleWorkbook();
    const seen: Progress[] = [];
    const outcome = await refreshKpb(runOf(fake), { onProgress: (p) => seen.push({ ...p }) });
    expect(outcome.ok).toBe(true);
    const reads = seen.filter((p) => p.phase === "läser");
    const writes = seen.filter((p) => p.phase === "skriver");
    expect(reads.length).toBeGreaterThan(0);
    expect(writes.length).toBeGreaterThan(0);
    expect(reads[reads.length - 1].done).toBe(reads[reads.length - 1].total);
    expect(writes[writes.length - 1].done).toBe(writes[writes.length - 1].total);
    for (const list of [reads, writes]) {
      for (let i = 1; i < list.length; i++) expect(list[i].done).toBeGreaterThanOrEqual(list[i - 1].done);
    }
    expect(seen.some((p) => p.phase === "sparar")).toBe(true);
  });

  test("cancel during the write stops before the swap: previous results stay, no temporary sheet", async () => {
    const fake = sampleWorkbook();
    await refreshKpb(runOf(fake));
    const before = JSON.stringify(fake.workbook.snapshot().sheets.filter((s) => s.name.startsWith("KPB")));
    const cancel = { cancelled: false };
    const attempt = refreshKpb(runOf(fake), {
      cancel,
      onProgress: (p) => {
        if (p.phase === "skriver") cancel.cancelled = true;
      },
    });
    await expect(attempt).rejects.toBeInstanceOf(CancelledError);
    expect(JSON.stringify(fake.workbook.snapshot().sheets.filter((s) => s.name.startsWith("KPB")))).toBe(before);
  });

  test("cancel during the read changes nothing at all", async () => {
    const fake = sampleWorkbook();
    const before = JSON.stringify(fake.workbook.snapshot().sheets);
    const cancel = { cancelled: false };
    await expect(
      refreshKpb(runOf(fake), { cancel, onProgress: (p) => void (p.phase === "läser" && (cancel.cancelled = true)) }),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(JSON.stringify(fake.workbook.snapshot().sheets)).toBe(before);
  });
});
