import { defineScalars, FakeClientObject, type Locator, type ObjectSpec, type ScalarSpec } from "./client-object";
import { invalidArgument } from "./errors";
import type { RangeRef } from "./model";
import {
  autofitColumns,
  autofitRows,
  readColumnWidth,
  readFormat,
  readRowHeight,
  writeColumnWidth,
  writeFormat,
  writeRowHeight,
} from "./range-ops";
import type { FakeRequestContext } from "./request-context";

/**
 * Range formatting. Assignments are recorded per rectangle (see FormatRecord) so tests can check
 * them; reading back gives the common value, or null where the cells differ, as Office does.
 */

function recorded(property: string, defaultValue: unknown, allowed?: readonly string[]): ScalarSpec<RangeRef> {
  return {
    get: (r) => readFormat(r, property, defaultValue),
    set: (r, value) => {
      if (allowed && !allowed.includes(value as string)) throw invalidArgument(undefined, property);
      writeFormat(r, property, value);
    },
  };
}

const HORIZONTAL = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];

const FORMAT_SPEC: ObjectSpec<RangeRef> = {
  typeName: "RangeFormat",
  scalars: {
    columnWidth: { get: (r) => readColumnWidth(r), set: (r, v) => writeColumnWidth(r, v) },
    rowHeight: { get: (r) => readRowHeight(r), set: (r, v) => writeRowHeight(r, v) },
    horizontalAlignment: recorded("horizontalAlignment", "General", HORIZONTAL),
    verticalAlignment: recorded("verticalAlignment", "Bottom", VERTICAL),
    wrapText: recorded("wrapText", false),
    indentLevel: recorded("indentLevel", 0),
  },
  navigation: ["font", "fill", "borders"],
};

const FONT_SPEC: ObjectSpec<RangeRef> = {
  typeName: "RangeFont",
  scalars: {
    bold: recorded("font.bold", false),
    italic: recorded("font.italic", false),
    underline: recorded("font.underline", "None"),
    color: recorded("font.color", "#000000"),
    size: recorded("font.size", 11),
    name: recorded("font.name", "Calibri"),
  },
};

const FILL_SPEC: ObjectSpec<RangeRef> = {
  typeName: "RangeFill",
  scalars: { color: recorded("fill.color", "#FFFFFF") },
};

const BORDERS_SPEC: ObjectSpec<RangeRef> = { typeName: "RangeBorderCollection", scalars: {} };

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

function borderSpec(index: string): ObjectSpec<RangeRef> {
  return {
    typeName: "RangeBorder",
    scalars: {
      sideIndex: { get: () => index },
      style: recorded(`borders.${index}.style`, "None"),
      color: recorded(`borders.${index}.color`, "#000000"),
      weight: recorded(`borders.${index}.weight`, "Thin"),
    },
  };
}

abstract class RangePart extends FakeClientObject<RangeRef> {
  constructor(context: FakeRequestContext, parent: FakeClientObject<unknown>, path: string, locator: Locator<RangeRef>) {
    super(context, parent, path, locator);
  }

  protected _part<C>(name: string, make: new (c: FakeRequestContext, p: FakeClientObject<unknown>, path: string, l: Locator<RangeRef>) => C): C {
    return this._child(name, () => new make(this.context, this, `${this._path}.${name}`, (exec) => this._target(exec)));
  }
}

export class FakeRangeFont extends RangePart {
  declare bold: boolean | null;
  declare italic: boolean | null;
  declare underline: string | null;
  declare color: string | null;
  declare size: number | null;
  declare name: string | null;

  protected get _spec() {
    return FONT_SPEC;
  }
}

export class FakeRangeFill extends RangePart {
  declare color: string | null;

  protected get _spec() {
    return FILL_SPEC;
  }

  clear(): void {
    this._invoke("RangeFill.clear", null, (r) => writeFormat(r, "fill.color", "#FFFFFF"));
  }
}

export class FakeRangeBorder extends RangePart {
  declare readonly sideIndex: string;
  declare style: string | null;
  declare color: string | null;
  declare weight: string | null;
  /** @internal */
  _index = "EdgeTop";

  protected get _spec() {
    return borderSpec(this._index);
  }
}

export class FakeRangeBorderCollection extends RangePart {
  protected get _spec() {
    return BORDERS_SPEC;
  }

  getItem(index: string): FakeRangeBorder {
    if (!BORDER_INDEXES.includes(index)) throw invalidArgument(undefined, "RangeBorderCollection.getItem");
    const border = this._part(`getItem('${index}')`, FakeRangeBorder);
    border._index = index;
    return border;
  }
}

export class FakeRangeFormat extends RangePart {
  declare columnWidth: number | null;
  declare rowHeight: number | null;
  declare horizontalAlignment: string | null;
  declare verticalAlignment: string | null;
  declare wrapText: boolean | null;
  declare indentLevel: number | null;

  protected get _spec() {
    return FORMAT_SPEC;
  }

  get font(): FakeRangeFont {
    return this._part("font", FakeRangeFont);
  }

  get fill(): FakeRangeFill {
    return this._part("fill", FakeRangeFill);
  }

  get borders(): FakeRangeBorderCollection {
    return this._part("borders", FakeRangeBorderCollection);
  }

  autofitColumns(): void {
    this._invoke("RangeFormat.autofitColumns", null, (r, exec) => autofitColumns(exec.model, r));
  }

  autofitRows(): void {
    this._invoke("RangeFormat.autofitRows", null, (r) => autofitRows(r));
  }
}

defineScalars(FakeRangeFormat, FORMAT_SPEC);
defineScalars(FakeRangeFont, FONT_SPEC);
defineScalars(FakeRangeFill, FILL_SPEC);
defineScalars(FakeRangeBorder, borderSpec("EdgeTop"));
