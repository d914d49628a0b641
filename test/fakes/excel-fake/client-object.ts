import { invalidArgument, invalidObjectPath, invalidRequestContext, itemNotFound, propertyNotLoaded, valueNotLoaded } from "./errors";
import type { Execution, Operation } from "./execution";
import { allTree, parseLoadOption, type LoadTree } from "./load-options";
import { approxJsonSize } from "./metering";
import type { FakeRequestContext } from "./request-context";

/**
 * The proxy base, with Office.js semantics: scalar properties throw PropertyNotLoaded until a
 * load() has been synced; setters and methods queue actions that run at the next sync; an object
 * is found ("located") in the document when its batch runs, and stays bound to what it found.
 */

export interface ScalarSpec<T> {
  get?(target: T, exec: Execution): unknown;
  set?(target: T, value: unknown, exec: Execution): void;
}

export interface ObjectSpec<T> {
  /** Office's class name ("Range"), used in error locations. */
  typeName: string;
  scalars: Record<string, ScalarSpec<T>>;
  /** Names of navigation properties (child proxies) a load path may go through. */
  navigation?: readonly string[];
}

/** Finds the document object for a proxy while a batch runs; null makes a null object. */
export type Locator<T> = (exec: Execution) => T | null;

export type LoadOption = string | string[] | Record<string, unknown> | undefined;

export abstract class FakeClientObject<T> {
  /** @internal Values delivered by a sync, or written through a setter (as Office.js keeps them). */
  _loaded = new Map<string, unknown>();
  /** @internal Set by the first sync that located the object. */
  _isNull: boolean | undefined;
  /** @internal Invalidated at the end of the Excel.run that created it, unless tracked. */
  _invalidated = false;
  /** @internal */
  _tracked = false;
  private _binding: T | null | undefined;
  private readonly _children = new Map<string, unknown>();

  constructor(
    readonly context: FakeRequestContext,
    /** @internal */ readonly _parent: FakeClientObject<unknown> | null,
    /** @internal Office-like object path for error messages. */ readonly _path: string,
    private readonly _locator: Locator<T>,
  ) {}

  protected abstract get _spec(): ObjectSpec<T>;

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._spec.typeName, "isNullObject");
    return this._isNull;
  }

  load(option?: LoadOption): this {
    this._checkUsable();
    const tree = parseLoadOption(option);
    this._queue(`${this._spec.typeName}.load`, option ?? null, (exec) => this._collect(tree, exec));
    return this;
  }

  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = {};
    for (const [key, value] of this._loaded) if (value !== undefined) json[key] = toPlain(value);
    for (const [key, child] of this._children) {
      if (!(child instanceof FakeClientObject)) continue;
      const childJson = child.toJSON();
      if (Object.keys(childJson).length > 0) json[key] = "items" in childJson && child._isCollection ? childJson.items : childJson;
    }
    return json;
  }

  /** @internal */
  get _isCollection(): boolean {
    return false;
  }

  /** @internal Reads a scalar the way Office.js getters do. */
  _read<V>(name: string): V {
    if (this._loaded.has(name)) return this._loaded.get(name) as V;
    if (this._isNull === true) return undefined as V;
    throw propertyNotLoaded(this._spec.typeName, name);
  }

  /** @internal Queues a property set; the proxy shows the written value at once, the document at sync. */
  _write(name: string, value: unknown): void {
    const spec = this._spec.scalars[name];
    this._checkUsable();
    this._loaded.set(name, value);
    this._invoke(`${this._spec.typeName}.${name}`, value, (target, exec) => spec.set!(target, value, exec));
  }

  /** @internal Resolves the document object while a batch runs (binding it on first use). */
  _target(exec: Execution): T | null {
    if (this._binding === undefined) this._binding = this._locator(exec);
    const bound = this._binding;
    if (bound !== null && (bound as { deleted?: boolean }).deleted === true) throw itemNotFound(this._path);
    exec.deliver(() => {
      this._isNull = bound === null;
    });
    return bound;
  }

  /** @internal Fills in loaded scalars (and requested children) from the document. */
  _collect(tree: LoadTree, exec: Execution): void {
    const spec = this._spec;
    const target = this._target(exec);
    if (target === null) return;
    const names = new Set<string>();
    if (tree.all) for (const [name, s] of Object.entries(spec.scalars)) if (s.get) names.add(name);
    const children = new Map(tree.children);
    for (const name of tree.props) {
      if (spec.scalars[name]?.get) names.add(name);
      else if (spec.navigation?.includes(name)) children.set(name, allTree());
      else throw unknownProperty(spec.typeName, name);
    }
    const values: [string, unknown][] = [];
    for (const name of names) values.push([name, spec.scalars[name].get!(target, exec)]);
    // The response carries each loaded property by name.
    exec.respond(Object.fromEntries(values));
    exec.deliver(() => {
      for (const [name, value] of values) this._loaded.set(name, value);
    });
    for (const [name, subtree] of children) {
      if (!spec.navigation?.includes(name)) throw unknownProperty(spec.typeName, name);
      const child = (this as unknown as Record<string, unknown>)[name];
      (child as FakeClientObject<unknown>)._collect(subtree, exec);
    }
  }

  /** @internal Queues an action for the next sync. */
  _queue(label: string, payload: unknown, run: (exec: Execution) => void): void {
    this._checkUsable();
    const op: Operation = { label, bytes: approxJsonSize(payload), run };
    this.context._enqueue(op);
  }

  /** @internal Queues an action on the located target; on a null object Excel ignores it. */
  _invoke(label: string, payload: unknown, action: (target: T, exec: Execution) => void): void {
    this._queue(label, payload, (exec) => {
      const target = this._target(exec);
      if (target !== null) action(target, exec);
    });
  }

  /** @internal Queues a method with a result (getCount and the like). */
  _invokeWithResult<R>(label: string, payload: unknown, compute: (target: T, exec: Execution) => R): FakeClientResult<R> {
    const result = new FakeClientResult<R>();
    this._queue(label, payload, (exec) => {
      const target = this._target(exec);
      const value = target === null ? (null as R) : compute(target, exec);
      exec.respond(value);
      exec.deliver(() => result._set(value));
    });
    return result;
  }

  /**
   * @internal A proxy returned by a method (getItem, getRange, add …). Like Office.js, creating it
   * queues its instantiation, so a missing item fails the next sync.
   */
  _created<C extends FakeClientObject<unknown>>(label: string, payload: unknown, proxy: C): C {
    this._checkUsable();
    this.context._adopt(proxy);
    this.context._enqueue({ label, bytes: approxJsonSize(payload), run: (exec) => void proxy._target(exec) });
    return proxy;
  }

  /** @internal A navigation property: one child proxy per parent, created on first access. */
  _child<C>(name: string, make: () => C): C {
    let child = this._children.get(name) as C | undefined;
    if (child === undefined) {
      child = make();
      this._children.set(name, child);
    }
    return child;
  }

  /** @internal Throws InvalidObjectPath once the object's Excel.run has finished (unless tracked). */
  _checkUsable(): void {
    for (let o: FakeClientObject<unknown> | null = this as FakeClientObject<unknown>; o; o = o._parent) {
      if (o._invalidated) throw invalidObjectPath(this._path);
      if (o._tracked) return;
    }
  }

  /** @internal Arguments that are proxies must come from the same context and still be usable. */
  _checkArgument(arg: unknown): void {
    if (arg instanceof FakeClientObject) {
      if (arg.context !== this.context) throw invalidRequestContext();
      arg._checkUsable();
    }
  }
}

/** Results of methods like getCount(): `value` throws until the sync that delivers it. */
export class FakeClientResult<T> {
  private _value: T | undefined;
  private _hasValue = false;

  get value(): T {
    if (!this._hasValue) throw valueNotLoaded();
    return this._value as T;
  }

  /** @internal */
  _set(value: T): void {
    this._value = value;
    this._hasValue = true;
  }

  toJSON(): { value: T | undefined } {
    return { value: this._value };
  }
}

/** Collections: `items` after a load; loading properties loads them on every item. */
export abstract class FakeCollection<TContainer, TItem, TProxy extends FakeClientObject<TItem>> extends FakeClientObject<TContainer> {
  /** Collection-level scalars (such as `count`); everything else a load asks for is for the items. */
  protected abstract get _ownSpec(): ObjectSpec<TContainer>;
  protected abstract _list(container: TContainer, exec: Execution): TItem[];
  /** A proxy for an item found later by `locator` (getItem, add, getItemAt …). */
  protected abstract _makeItem(path: string, locator: Locator<TItem>): TProxy;

  protected get _spec(): ObjectSpec<TContainer> {
    return this._ownSpec;
  }

  get items(): TProxy[] {
    return this._read<TProxy[]>("items");
  }

  /** @internal */
  get _isCollection(): boolean {
    return true;
  }

  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = {};
    for (const [key, value] of this._loaded) {
      if (key === "items") json.items = (value as TProxy[]).map((item) => item.toJSON());
      else if (value !== undefined) json[key] = toPlain(value);
    }
    return json;
  }

  /** @internal */
  _collect(tree: LoadTree, exec: Execution): void {
    const container = this._target(exec);
    if (container === null) return;
    const own = this._ownSpec.scalars;
    const ownNames = [...tree.props].filter((p) => own[p]?.get);
    const itemTree: LoadTree = { ...tree, props: new Set([...tree.props].filter((p) => !own[p]?.get)) };
    const ownValues: [string, unknown][] = ownNames.map((name) => [name, own[name].get!(container, exec)]);
    exec.respond(Object.fromEntries(ownValues));
    const onlyOwn = ownNames.length > 0 && !tree.all && itemTree.props.size === 0 && tree.children.size === 0;
    let items: TProxy[] | undefined;
    if (!onlyOwn) {
      const skip = tree.skip ?? 0;
      const models = this._list(container, exec).slice(skip, tree.top === undefined ? undefined : skip + tree.top);
      items = models.map((model, i) => {
        const proxy = this._makeItem(`${this._path}.items[${skip + i}]`, () => model);
        this.context._adopt(proxy);
        return proxy;
      });
      const itemsTree = itemTree.all || itemTree.props.size > 0 || itemTree.children.size > 0 ? itemTree : allTree();
      for (const item of items) item._collect(itemsTree, exec);
    }
    exec.deliver(() => {
      for (const [name, value] of ownValues) this._loaded.set(name, value);
      if (items) this._loaded.set("items", items);
    });
  }

  /** @internal Items are looked up by a key when the batch runs. */
  protected _lookup(label: string, key: unknown, path: string, nullable: boolean, find: (container: TContainer, exec: Execution) => TItem | undefined): TProxy {
    const proxy = this._makeItem(path, (exec) => {
      const container = this._target(exec);
      if (container === null) return null;
      const found = find(container, exec);
      if (found !== undefined) return found;
      if (nullable) return null;
      throw itemNotFound(label);
    });
    return this._created(label, key, proxy);
  }
}

function unknownProperty(typeName: string, name: string) {
  return invalidArgument(`The property '${name}' does not exist on ${typeName}.`, `${typeName}.load`);
}

function toPlain(value: unknown): unknown {
  return value instanceof FakeClientObject ? value.toJSON() : value;
}

/** Defines Office-style accessors for the scalars of a spec on a proxy class. */
export function defineScalars<T>(proxyClass: { prototype: FakeClientObject<T> }, spec: ObjectSpec<T>): void {
  for (const [name, scalar] of Object.entries(spec.scalars)) {
    Object.defineProperty(proxyClass.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: FakeClientObject<T>) {
        return this._read(name);
      },
      // Read-only properties have no setter, so assigning one throws a TypeError as in Office.js.
      set: scalar.set
        ? function (this: FakeClientObject<T>, value: unknown) {
            this._write(name, value);
          }
        : undefined,
    });
  }
}
