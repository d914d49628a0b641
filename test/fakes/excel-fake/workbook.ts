import { defineScalars, FakeClientObject, type ObjectSpec } from "./client-object";
import { invalidArgument } from "./errors";
import type { Execution } from "./execution";
import { RangeRef, type ApplicationState, type WorkbookModel } from "./model";
import { FakeNamedItemCollection } from "./names";
import { FakeRange } from "./range";
import type { FakeRequestContext } from "./request-context";
import { FakeSettingCollection } from "./settings";
import { FakeTableCollection } from "./table";
import { FakeWorksheetCollection } from "./worksheet-collection";

const WORKBOOK_SPEC: ObjectSpec<WorkbookModel> = {
  typeName: "Workbook",
  scalars: {
    name: { get: (m) => m.name },
    readOnly: { get: () => false },
  },
  navigation: ["worksheets", "tables", "names", "settings", "application"],
};

/** `context.workbook`, the root of every object path. */
export class FakeWorkbook extends FakeClientObject<WorkbookModel> {
  declare readonly name: string;
  declare readonly readOnly: boolean;

  constructor(context: FakeRequestContext) {
    super(context, null, "workbook", (exec) => exec.model);
  }

  protected get _spec() {
    return WORKBOOK_SPEC;
  }

  get worksheets(): FakeWorksheetCollection {
    return this._child("worksheets", () => new FakeWorksheetCollection(this.context, this, "workbook.worksheets", (e) => this._target(e)));
  }

  get tables(): FakeTableCollection {
    return this._child("tables", () => new FakeTableCollection(this.context, this, "workbook.tables", (e) => this._target(e)));
  }

  get names(): FakeNamedItemCollection {
    return this._child("names", () => new FakeNamedItemCollection(this.context, this, "workbook.names", (e) => this._target(e)));
  }

  get settings(): FakeSettingCollection {
    return this._child("settings", () => new FakeSettingCollection(this.context, this, "workbook.settings", (e) => this._target(e)));
  }

  get application(): FakeApplication {
    return this._child("application", () => new FakeApplication(this.context, this, "workbook.application", (e) => this._target(e)?.application ?? null));
  }

  getSelectedRange(): FakeRange {
    return this._selection("getSelectedRange", (m) => m.selection);
  }

  getActiveCell(): FakeRange {
    return this._selection("getActiveCell", (m) => new RangeRef(m.selection.sheet, { ...m.selection.rect, rows: 1, cols: 1 }));
  }

  private _selection(method: string, find: (m: WorkbookModel) => RangeRef): FakeRange {
    const locator = (exec: Execution) => find(exec.model);
    return this._created(`Workbook.${method}`, null, new FakeRange(this.context, this, `workbook.${method}()`, locator));
  }
}

defineScalars(FakeWorkbook, WORKBOOK_SPEC);

const CALCULATION_MODES = ["Automatic", "AutomaticExceptTables", "Manual"];

const APPLICATION_SPEC: ObjectSpec<ApplicationState> = {
  typeName: "Application",
  scalars: {
    calculationMode: {
      get: (a) => a.calculationMode,
      set: (a, v) => {
        if (!CALCULATION_MODES.includes(v as string)) throw invalidArgument(undefined, "Application.calculationMode");
        a.calculationMode = v as string;
      },
    },
  },
};

/** Calculation and screen-updating switches are recorded (formulas are always evaluated on read). */
export class FakeApplication extends FakeClientObject<ApplicationState> {
  declare calculationMode: string;

  protected get _spec() {
    return APPLICATION_SPEC;
  }

  calculate(calculationType?: string): void {
    this._invoke("Application.calculate", calculationType ?? null, (a) => void a.calculateCalls++);
  }

  suspendApiCalculationUntilNextSync(): void {
    this._invoke("Application.suspendApiCalculationUntilNextSync", null, (a) => void a.suspendApiCalculationCalls++);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._invoke("Application.suspendScreenUpdatingUntilNextSync", null, (a) => void a.suspendScreenUpdatingCalls++);
  }
}

defineScalars(FakeApplication, APPLICATION_SPEC);
