import { defineScalars, FakeClientObject, type Locator, type ObjectSpec } from "./client-object";
import { invalidArgument } from "./errors";
import type { RangeRef, SheetModel } from "./model";
import type { FakeRequestContext } from "./request-context";

/**
 * Print setup (ExcelApi 1.9: Worksheet.pageLayout, horizontalPageBreaks) and conditional formats
 * (ExcelApi 1.6: Range.conditionalFormats, custom rules) and Range.merge, recorded on the sheet so
 * tests can read what the add-in set.
 */
export interface PrintSetup {
  orientation: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } | null;
  printTitleRows: string | null;
  headers: Record<string, string>;
  pageBreaks: string[];
}

export interface ConditionalFormatRecord {
  address: { row: number; col: number; rows: number; cols: number };
  type: string;
  formula: string;
  fill: string | null;
}

const printOf = (s: SheetModel): PrintSetup => {
  const holder = s as SheetModel & { print?: PrintSetup };
  return (holder.print ??= { orientation: "Portrait", zoom: null, printTitleRows: null, headers: {}, pageBreaks: [] });
};

export const conditionalFormatsOf = (s: SheetModel): ConditionalFormatRecord[] => ((s as SheetModel & { conditional?: ConditionalFormatRecord[] }).conditional ??= []);
export const mergesOf = (s: SheetModel): RangeRef["rect"][] => ((s as SheetModel & { merges?: RangeRef["rect"][] }).merges ??= []);
export const printSetupOf = printOf;

const PAGE_LAYOUT_SPEC: ObjectSpec<SheetModel> = {
  typeName: "PageLayout",
  scalars: {
    orientation: {
      get: (s) => printOf(s).orientation,
      set: (s, v) => {
        if (v !== "Portrait" && v !== "Landscape") throw invalidArgument(undefined, "PageLayout.orientation");
        printOf(s).orientation = v;
      },
    },
    zoom: { get: (s) => printOf(s).zoom, set: (s, v) => void (printOf(s).zoom = v as PrintSetup["zoom"]) },
  },
  navigation: ["headersFooters"],
};

const HEADER_NAMES = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];
const HEADER_SPEC: ObjectSpec<SheetModel> = {
  typeName: "HeaderFooter",
  scalars: Object.fromEntries(
    HEADER_NAMES.map((name) => [name, { get: (s: SheetModel) => printOf(s).headers[name] ?? "", set: (s: SheetModel, v: unknown) => void (printOf(s).headers[name] = String(v)) }]),
  ),
};
const GROUP_SPEC: ObjectSpec<SheetModel> = { typeName: "HeaderFooterGroup", scalars: {}, navigation: ["defaultForAllPages"] };
const BREAKS_SPEC: ObjectSpec<SheetModel> = { typeName: "PageBreakCollection", scalars: {} };

export class FakeHeaderFooter extends FakeClientObject<SheetModel> {
  protected get _spec() {
    return HEADER_SPEC;
  }
}

export class FakeHeaderFooterGroup extends FakeClientObject<SheetModel> {
  protected get _spec() {
    return GROUP_SPEC;
  }

  get defaultForAllPages(): FakeHeaderFooter {
    return this._child("defaultForAllPages", () => new FakeHeaderFooter(this.context, this, `${this._path}.defaultForAllPages`, (exec) => this._target(exec)));
  }
}

export class FakePageLayout extends FakeClientObject<SheetModel> {
  constructor(context: FakeRequestContext, parent: FakeClientObject<unknown>, path: string, locator: Locator<SheetModel>) {
    super(context, parent, path, locator);
  }

  protected get _spec() {
    return PAGE_LAYOUT_SPEC;
  }

  get headersFooters(): FakeHeaderFooterGroup {
    return this._child("headersFooters", () => new FakeHeaderFooterGroup(this.context, this, `${this._path}.headersFooters`, (exec) => this._target(exec)));
  }

  setPrintTitleRows(rows: string): void {
    this._invoke("PageLayout.setPrintTitleRows", rows, (s) => {
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw invalidArgument(undefined, "PageLayout.setPrintTitleRows");
      printOf(s).printTitleRows = rows;
    });
  }
}

export class FakePageBreakCollection extends FakeClientObject<SheetModel> {
  protected get _spec() {
    return BREAKS_SPEC;
  }

  add(pageBreakRange: string): void {
    this._invoke("PageBreakCollection.add", pageBreakRange, (s) => void printOf(s).pageBreaks.push(pageBreakRange));
  }

  removePageBreaks(): void {
    this._invoke("PageBreakCollection.removePageBreaks", null, (s) => void (printOf(s).pageBreaks = []));
  }
}

// Conditional formats: collection.add(type) → format.custom.rule.formula, format.custom.format.fill.color.

type CfTarget = { range: RangeRef; record: ConditionalFormatRecord };

const CF_SPEC: ObjectSpec<CfTarget> = { typeName: "ConditionalFormat", scalars: { type: { get: (t) => t.record.type } }, navigation: ["custom"] };
const CUSTOM_SPEC: ObjectSpec<CfTarget> = { typeName: "CustomConditionalFormat", scalars: {}, navigation: ["rule", "format"] };
const RULE_SPEC: ObjectSpec<CfTarget> = {
  typeName: "ConditionalFormatRule",
  scalars: { formula: { get: (t) => t.record.formula, set: (t, v) => void (t.record.formula = String(v)) } },
};
const CF_FORMAT_SPEC: ObjectSpec<CfTarget> = { typeName: "ConditionalRangeFormat", scalars: {}, navigation: ["fill"] };
const CF_FILL_SPEC: ObjectSpec<CfTarget> = {
  typeName: "ConditionalRangeFill",
  scalars: { color: { get: (t) => t.record.fill, set: (t, v) => void (t.record.fill = String(v)) } },
};

abstract class CfPart extends FakeClientObject<CfTarget> {
  protected _part<C>(name: string, make: new (c: FakeRequestContext, p: FakeClientObject<unknown>, path: string, l: Locator<CfTarget>) => C): C {
    return this._child(name, () => new make(this.context, this, `${this._path}.${name}`, (exec) => this._target(exec)));
  }
}

export class FakeConditionalRangeFill extends CfPart {
  declare color: string;
  protected get _spec() {
    return CF_FILL_SPEC;
  }
}

export class FakeConditionalRangeFormat extends CfPart {
  protected get _spec() {
    return CF_FORMAT_SPEC;
  }
  get fill(): FakeConditionalRangeFill {
    return this._part("fill", FakeConditionalRangeFill);
  }
}

export class FakeConditionalFormatRule extends CfPart {
  declare formula: string;
  protected get _spec() {
    return RULE_SPEC;
  }
}

export class FakeCustomConditionalFormat extends CfPart {
  protected get _spec() {
    return CUSTOM_SPEC;
  }
  get rule(): FakeConditionalFormatRule {
    return this._part("rule", FakeConditionalFormatRule);
  }
  get format(): FakeConditionalRangeFormat {
    return this._part("format", FakeConditionalRangeFormat);
  }
}

export class FakeConditionalFormat extends CfPart {
  protected get _spec() {
    return CF_SPEC;
  }
  get custom(): FakeCustomConditionalFormat {
    return this._part("custom", FakeCustomConditionalFormat);
  }
}

const CF_COLLECTION_SPEC: ObjectSpec<RangeRef> = { typeName: "ConditionalFormatCollection", scalars: {} };

export class FakeConditionalFormatCollection extends FakeClientObject<RangeRef> {
  protected get _spec() {
    return CF_COLLECTION_SPEC;
  }

  add(type: string): FakeConditionalFormat {
    if (type !== "Custom") throw invalidArgument(undefined, "ConditionalFormatCollection.add");
    let made: CfTarget | null = null;
    const proxy = new FakeConditionalFormat(this.context, this, `${this._path}.add(${JSON.stringify(type)})`, (exec) => {
      if (made) return made;
      const range = this._target(exec);
      if (!range) return null;
      const record: ConditionalFormatRecord = { address: { ...range.rect }, type, formula: "", fill: null };
      conditionalFormatsOf(range.sheet).push(record);
      made = { range, record };
      return made;
    });
    return this._created("ConditionalFormatCollection.add", type, proxy);
  }

  clearAll(): void {
    this._invoke("ConditionalFormatCollection.clearAll", null, (r) => {
      const list = conditionalFormatsOf(r.sheet);
      list.splice(0, list.length);
    });
  }
}

for (const [cls, spec] of [
  [FakePageLayout, PAGE_LAYOUT_SPEC],
  [FakeHeaderFooter, HEADER_SPEC],
] as const) defineScalars(cls as never, spec as never);
for (const [cls, spec] of [
  [FakeConditionalFormat, CF_SPEC],
  [FakeConditionalFormatRule, RULE_SPEC],
  [FakeConditionalRangeFill, CF_FILL_SPEC],
] as const) defineScalars(cls as never, spec as never);
