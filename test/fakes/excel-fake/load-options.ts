import { invalidArgument } from "./errors";

/**
 * What a `load()` call asks for, as a tree: scalar properties of this object, navigation
 * properties with their own trees, or everything. Accepts every form Office.js accepts:
 * "a,b", ["a","b"], "format/font/bold", {select, expand, top, skip}, {values: true, format: {…}},
 * and for collections "items", "items/name" (item properties).
 */
export interface LoadTree {
  all: boolean;
  props: Set<string>;
  children: Map<string, LoadTree>;
  top?: number;
  skip?: number;
}

export function emptyTree(): LoadTree {
  return { all: false, props: new Set(), children: new Map() };
}

export function allTree(): LoadTree {
  return { all: true, props: new Set(), children: new Map() };
}

export function parseLoadOption(option: unknown): LoadTree {
  if (option === undefined || option === null) return allTree();
  if (typeof option === "string") return fromPaths(option.split(","));
  if (Array.isArray(option)) return fromPaths(option.map(String));
  if (typeof option !== "object") throw invalidArgument("The argument 'option' is invalid.", "load");
  const o = option as Record<string, unknown>;
  if (isSelectExpand(o)) {
    const tree = o.select === undefined ? allTree() : fromPaths(toList(o.select));
    if (o.expand !== undefined) for (const path of toList(o.expand)) addPath(tree, path, true);
    if (typeof o.top === "number") tree.top = o.top;
    if (typeof o.skip === "number") tree.skip = o.skip;
    return tree;
  }
  return fromStrictObject(o, true);
}

function isSelectExpand(o: Record<string, unknown>): boolean {
  return ["select", "expand", "top", "skip"].some((k) => o[k] !== undefined) || Object.keys(o).length === 0;
}

function toList(value: unknown): string[] {
  return typeof value === "string" ? value.split(",") : Array.isArray(value) ? value.map(String) : [];
}

function fromPaths(paths: string[]): LoadTree {
  const tree = emptyTree();
  for (const path of paths) addPath(tree, path, false);
  return tree;
}

function addPath(tree: LoadTree, rawPath: string, expand: boolean): void {
  const segments = rawPath
    .trim()
    .split(/[/.]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.toLowerCase() !== "items");
  if (segments.length === 0) {
    // "items" or "*": everything (of the items, for a collection).
    if (rawPath.trim().length > 0) tree.all = true;
    return;
  }
  let node = tree;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === "*") {
      node.all = true;
      return;
    }
    const last = i === segments.length - 1;
    if (last && !expand) {
      node.props.add(segment);
      return;
    }
    let child = node.children.get(segment);
    if (!child) node.children.set(segment, (child = emptyTree()));
    if (last) child.all = true;
    node = child;
  }
}

function fromStrictObject(o: Record<string, unknown>, topLevel: boolean): LoadTree {
  const tree = emptyTree();
  for (const [key, value] of Object.entries(o)) {
    if (key === "$all") {
      if (value === true) tree.all = true;
    } else if (key === "$top" && topLevel && typeof value === "number") {
      tree.top = value;
    } else if (key === "$skip" && topLevel && typeof value === "number") {
      tree.skip = value;
    } else if (key.toLowerCase() === "items" && value && typeof value === "object") {
      mergeInto(tree, fromStrictObject(value as Record<string, unknown>, false));
    } else if (value === true) {
      tree.props.add(key);
    } else if (value && typeof value === "object") {
      tree.children.set(key, fromStrictObject(value as Record<string, unknown>, false));
    } else if (value !== false) {
      throw invalidArgument(`The argument 'option.${key}' is invalid.`, "load");
    }
  }
  return tree;
}

function mergeInto(target: LoadTree, source: LoadTree): void {
  target.all ||= source.all;
  for (const p of source.props) target.props.add(p);
  for (const [k, v] of source.children) target.children.set(k, v);
}
