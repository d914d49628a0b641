import { refreshKpb } from "../../src/excel/refresh";
import { runOf, sampleWorkbook } from "./workbook-fixtures";

/** A refresh of a small municipality must stay a handful of round trips, each well under 5 MB. */
test("a refresh of the sample stays within a small sync and byte budget", async () => {
  const fake = sampleWorkbook();
  fake.stats.reset();
  const outcome = await refreshKpb(runOf(fake));
  expect(outcome.ok).toBe(true);
  const largest = Math.max(...fake.stats.requests.map((r) => r.bytes));
  const total = fake.stats.requests.reduce((a, r) => a + r.bytes, 0);
  console.log(`sample refresh: ${fake.stats.syncCount} syncs, largest request ${largest} bytes, total ${total} bytes`);
  expect(fake.stats.syncCount).toBeLessThanOrEqual(40);
  expect(largest).toBeLessThan(4_000_000);
  // Writes run with recalculation suspended (one call per write request).
  expect(fake.workbook.application.suspendApiCalculationCalls).toBeGreaterThanOrEqual(3);
});
