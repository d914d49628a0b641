import { defineScalars, FakeClientObject, FakeClientResult, FakeCollection, type Locator, type ObjectSpec } from "./client-object";
import { invalidArgument } from "./errors";
import { SettingModel, type WorkbookModel } from "./model";

/** Excel.SettingCollection: add-in settings saved in the document, as JSON. */

export function jsonCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function liveSettings(model: WorkbookModel): SettingModel[] {
  return model.settings.filter((s) => !s.deleted);
}

function findSetting(model: WorkbookModel, key: string): SettingModel | undefined {
  return liveSettings(model).find((s) => s.key === key);
}

/** Sets or replaces a setting; values are stored as their JSON form. */
export function putSetting(model: WorkbookModel, key: unknown, value: unknown): SettingModel {
  if (typeof key !== "string" || key.length === 0 || key.length > 255) throw invalidArgument(undefined, "SettingCollection.add");
  const stored = jsonCopy(value);
  const existing = findSetting(model, key);
  if (existing) {
    existing.value = stored;
    return existing;
  }
  const setting = new SettingModel(key, stored);
  model.settings.push(setting);
  return setting;
}

const SETTINGS_SPEC: ObjectSpec<WorkbookModel> = { typeName: "SettingCollection", scalars: {} };

export class FakeSettingCollection extends FakeCollection<WorkbookModel, SettingModel, FakeSetting> {
  protected get _ownSpec() {
    return SETTINGS_SPEC;
  }

  protected _list(model: WorkbookModel): SettingModel[] {
    return liveSettings(model);
  }

  protected _makeItem(path: string, locator: Locator<SettingModel>): FakeSetting {
    return new FakeSetting(this.context, this, path, locator);
  }

  add(key: string, value: unknown): FakeSetting {
    return this._lookup("SettingCollection.add", [key, value], `${this._path}.add(${JSON.stringify(key)})`, false, (m) => putSetting(m, key, value));
  }

  getItem(key: string): FakeSetting {
    return this._lookup("SettingCollection.getItem", key, `${this._path}.getItem(${JSON.stringify(key)})`, false, (m) => findSetting(m, key));
  }

  getItemOrNullObject(key: string): FakeSetting {
    return this._lookup("SettingCollection.getItemOrNullObject", key, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, true, (m) =>
      findSetting(m, key),
    );
  }

  getCount(): FakeClientResult<number> {
    return this._invokeWithResult("SettingCollection.getCount", null, (m) => liveSettings(m).length);
  }
}

const SETTING_SPEC: ObjectSpec<SettingModel> = {
  typeName: "Setting",
  scalars: {
    key: { get: (s) => s.key },
    value: { get: (s) => jsonCopy(s.value), set: (s, v) => void (s.value = jsonCopy(v)) },
  },
};

export class FakeSetting extends FakeClientObject<SettingModel> {
  declare readonly key: string;
  declare value: unknown;

  protected get _spec() {
    return SETTING_SPEC;
  }

  delete(): void {
    this._invoke("Setting.delete", null, (s, exec) => {
      s.deleted = true;
      exec.model.settings.splice(exec.model.settings.indexOf(s), 1);
    });
  }
}

defineScalars(FakeSetting, SETTING_SPEC);
