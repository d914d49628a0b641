import { FakeClientResult, FakeCollection, type Locator, type ObjectSpec } from "./client-object";
import type { SheetModel, WorkbookModel } from "./model";
import { FakeWorksheet } from "./worksheet";

const COLLECTION_SPEC: ObjectSpec<WorkbookModel> = { typeName: "WorksheetCollection", scalars: {} };

function visible(model: WorkbookModel, visibleOnly: boolean | undefined): SheetModel[] {
  return visibleOnly ? model.visibleSheets() : model.sheets;
}

export class FakeWorksheetCollection extends FakeCollection<WorkbookModel, SheetModel, FakeWorksheet> {
  protected get _ownSpec() {
    return COLLECTION_SPEC;
  }

  protected _list(model: WorkbookModel): SheetModel[] {
    return model.sheets;
  }

  protected _makeItem(path: string, locator: Locator<SheetModel>): FakeWorksheet {
    return new FakeWorksheet(this.context, this, path, locator);
  }

  /** By name (case-insensitive) or id. A missing sheet makes the next sync reject with ItemNotFound. */
  getItem(key: string): FakeWorksheet {
    return this._lookup("WorksheetCollection.getItem", key, `${this._path}.getItem(${JSON.stringify(key)})`, false, (m) => m.sheetByKey(key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return this._lookup(
      "WorksheetCollection.getItemOrNullObject",
      key,
      `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`,
      true,
      (m) => m.sheetByKey(key),
    );
  }

  /** Adds a sheet at the end (not activated); without a name Excel picks "SheetN". */
  add(name?: string): FakeWorksheet {
    const path = `${this._path}.add(${name === undefined ? "" : JSON.stringify(name)})`;
    return this._lookup("WorksheetCollection.add", name ?? null, path, false, (m) => m.addSheet(name));
  }

  getActiveWorksheet(): FakeWorksheet {
    return this._lookup("WorksheetCollection.getActiveWorksheet", null, `${this._path}.getActiveWorksheet()`, false, (m) => m.activeSheet);
  }

  getFirst(visibleOnly?: boolean): FakeWorksheet {
    return this._lookup("WorksheetCollection.getFirst", visibleOnly ?? null, `${this._path}.getFirst()`, false, (m) => visible(m, visibleOnly)[0]);
  }

  getLast(visibleOnly?: boolean): FakeWorksheet {
    return this._lookup("WorksheetCollection.getLast", visibleOnly ?? null, `${this._path}.getLast()`, false, (m) => {
      const sheets = visible(m, visibleOnly);
      return sheets[sheets.length - 1];
    });
  }

  getCount(visibleOnly?: boolean): FakeClientResult<number> {
    return this._invokeWithResult("WorksheetCollection.getCount", visibleOnly ?? null, (m) => visible(m, visibleOnly).length);
  }
}

