import { createFakeExcel, FakeOfficeError, type FakeExcel } from "./excel-fake";

const NOT_LOADED =
  "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

/** Runs `fn`, expecting it to throw an Office-style error with `code`. */
function officeError(fn: () => unknown): FakeOfficeError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FakeOfficeError);
    return e as FakeOfficeError;
  }
  throw new Error("expected an Office error");
}

describe("load and sync", () => {
  let fake: FakeExcel;
  beforeEach(() => {
    fake = createFakeExcel();
    fake.workbook.setValues("Sheet1", "A1", [
      ["Id", "Cost"],
      [1, 100],
    ]);
  });

  it("throws PropertyNotLoaded before load, and after load until the sync resolves", async () => {
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      const before = officeError(() => range.values);
      expect(before.code).toBe("PropertyNotLoaded");
      expect(before.message).toBe(NOT_LOADED);
      expect(before.name).toBe("RichApi.Error");
      expect(before.debugInfo.errorLocation).toBe("Range.values");

      range.load("values");
      expect(officeError(() => range.values).code).toBe("PropertyNotLoaded");
      const syncing = context.sync();
      expect(officeError(() => range.values).code).toBe("PropertyNotLoaded");
      await syncing;
      expect(range.values).toEqual([
        ["Id", "Cost"],
        [1, 100],
      ]);
      // Only what was loaded is readable.
      expect(officeError(() => range.address).code).toBe("PropertyNotLoaded");
    });
  });

  it("accepts every load form of Office.js", async () => {
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const a = sheet.getRange("A1:B2").load("address, rowCount");
      const b = sheet.getRange("A1").load(["columnCount", "text"]);
      const c = sheet.getRange("B2").load({ select: "values,numberFormat" });
      const d = sheet.getRange("A2").load({ values: true, format: { font: { bold: true } } });
      const e = sheet.getRange("A1:B1").load("format/fill/color");
      const f = sheet.getRange("A1");
      context.load(f, "formulas");
      const sheets = context.workbook.worksheets.load("items/name");
      const whole = sheet.getRange("B1").load();
      await context.sync();
      expect([a.address, a.rowCount]).toEqual(["Sheet1!A1:B2", 2]);
      expect([b.columnCount, b.text]).toEqual([1, [["Id"]]]);
      expect([c.values, c.numberFormat]).toEqual([[[100]], [["General"]]]);
      expect([d.values, d.format.font.bold]).toEqual([[[1]], false]);
      expect(e.format.fill.color).toBe("#FFFFFF");
      expect(f.formulas).toEqual([["Id"]]);
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1"]);
      expect(officeError(() => sheets.items[0].position).code).toBe("PropertyNotLoaded");
      expect(whole.toJSON()).toMatchObject({ address: "Sheet1!B1", values: [["Cost"]], rowIndex: 0, columnIndex: 1 });
    });
  });

  it("reads the collection items only after a load", async () => {
    await fake.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(officeError(() => sheets.items).code).toBe("PropertyNotLoaded");
      sheets.load("items");
      await context.sync();
      expect(sheets.items[0].toJSON()).toMatchObject({ name: "Sheet1", position: 0, visibility: "Visible" });
    });
  });

  it("queues writes until sync; the proxy shows what it wrote, the document changes at sync", async () => {
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2");
      range.values = [[250]];
      expect(range.values).toEqual([[250]]);
      expect(fake.workbook.getCell("Sheet1", "B2")).toBe(100);
      const other = context.workbook.worksheets.getItem("Sheet1").getRange("B2").load("values");
      await context.sync();
      expect(fake.workbook.getCell("Sheet1", "B2")).toBe(250);
      expect(other.values).toEqual([[250]]);
    });
  });

  it("rejects a sync with ItemNotFound after getItem of a missing item, without delivering loads", async () => {
    const before = fake.workbook.snapshot();
    await fake.Excel.run(async (context) => {
      const known = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      context.workbook.worksheets.getItem("Nope").getRange("A1").values = [["x"]];
      const error = await context.sync().then(
        () => null,
        (e: FakeOfficeError) => e,
      );
      expect(error).toMatchObject({ code: "ItemNotFound", name: "RichApi.Error" });
      expect(error?.debugInfo.errorLocation).toBe("WorksheetCollection.getItem");
      expect(officeError(() => known.values).code).toBe("PropertyNotLoaded");
    });
    expect(fake.workbook.snapshot()).toEqual(before);
  });

  it("makes getItemOrNullObject a null object that reads undefined and ignores actions", async () => {
    await fake.Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("Sheet1");
      expect(officeError(() => missing.isNullObject).code).toBe("PropertyNotLoaded");
      missing.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(missing.name).toBeUndefined();
      expect(present.isNullObject).toBe(false);
      missing.delete();
      missing.getRange("A1").values = [[1]];
      await context.sync();
    });
    expect(fake.workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  it("syncs what is still queued when Excel.run's batch resolves, and passes its result on", async () => {
    const result = await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C1").values = [["done"]];
      return 42;
    });
    expect(result).toBe(42);
    expect(fake.workbook.getCell("Sheet1", "C1")).toBe("done");
    expect(fake.stats.syncCount).toBe(1);
  });

  it("does not count a sync with nothing queued", async () => {
    await fake.Excel.run(async (context) => {
      await context.sync();
    });
    expect(fake.stats.syncCount).toBe(0);
  });

  it("rejects objects used after their Excel.run, and objects of another context", async () => {
    const range = await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
      return r;
    });
    expect(range.values).toEqual([["Id"]]);
    await fake.Excel.run(async (context) => {
      expect(officeError(() => (range.values = [["x"]])).code).toBe("InvalidObjectPath");
      expect(officeError(() => range.load("address")).code).toBe("InvalidObjectPath");
      expect(officeError(() => context.load(range, "values")).code).toBe("InvalidRequestContext");
    });

    const tracked = await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A2");
      context.trackedObjects.add(r);
      return r;
    });
    await fake.Excel.run(tracked, async () => {
      tracked.values = [[7]];
    });
    expect(fake.workbook.getCell("Sheet1", "A2")).toBe(7);
  });

  it("rejects an argument proxy from a different context", async () => {
    await fake.Excel.run(async (outer) => {
      const source = outer.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      await fake.Excel.run(async (inner) => {
        const charts = inner.workbook.worksheets.getItem("Sheet1").charts;
        expect(officeError(() => charts.add("Pie", source)).code).toBe("InvalidRequestContext");
      });
    });
  });

  it("loads nested collections and navigation properties, and serializes them with toJSON", async () => {
    fake.workbook.addTable("Indata", "Konton", [["Konto"], ["4010"]]);
    await fake.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name, items/tables/items/name");
      const format = context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.load("font/bold, columnWidth");
      await context.sync();
      expect(sheets.toJSON()).toEqual({
        items: [
          { name: "Sheet1", tables: [] },
          { name: "Indata", tables: [{ name: "Konton" }] },
        ],
      });
      expect(format.toJSON()).toEqual({ columnWidth: 48, font: { bold: false } });
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.load("nonsense");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  it("invalidates navigation children of released objects too", async () => {
    const range = await fake.Excel.run(async (context) => context.workbook.worksheets.getItem("Sheet1").getRange("A1"));
    expect(officeError(() => (range.format.font.bold = true)).code).toBe("InvalidObjectPath");
  });

  it("requires the batch to return a promise", async () => {
    const run = fake.Excel.run as unknown as (batch: () => unknown) => Promise<unknown>;
    await expect(run(() => 1)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });

  it("works with a RequestContext created directly", async () => {
    const context = new fake.Excel.RequestContext();
    const count = context.workbook.worksheets.getCount();
    expect(() => count.value).toThrow(expect.objectContaining({ code: "ValueNotLoaded" }));
    await context.sync();
    expect(count.value).toBe(1);
  });
});

describe("writing cells", () => {
  let fake: FakeExcel;
  beforeEach(() => {
    fake = createFakeExcel();
  });

  it("rejects values of the wrong shape with InvalidArgument, applying the actions before it", async () => {
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["first"]];
      sheet.getRange("A2:C2").values = [[1, 2]];
      sheet.getRange("A3").values = [["never"]];
      await expect(context.sync()).rejects.toMatchObject({
        code: "InvalidArgument",
        message: "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      });
      sheet.getRange("A4:B4").formulas = [[1], [2]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(fake.workbook.getValues("Sheet1")).toEqual([["first"]]);
  });

  it("broadcasts a single value or formula to the whole range, shifting relative references", async () => {
    fake.workbook.setValues("Sheet1", "A1", [[1], [2], [3]]);
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("C1:C3").values = "x" as unknown as string[][];
      sheet.getRange("B1:B3").formulas = "=A1*10" as unknown as string[][];
      sheet.getRange("D1:D3").numberFormat = "0.00" as unknown as string[][];
    });
    expect(fake.workbook.getValues("Sheet1", "A1:C3")).toEqual([
      [1, 10, "x"],
      [2, 20, "x"],
      [3, 30, "x"],
    ]);
    expect(fake.workbook.getFormula("Sheet1", "B3")).toBe("=A3*10");
    expect(fake.workbook.getFormat("Sheet1", "D2").numberFormat).toBe("0.00");
  });

  it("treats written text like typed input unless the cell is formatted as text", async () => {
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:E1").values = [["0123", "TRUE", "'0456", "12 kr", null]];
      sheet.getRange("A2").numberFormat = [["@"]];
      sheet.getRange("A2").values = [["0123"]];
      sheet.getRange("B2").values = [[Number.NaN]];
    });
    expect(fake.workbook.getValues("Sheet1", "A1:D2")).toEqual([
      [123, true, "0456", "12 kr"],
      ["0123", "", "", ""],
    ]);
  });

  it("keeps a cell unchanged for null and clears it for an empty string", async () => {
    fake.workbook.setValues("Sheet1", "A1", [["keep", "drop"]]);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[null, ""]] as unknown as string[][];
    });
    expect(fake.workbook.getValues("Sheet1", "A1:B1")).toEqual([["keep", ""]]);
  });

  it("copies cells, formulas (references moved) and formats with copyFrom", async () => {
    fake.workbook.addSheet("Källa", [
      ["Namn", "Belopp", "Dubbelt"],
      ["a", 1, "=B2*2"],
      ["b", 2, "=B3*2"],
    ]);
    await fake.Excel.run(async (context) => {
      const source = context.workbook.worksheets.getItem("Källa");
      source.getRange("A1:C1").format.font.bold = true;
      source.getRange("B2:B3").numberFormat = [["0.00"], ["0.00"]];
      const target = context.workbook.worksheets.getItem("Sheet1");
      target.getRange("E5").copyFrom(source.getUsedRange(), "All");
      target.getRange("A1").copyFrom("Källa!C2:C3", "Values");
      target.getRange("B1").copyFrom(source.getRange("A1:C1"), "All", false, true);
    });
    expect(fake.workbook.getValues("Sheet1", "E5:G7")).toEqual([
      ["Namn", "Belopp", "Dubbelt"],
      ["a", 1, 2],
      ["b", 2, 4],
    ]);
    expect(fake.workbook.getFormula("Sheet1", "G6")).toBe("=F6*2");
    expect(fake.workbook.getFormula("Sheet1", "A1")).toBeUndefined();
    expect(fake.workbook.getValues("Sheet1", "A1:B3")).toEqual([
      [2, "Namn"],
      [4, "Belopp"],
      ["", "Dubbelt"],
    ]);
    expect(fake.workbook.getFormat("Sheet1", "F5")).toMatchObject({ bold: true, numberFormat: "General" });
    expect(fake.workbook.getFormat("Sheet1", "F6")).toMatchObject({ bold: false, numberFormat: "0.00" });
    expect(fake.workbook.getFormat("Sheet1", "B3")).toMatchObject({ bold: true });
  });

  it("clears contents and formats", async () => {
    fake.workbook.setValues("Sheet1", "A1", [["a", "b"]]);
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.format.font.bold = true;
      range.numberFormat = [["@", "@"]];
      range.getCell(0, 1).clear();
      range.getCell(0, 0).clear("Contents");
    });
    expect(fake.workbook.getValues("Sheet1", "A1:B1")).toEqual([["", ""]]);
    expect(fake.workbook.getFormat("Sheet1", "A1")).toMatchObject({ bold: true, numberFormat: "@" });
    expect(fake.workbook.getFormat("Sheet1", "B1")).toMatchObject({ bold: false, numberFormat: "General" });
  });
});

describe("failure injection and metering", () => {
  it("fails the N-th sync (counted across runs) with GeneralException and applies nothing of it", async () => {
    const fake = createFakeExcel({ failAtSync: 2 });
    const write = (cell: string, value: number) =>
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange(cell).values = [[value]];
        context.workbook.worksheets.add(`S${value}`);
      });
    await write("A1", 1);
    await expect(write("A2", 2)).rejects.toMatchObject({ code: "GeneralException" });
    await write("A3", 3);
    expect(fake.workbook.getValues("Sheet1")).toEqual([[1], [""], [3]]);
    expect(fake.workbook.sheetNames()).toEqual(["Sheet1", "S1", "S3"]);
    expect(fake.stats.requests.map((r) => r.error ?? "ok")).toEqual(["ok", "GeneralException", "ok"]);

    fake.failAtSync(fake.stats.syncCount + 1);
    await expect(write("A4", 4)).rejects.toMatchObject({ code: "GeneralException" });
    fake.failAtSync(fake.stats.syncCount + 1);
    fake.failNoMore();
    await write("A5", 5);
    expect(fake.workbook.getCell("Sheet1", "A5")).toBe(5);
    expect(fake.workbook.getCell("Sheet1", "A4")).toBe("");
    expect(() => fake.failAtSync(fake.stats.syncCount)).toThrow(RangeError);

    // After a reset the numbering starts again at 1.
    fake.stats.reset();
    fake.failAtSync(2);
    await write("A6", 6);
    await expect(write("A7", 7)).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.stats.requests.map((r) => [r.sync, r.error ?? "ok"])).toEqual([
      [1, "ok"],
      [2, "GeneralException"],
    ]);
  });

  it("meters request and response bytes per sync", async () => {
    const fake = createFakeExcel();
    const values = [
      ["Kostnad", 1234.5],
      ["Intäkt", -20],
    ];
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      range.values = values;
      await context.sync();
      range.load("values");
      await context.sync();
    });
    const [write, read] = fake.stats.requests;
    const size = JSON.stringify(values).length;
    expect(write.requestBytes).toBeGreaterThanOrEqual(size);
    expect(write.responseBytes).toBe(0);
    expect(read.responseBytes).toBe(JSON.stringify({ values }).length);
    expect(read.bytes).toBe(read.requestBytes + read.responseBytes);
    expect(write.operations).toBe(3); // getItem, getRange, values
    fake.stats.reset();
    expect(fake.stats).toMatchObject({ syncCount: 0, requests: [] });
  });

  it("rejects a request over the limit with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const fake = createFakeExcel({ maxRequestBytes: 1000 });
    const big = Array.from({ length: 100 }, (_, i) => [`row ${i}`, i]);
    await expect(
      fake.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("D1").values = [["small"]];
        sheet.getRange("A1:B100").values = big;
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.workbook.getValues("Sheet1")).toEqual([]);
    // Split into chunks, the same data goes through.
    for (let start = 0; start < 100; start += 25) {
      await fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(start, 0, 25, 2).values = big.slice(start, start + 25);
      });
    }
    expect(fake.workbook.getCell("Sheet1", "A100")).toBe("row 99");
    expect(fake.stats.requests.every((r) => r.error || r.requestBytes <= 1000)).toBe(true);
  });

  it("rejects a response over the limit with ResponsePayloadSizeLimitExceeded", async () => {
    const fake = createFakeExcel({ maxRequestBytes: 500 });
    fake.workbook.addSheet(
      "Data",
      Array.from({ length: 100 }, (_, i) => [i, `text ${i}`]),
    );
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B100").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      expect(officeError(() => range.values).code).toBe("PropertyNotLoaded");
    });
  });
});

describe("charts", () => {
  it("records type, source, series, titles and position", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("KPB Diagram", [
      ["Verksamhet", "Kostnad", "Jämförelse"],
      ["Hemtjänst", 100, 90],
      ["Särskilt boende", 200, 210],
    ]);
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("KPB Diagram");
      const chart = sheet.charts.add(fake.Excel.ChartType.columnClustered, sheet.getRange("A1:C3"), fake.Excel.ChartSeriesBy.columns);
      chart.title.text = "Kostnad per brukare";
      chart.axes.categoryAxis.title.text = "Verksamhet";
      chart.axes.valueAxis.title.text = "kr";
      chart.setPosition("E2", "L20");
      const line = chart.series.add("Trend");
      line.setValues(sheet.getRange("C2:C3"));
      line.setXAxisValues(sheet.getRange("A2:A3"));
      line.chartType = fake.Excel.ChartType.line;
      const pie = sheet.charts.add("Pie", sheet.getRange("A1:B3"));
      pie.name = "Fördelning";
      chart.load("name");
      chart.series.load("items/name");
      const count = sheet.charts.getCount();
      const missing = sheet.charts.getItemOrNullObject("Nope");
      await context.sync();
      expect(chart.name).toBe("Chart 1");
      expect(chart.series.items.map((s) => s.name)).toEqual(["Kostnad", "Jämförelse", "Trend"]);
      expect(count.value).toBe(2);
      expect(missing.isNullObject).toBe(true);
    });
    const [column, pie] = fake.workbook.charts("KPB Diagram");
    expect(column).toMatchObject({
      name: "Chart 1",
      type: "ColumnClustered",
      sourceAddress: "'KPB Diagram'!A1:C3",
      seriesBy: "Columns",
      title: { text: "Kostnad per brukare", visible: true },
      categoryAxisTitle: "Verksamhet",
      valueAxisTitle: "kr",
      position: { startCell: "E2", endCell: "L20", left: 4 * 48, top: 15 },
    });
    expect(column.series).toEqual([
      // Guessed by Excel from the source range, and added explicitly.
      { name: "Kostnad", chartType: "ColumnClustered", values: "'KPB Diagram'!B2:B3", xValues: "'KPB Diagram'!A2:A3", explicit: false },
      { name: "Jämförelse", chartType: "ColumnClustered", values: "'KPB Diagram'!C2:C3", xValues: "'KPB Diagram'!A2:A3", explicit: false },
      { name: "Trend", chartType: "Line", values: "'KPB Diagram'!C2:C3", xValues: "'KPB Diagram'!A2:A3", explicit: true },
    ]);
    expect(pie).toMatchObject({ name: "Fördelning", type: "Pie", series: [{ name: "Kostnad" }] });

    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("KPB Diagram").charts.getItem("Fördelning").delete();
    });
    expect(fake.workbook.charts("KPB Diagram").map((c) => c.name)).toEqual(["Chart 1"]);
  });

  it("rejects an unknown chart type", async () => {
    const fake = createFakeExcel();
    await expect(
      fake.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.charts.add("Sparkles", sheet.getRange("A1:B2"));
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("formulas across sheets", () => {
  const SOURCE = "KPB Styckkostnader";

  async function refreshInPlace(fake: FakeExcel, value: number): Promise<void> {
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SOURCE);
      sheet.getRange("C5").values = [[value]];
    });
  }

  it("keeps a user's formula working when the add-in writes into the existing sheet", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet(SOURCE);
    fake.workbook.setCell(SOURCE, "C5", 100);
    fake.workbook.addSheet("Mina beräkningar", [[`='${SOURCE}'!C5`, `=A1*2`, `=SUM('${SOURCE}'!C1:C10)+1`]]);
    expect(fake.workbook.getValues("Mina beräkningar")).toEqual([[100, 200, 101]]);
    await refreshInPlace(fake, 150);
    expect(fake.workbook.getValues("Mina beräkningar")).toEqual([[150, 300, 151]]);
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Mina beräkningar").getRange("A1:B1").load("values, formulas");
      await context.sync();
      expect(range.values).toEqual([[150, 300]]);
      expect(range.formulas).toEqual([[`='${SOURCE}'!C5`, "=A1*2"]]);
    });
  });

  it("turns references into #REF! when the sheet is deleted, and re-adding the sheet does not revive them", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet(SOURCE);
    fake.workbook.setCell(SOURCE, "C5", 100);
    fake.workbook.addSheet("Mina beräkningar", [[`='${SOURCE}'!C5`, "=A1*2"]]);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem(SOURCE).delete();
    });
    expect(fake.workbook.getValues("Mina beräkningar")).toEqual([["#REF!", "#REF!"]]);
    expect(fake.workbook.getFormula("Mina beräkningar", "A1")).toBe("=#REF!C5");

    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add(SOURCE);
      sheet.getRange("C5").values = [[150]];
    });
    expect(fake.workbook.getValues("Mina beräkningar")).toEqual([["#REF!", "#REF!"]]);
  });

  it("lets references follow a renamed sheet", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Data", [[5]]);
    fake.workbook.setCell("Sheet1", "A1", "=Data!A1+1");
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").name = "KPB Data";
    });
    expect(fake.workbook.getFormula("Sheet1", "A1")).toBe("='KPB Data'!A1+1");
    expect(fake.workbook.getCell("Sheet1", "A1")).toBe(6);
  });

  it("shows 0 for circular references, as Excel does", () => {
    const fake = createFakeExcel();
    fake.workbook.setValues("Sheet1", "A1", [["=B1+1", "=A1+1"]]);
    expect(fake.workbook.getValues("Sheet1")[0].every((v) => typeof v === "number")).toBe(true);
  });

  it("evaluates names, arithmetic and a few functions", () => {
    const fake = createFakeExcel();
    fake.workbook.setValues("Sheet1", "A1", [
      [2, 4, '=IF(A1>1,"stor","liten")'],
      ["=AVERAGE(A1:B1)", "=A1/0", "=IFERROR(B2,-1)"],
      ["=ROUND(10/3,2)", '="kr "&A1', "=Nope(1)"],
      ["=Z99", "=-A1^2", "=MAX(A1:B1)-MIN(A1:B1)"],
    ]);
    expect(fake.workbook.getValues("Sheet1")).toEqual([
      [2, 4, "stor"],
      [3, "#DIV/0!", -1],
      [3.33, "kr 2", "#NAME?"],
      [0, 4, 2],
    ]);
  });
});

describe("worksheets", () => {
  it("adds, renames, moves, hides, activates and deletes sheets", async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add("KPB Resultat");
      added.position = 0;
      sheets.add();
      const hidden = sheets.add("Temp");
      hidden.visibility = fake.Excel.SheetVisibility.hidden;
      added.activate();
      const active = sheets.getActiveWorksheet().load("name");
      const visibleCount = sheets.getCount(true);
      sheets.load("items/name");
      await context.sync();
      expect(active.name).toBe("KPB Resultat");
      expect(visibleCount.value).toBe(3);
      expect(sheets.items.map((s) => s.name)).toEqual(["KPB Resultat", "Sheet1", "Sheet3", "Temp"]);
      sheets.getItem("Temp").delete();
      sheets.add("sheet1");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    });
    expect(fake.workbook.sheetNames()).toEqual(["KPB Resultat", "Sheet1", "Sheet3"]);
    expect(fake.workbook.activeSheet).toBe("KPB Resultat");
  });

  it("gives Office-style addresses for ranges", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet 1", "Data"] });
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet 1");
      const ranges = [
        sheet.getRange("a1:d20"),
        sheet.getRange("A:A"),
        sheet.getRange("2:3"),
        sheet.getRange("'Sheet 1'!B2:C3"),
        sheet.getRangeByIndexes(4, 2, 1, 1),
        sheet.getRange("A1:D20").getCell(1, 1).getResizedRange(1, 2),
        sheet.getRange("A1:D20").getLastRow(),
        sheet.getRange("B2").getOffsetRange(1, 1),
        sheet.getRange("A1:D20").getColumn(2),
        context.workbook.worksheets.getItem("Data").getRange("A1"),
      ].map((r) => r.load("address"));
      await context.sync();
      expect(ranges.map((r) => r.address)).toEqual([
        "'Sheet 1'!A1:D20",
        "'Sheet 1'!A:A",
        "'Sheet 1'!2:3",
        "'Sheet 1'!B2:C3",
        "'Sheet 1'!C5",
        "'Sheet 1'!B2:D3",
        "'Sheet 1'!A20:D20",
        "'Sheet 1'!C3",
        "'Sheet 1'!C1:C20",
        "Data!A1",
      ]);
      sheet.getRange("Data!A1");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  it("finds the used range, or A1 / a null object on a blank sheet", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Data");
    fake.workbook.setValues("Sheet1", "B3", [[1, null, 3], [null, "x", null]]);
    await fake.Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Sheet1").getUsedRange(true).load("address, values");
      const blank = context.workbook.worksheets.getItem("Data").getUsedRange().load("address");
      const none = context.workbook.worksheets.getItem("Data").getUsedRangeOrNullObject();
      await context.sync();
      expect(used.address).toBe("Sheet1!B3:D4");
      expect(used.values).toEqual([
        [1, "", 3],
        ["", "x", ""],
      ]);
      expect(blank.address).toBe("Data!A1");
      expect(none.isNullObject).toBe(true);
    });
  });

  it("records formats, freeze panes and the selection", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Rapport", [
      ["Rubrik", "Belopp"],
      ["Hemtjänst i ordinärt boende", 123456],
    ]);
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Rapport");
      const header = sheet.getRange("A1:B1");
      header.format.font.bold = true;
      header.format.fill.color = "#DDEBF7";
      header.format.horizontalAlignment = "Center";
      sheet.getRange("B:B").format.columnWidth = 80;
      sheet.getRange("A:A").format.autofitColumns();
      sheet.freezePanes.freezeRows(1);
      sheet.getRange("B2").select();
      const mixed = sheet.getRange("A1:A2").format.font.load("bold");
      await context.sync();
      expect(mixed.bold).toBeNull();
    });
    expect(fake.workbook.getFormat("Rapport", "B1")).toMatchObject({
      bold: true,
      fillColor: "#DDEBF7",
      horizontalAlignment: "Center",
      columnWidth: 80,
    });
    expect(fake.workbook.sheetInfo("Rapport")).toMatchObject({ frozenRows: 1, columnWidths: { A: 149.25, B: 80 } });
    expect(fake.workbook.selection).toBe("Rapport!B2");
    expect(fake.workbook.activeSheet).toBe("Rapport");
  });

  it("refuses cell-by-cell work on a whole sheet instead of hanging", async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange().load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "RangeExceedsLimit" });
    });
  });

  it("records application calculation switches", async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      context.workbook.application.calculationMode = fake.Excel.CalculationMode.manual;
      const app = context.workbook.application.load("calculationMode");
      await context.sync();
      expect(app.calculationMode).toBe("Manual");
    });
    expect(fake.workbook.application).toEqual({
      calculationMode: "Manual",
      calculateCalls: 0,
      suspendApiCalculationCalls: 1,
      suspendScreenUpdatingCalls: 1,
    });
  });
});

describe("tables and names", () => {
  it("reads, extends and deletes tables", async () => {
    const fake = createFakeExcel();
    fake.workbook.addTable("Indata", "Kostnader", [
      ["Konto", "Belopp"],
      ["4010", 100],
      ["4020", 200],
    ]);
    await fake.Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("kostnader");
      const body = table.getDataBodyRange().load("values, address");
      const header = table.getHeaderRowRange().load("values");
      const columns = table.columns.load("items/name");
      table.rows.add(null, [["4030", 300]]);
      const after = table.getRange().load("address");
      const missing = context.workbook.tables.getItemOrNullObject("Nope");
      await context.sync();
      expect(body.values).toEqual([
        ["4010", 100],
        ["4020", 200],
      ]);
      expect(body.address).toBe("Indata!A2:B3");
      expect(header.values).toEqual([["Konto", "Belopp"]]);
      expect(columns.items.map((c) => c.name)).toEqual(["Konto", "Belopp"]);
      expect(after.address).toBe("Indata!A1:B4");
      expect(missing.isNullObject).toBe(true);
    });
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Indata");
      const created = sheet.tables.add("D1:E1", true);
      created.name = "Ny";
      const none = sheet.tables.add("D5:E6", false);
      none.getHeaderRowRange().load("values");
      context.workbook.tables.getItem("Kostnader").delete();
    });
    expect(fake.workbook.tables().map((t) => [t.name, t.address, t.headers])).toEqual([
      ["Ny", "Indata!D1:E2", ["Column1", "Column2"]],
      ["Table1", "Indata!D5:E7", ["Column1", "Column2"]],
    ]);
    expect(fake.workbook.getValues("Indata", "A1:B4")).toEqual(Array.from({ length: 4 }, () => ["", ""]));
  });

  it("defines names that become #REF! when their sheet goes", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet("Data", [[10], [20]]);
    await fake.Excel.run(async (context) => {
      const names = context.workbook.names;
      names.add("Belopp", context.workbook.worksheets.getItem("Data").getRange("A1:A2"));
      names.add("Moms", "=0.25");
      const item = names.getItem("belopp").load("type, value, formula");
      const range = item.getRange().load("values");
      await context.sync();
      expect([item.type, item.value, item.formula]).toEqual(["Range", "Data!$A$1:$A$2", "=Data!$A$1:$A$2"]);
      expect(range.values).toEqual([[10], [20]]);
    });
    fake.workbook.setCell("Sheet1", "A1", "=SUM(Belopp)*Moms");
    expect(fake.workbook.getCell("Sheet1", "A1")).toBe(7.5);
    fake.workbook.deleteSheet("Data");
    expect(fake.workbook.names()[0]).toMatchObject({ name: "Belopp", type: "Error", value: "#REF!", formula: "=#REF!$A$1:$A$2" });
    expect(fake.workbook.getCell("Sheet1", "A1")).toBe("#REF!");
  });
});

describe("settings", () => {
  it("round-trips add-in settings through the document", async () => {
    const fake = createFakeExcel();
    const saved = { version: 2, sheets: ["KPB Styckkostnader"], options: { rounding: true } };
    await fake.Excel.run(async (context) => {
      context.workbook.settings.add("kpb", saved);
    });
    saved.version = 3; // the stored copy is not affected
    await fake.Excel.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject("kpb").load("value");
      const missing = context.workbook.settings.getItemOrNullObject("other").load("value");
      await context.sync();
      expect(setting.value).toEqual({ version: 2, sheets: ["KPB Styckkostnader"], options: { rounding: true } });
      expect(missing.isNullObject).toBe(true);
      setting.value = { version: 4 };
    });
    expect(fake.workbook.settings()).toEqual({ kpb: { version: 4 } });
    expect(fake.workbook.snapshot().settings).toEqual({ kpb: { version: 4 } });
    await fake.Excel.run(async (context) => {
      context.workbook.settings.getItem("kpb").delete();
    });
    expect(fake.workbook.settings()).toEqual({});
  });
});

describe("large sheets", () => {
  const ROWS = 200_000;
  const COLS = 8;

  it("holds a 200 000 × 8 sheet and reads it in chunks within the payload limit", async () => {
    const fake = createFakeExcel();
    const data: (string | number)[][] = [];
    for (let r = 0; r < ROWS; r++) {
      const row: (string | number)[] = [`id${r}`];
      for (let c = 1; c < COLS; c++) row.push(r + c);
      data.push(row);
    }
    fake.workbook.addSheet("Stor", data);

    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Stor");
      const used = sheet.getUsedRange(true).load("rowCount, columnCount");
      await context.sync();
      expect([used.rowCount, used.columnCount]).toEqual([ROWS, COLS]);

      // All at once the response is far over 5 MB, as in Excel on the web.
      sheet.getRange(`A1:H${ROWS}`).load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    });

    const started = Date.now();
    const CHUNK = 25_000;
    let total = 0;
    let rows = 0;
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Stor");
      for (let start = 0; start < ROWS; start += CHUNK) {
        const range = sheet.getRangeByIndexes(start, 0, CHUNK, COLS).load("values");
        await context.sync();
        for (const row of range.values) {
          total += row[COLS - 1] as number;
          rows++;
        }
      }
    });
    const elapsed = Date.now() - started;
    expect(rows).toBe(ROWS);
    expect(total).toBe((ROWS * (ROWS - 1)) / 2 + ROWS * (COLS - 1));
    expect(fake.stats.requests.slice(-ROWS / CHUNK).every((r) => !r.error && r.responseBytes < 5 * 1024 * 1024)).toBe(true);
    expect(elapsed).toBeLessThan(10_000);
  });
});

describe("snapshot", () => {
  it("is a plain deep copy that compares equal until something changes", async () => {
    const fake = createFakeExcel();
    fake.workbook.addTable("Indata", "T", [["A"], [1]]);
    fake.workbook.setCell("Sheet1", "B2", "=Indata!A2*2");
    const before = fake.workbook.snapshot();
    expect(JSON.parse(JSON.stringify(before))).toEqual(before);
    expect(before.sheets[0]).toMatchObject({ name: "Sheet1", values: [["", ""], ["", 2]], formulas: { B2: "=Indata!A2*2" } });
    expect(fake.workbook.snapshot()).toEqual(before);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Indata").getRange("A2").values = [[5]];
    });
    expect(fake.workbook.snapshot()).not.toEqual(before);
    expect(fake.workbook.getCell("Sheet1", "B2")).toBe(10);
  });
});
