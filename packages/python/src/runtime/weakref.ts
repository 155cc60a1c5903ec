/**
 * The `weakref` module. Two halves, as in CPython:
 *
 * - the C part (Modules/_weakref.c, Objects/weakrefobject.c): `ref`
 *   (`ReferenceType`), `proxy` (`ProxyType`, `CallableProxyType`),
 *   `getweakrefcount`, `getweakrefs`, written natively here, with the protocol
 *   slots of those types (`weakref_call`, `weakref_hash`, `weakref_richcompare`,
 *   `weakref_repr`, the proxy's forwarding slots) exported for the object
 *   protocol and the operations to call;
 * - the Python part (Lib/weakref.py, Lib/_weakrefset.py): `finalize`,
 *   `WeakMethod`, `WeakValueDictionary`, `WeakKeyDictionary`, `WeakSet`,
 *   written in Python (`WEAKREF_PY` below) and run on the simulated heap when
 *   the module is imported, so their objects, reference counts and callbacks
 *   are those of Python code, as in CPython.
 */
import { PyObject, PyWeakref, PyTypeObject, PyModule, PyException, PyStr, PyDict } from '@pymem/object-model';
import type { Runtime, NativeFn } from './runtime';
import type { ObjectProtocol, CompareOp } from './objects';
import type { Operations } from './operations';
import { PyErr } from './errors';
import { runString } from './exec';
import { printTraceback } from './traceback';

/** What the weakref module gives the rest of the run. */
export interface WeakrefModule {
  /**
   * Runs `weakref.finalize`'s exit function (registered with `atexit` by the
   * first `finalize`), as Py_FinalizeEx does after the main module and its
   * AST arena are gone. Does nothing when no finalize was made.
   */
  atExit(): void;
}

/** NON-SPEC: the operations of each run, for the slots the object protocol calls (repr looks up `__name__`). */
const operationsOf = new WeakMap<Runtime, Operations>();

/** `0x…` as CPython's `%p`. */
function hex(addr: number): string {
  return `0x${addr.toString(16).padStart(12, '0')}`;
}

/**
 * Installs the `weakref` module factory and names the weakref types as the
 * version does: `weakref`/`weakproxy`/`weakcallableproxy` up to 3.9,
 * `weakref.ReferenceType`/`weakref.ProxyType`/`weakref.CallableProxyType`
 * from 3.10 (bpo-42085 gave the static types qualified names).
 */
export function installWeakref(
  rt: Runtime,
  p: ObjectProtocol,
  ops: Operations,
  mkModule: (name: string) => PyModule,
  def: (m: PyModule, name: string, fn: NativeFn) => void,
): WeakrefModule {
  const heap = rt.heap;
  operationsOf.set(rt, ops);
  const refType = rt.t.weakref!;
  const proxyType = rt.t.weakproxy!;
  const callableProxyType = rt.t.weakcallableproxy!;
  const qualifiedTypeNames = rt.profile.version[1] >= 10;
  for (const [t, name] of [
    [refType, 'ReferenceType'],
    [proxyType, 'ProxyType'],
    [callableProxyType, 'CallableProxyType'],
  ] as const) {
    if (qualifiedTypeNames) {
      t.tp_name = `weakref.${name}`;
      t.qualname = name;
    }
  }

  // weakref.ref(obj[, callback]) is type_call on ReferenceType: weakref___new__.
  const callType = p.callType;
  p.callType = (type, args, kw) => {
    if (type === refType) {
      if (kw && kw.size) throw rt.error('TypeError', 'ref() takes no keyword arguments');
      if (args.length < 1) throw rt.error('TypeError', `__new__ expected at least 1 argument${rt.profile.version[1] >= 9 ? '' : 's'}, got ${args.length}`);
      if (args.length > 2) throw rt.error('TypeError', `__new__ expected at most 2 arguments, got ${args.length}`);
      return newWeakref(rt, args[0]!, args[1] && args[1] !== rt.None ? args[1] : null);
    }
    return callType(type, args, kw);
  };

  let exitfunc: PyObject | null = null;
  /** The namespace of the `types` module weakref's import loads (VersionProfile.weakrefImportLoadsTypes). */
  let typesDict: PyDict | null = null;

  ops.moduleFactories.set('weakref', () => {
    const m = mkModule('weakref');
    const set = (name: string, v: PyObject) => p.dictSetStr(m.dict, name, v);
    set('ref', refType);
    set('ReferenceType', refType);
    set('ProxyType', proxyType);
    set('CallableProxyType', callableProxyType);
    const proxyTypes = rt.newTuple([heap.newref(proxyType), heap.newref(callableProxyType)]);
    set('ProxyTypes', proxyTypes);
    heap.decref(proxyTypes);
    def(m, 'proxy', (_rt, a) => {
      if (a.length < 1 || a.length > 2) throw rt.error('TypeError', `proxy expected ${a.length < 1 ? 'at least 1' : 'at most 2'} argument${a.length < 1 && rt.profile.version[1] < 9 ? 's' : a.length > 2 ? 's' : ''}, got ${a.length}`);
      return newProxy(rt, p, a[0]!, a[1] && a[1] !== rt.None ? a[1] : null);
    });
    def(m, 'getweakrefcount', (_rt, a) => rt.newInt(a[0]!.weakrefs?.length ?? 0));
    def(m, 'getweakrefs', (_rt, a) => rt.newList((a[0]!.weakrefs ?? []).map((w) => heap.newref(w))));
    def(m, '_bound_method', (_rt, a) => ops.newMethod(a[0]!, a[1]!));
    def(m, '_excepthook', (_rt, a) => {
      // NON-SPEC: finalize._exitfunc's `sys.excepthook(*sys.exc_info())`.
      if (a[0] instanceof PyException) printTraceback(rt, p, a[0]);
      return heap.newref(rt.None);
    });
    if (rt.profile.weakrefImportLoadsTypes && !typesDict) {
      // NON-SPEC: the part of Lib/types.py that leaves garbage, run in a namespace kept as `types` keeps its own.
      typesDict = rt.newDict();
      const name = rt.newStr('types');
      p.dictSetStr(typesDict, '__name__', name);
      heap.decref(name);
      heap.decref(runString(rt, ops, TYPES_PY, '<pymem types>', typesDict, typesDict, false));
    }
    heap.decref(runString(rt, ops, WEAKREF_PY, `<pymem ${m.name}>`, m.dict, m.dict, false));
    // finalize registers its exit function with atexit on first use; pymem keeps it here.
    const fin = p.dictGetStr(m.dict, 'finalize');
    if (fin) exitfunc = ops.getAttr(fin, '_exitfunc');
    return m;
  });

  return {
    atExit() {
      if (!exitfunc) return;
      const fin = ops.modules.get('weakref');
      const registered = fin && p.dictGetStr((fin as PyModule).dict, 'finalize');
      const flag = registered && p.typeLookup(registered as PyTypeObject, '_registered_with_atexit');
      if (!flag || !p.isTrue(flag)) return;
      try {
        heap.decref(p.call(exitfunc, [], null));
      } catch (e) {
        if (!(e instanceof PyErr)) throw e;
        printTraceback(rt, p, e.exc);
        heap.decref(e.exc);
      }
    },
  };
}

// ------------------------------------------------------------------ ref and proxy objects

/** Whether `o` can be weakly referenced (`tp_weaklistoffset != 0`). */
function acceptsWeakrefs(rt: Runtime, o: PyObject): boolean {
  return o instanceof PyTypeObject || rt.typeHasWeaklist(o.ob_type);
}

/**
 * `get_basic_refs`: the shared ref without callback and the shared proxy
 * without callback, which sit at the head of the list in that order.
 */
function getBasicRefs(rt: Runtime, list: PyWeakref[]): { ref: PyWeakref | null; proxy: PyWeakref | null } {
  let i = 0;
  let ref: PyWeakref | null = null;
  let proxy: PyWeakref | null = null;
  const head = list[0];
  if (head && !head.callback) {
    if (head.ob_type === rt.t.weakref) {
      ref = head;
      i = 1;
    }
    const next = list[i];
    if (next && !next.callback && isProxy(rt, next)) proxy = next;
  }
  return { ref, proxy };
}

/** `weakref.ref(obj, callback)`: reuses the basic ref without callback, as `weakref___new__` does. */
export function newWeakref(rt: Runtime, target: PyObject, callback: PyObject | null): PyWeakref {
  const heap = rt.heap;
  if (!acceptsWeakrefs(rt, target)) throw rt.error('TypeError', `cannot create weak reference to '${target.ob_type.tp_name}' object`);
  const list = (target.weakrefs ??= []);
  const { ref, proxy } = getBasicRefs(rt, list);
  if (!callback && ref) return heap.newref(ref);
  const wr = new PyWeakref(rt.t.weakref!, target, callback ? heap.newref(callback) : null);
  heap.allocate(wr, rt.sizes.fixed.weakref);
  rt.track(wr);
  if (!callback) list.unshift(wr); // insert_head
  else {
    const prev = proxy ?? ref; // insert_after the basic refs
    list.splice(prev ? list.indexOf(prev) + 1 : 0, 0, wr);
  }
  return wr;
}

/** `PyWeakref_NewProxy`: a callable proxy for a callable referent; the basic proxy is shared. */
export function newProxy(rt: Runtime, p: ObjectProtocol, target: PyObject, callback: PyObject | null): PyWeakref {
  const heap = rt.heap;
  if (!acceptsWeakrefs(rt, target)) throw rt.error('TypeError', `cannot create weak reference to '${target.ob_type.tp_name}' object`);
  const list = (target.weakrefs ??= []);
  const { ref, proxy } = getBasicRefs(rt, list);
  if (!callback && proxy) return heap.newref(proxy);
  const type = isCallable(rt, p, target) ? rt.t.weakcallableproxy! : rt.t.weakproxy!;
  const wr = new PyWeakref(type, target, callback ? heap.newref(callback) : null);
  heap.allocate(wr, rt.sizes.fixed.weakref);
  rt.track(wr);
  if (!callback) list.splice(ref ? 1 : 0, 0, wr);
  else {
    const prev = proxy ?? ref;
    list.splice(prev ? list.indexOf(prev) + 1 : 0, 0, wr);
  }
  return wr;
}

function isCallable(rt: Runtime, p: ObjectProtocol, o: PyObject): boolean {
  if (o instanceof PyTypeObject) return true;
  const t = o.ob_type;
  if (t === rt.t.function || t === rt.t.builtin_function_or_method || t === rt.t.method || t === rt.t.method_descriptor || t === rt.t.weakref || t === rt.t.weakcallableproxy) return true;
  return p.special(o, '__call__') !== null;
}

/** Whether `o` is a proxy (`PyWeakref_CheckProxy`). */
export function isProxy(rt: Runtime, o: PyObject): boolean {
  return o instanceof PyWeakref && (o.ob_type === rt.t.weakproxy || o.ob_type === rt.t.weakcallableproxy);
}

/** The proxy's referent, borrowed (`UNWRAP`); ReferenceError once it is gone. */
export function proxyReferent(rt: Runtime, proxy: PyObject): PyObject {
  const o = proxy as PyWeakref;
  if (!o.target) throw rt.error('ReferenceError', 'weakly-referenced object no longer exists');
  return o.target;
}

/** `weakref_call` (a ref returns its referent or None) and `proxy_call`. */
export function weakrefCall(p: ObjectProtocol, wr: PyWeakref, args: PyObject[], kwargs: Map<string, PyObject> | null): PyObject {
  const rt = p.rt;
  if (isProxy(rt, wr)) {
    if (wr.ob_type !== rt.t.weakcallableproxy) throw rt.error('TypeError', `'${wr.ob_type.tp_name}' object is not callable`);
    return p.call(proxyReferent(rt, wr), args, kwargs);
  }
  if (kwargs && kwargs.size) throw rt.error('TypeError', 'weakref() takes no keyword arguments');
  if (args.length) throw rt.error('TypeError', `weakref() takes exactly 0 arguments (${args.length} given)`);
  return rt.heap.newref(wr.target ?? rt.None);
}

/** `weakref_hash`: the referent's hash, remembered; a proxy is unhashable. */
export function weakrefHash(p: ObjectProtocol, wr: PyWeakref): bigint {
  const rt = p.rt;
  if (isProxy(rt, wr)) throw rt.error('TypeError', `unhashable type: '${wr.ob_type.tp_name}'`);
  if (wr.hash !== null) return wr.hash;
  if (!wr.target) throw rt.error('TypeError', 'weak object has gone away');
  wr.hash = p.hash(wr.target);
  return wr.hash;
}

/**
 * `weakref_richcompare` and `proxy_richcompare`: two refs compare their
 * referents while both live, by identity otherwise (== and != only);
 * proxies compare their referents. Null means "not implemented here".
 */
export function weakrefRichCompare(p: ObjectProtocol, a: PyObject, b: PyObject, op: CompareOp): PyObject | null {
  const rt = p.rt;
  if (isProxy(rt, a) || isProxy(rt, b)) {
    const x = isProxy(rt, a) ? proxyReferent(rt, a) : a;
    const y = isProxy(rt, b) ? proxyReferent(rt, b) : b;
    return p.richCompare(x, y, op);
  }
  if (!(a instanceof PyWeakref && b instanceof PyWeakref) || (op !== 'Eq' && op !== 'NotEq')) return null;
  if (!a.target || !b.target) return rt.newBool((a === b) === (op === 'Eq'));
  return p.richCompare(a.target, b.target, op);
}

/** `weakref_repr` and `proxy_repr`. */
export function weakrefRepr(p: ObjectProtocol, wr: PyWeakref): string {
  const rt = p.rt;
  const ops = operationsOf.get(rt);
  const target = wr.target;
  if (isProxy(rt, wr)) {
    if (rt.profile.version[1] >= 13) return target ? `<weakproxy at ${hex(wr.addr)}; to '${target.ob_type.tp_name}' at ${hex(target.addr)}>` : `<weakproxy at ${hex(wr.addr)}; dead>`;
    const o = target ?? rt.None;
    return `<weakproxy at ${hex(wr.addr)} to ${o.ob_type.tp_name} at ${hex(o.addr)}>`;
  }
  if (!target) return `<weakref at ${hex(wr.addr)}; dead>`;
  let name: string | null = null;
  if (ops) {
    try {
      const n = ops.getAttr(target, '__name__');
      if (n instanceof PyStr) name = n.value;
      rt.heap.decref(n);
    } catch (e) {
      if (!(e instanceof PyErr) || !rt.isInstance(e.exc, rt.t.AttributeError!)) throw e;
      rt.heap.decref(e.exc);
    }
  }
  const base = `<weakref at ${hex(wr.addr)}; to '${target.ob_type.tp_name}' at ${hex(target.addr)}`;
  return name === null ? `${base}>` : `${base} (${name})>`;
}

/**
 * Attribute lookup on a weakref object: a proxy forwards every name to its
 * referent (`proxy_getattr`); a ref has `__callback__`. Null: not handled here.
 */
export function weakrefGetAttr(ops: Operations, wr: PyWeakref, name: string): PyObject | null {
  const rt = ops.rt;
  if (isProxy(rt, wr)) return ops.getAttr(proxyReferent(rt, wr), name);
  if (name === '__callback__') return rt.heap.newref(wr.callback ?? rt.None);
  return null;
}

// ------------------------------------------------------------------ Lib/weakref.py, Lib/_weakrefset.py

/**
 * The Python half of the module, after Lib/weakref.py and Lib/_weakrefset.py
 * (3.6–3.13), in the subset pymem runs. Differences, none of them visible to
 * a program that does not look at these classes' internals: `KeyedRef` (a
 * subclass of ref) is a ref whose callback closes over the key; the abc base
 * classes (`MutableMapping`, `MutableSet`) are left out; `itertools.count`
 * is a counter.
 */
/** Lib/types.py: the class it makes to find `MethodType`, deleted at the end of the module. */
const TYPES_PY = String.raw`
class _C:
    def _m(self): pass
MethodType = type(_C()._m)
del _C
`;

const WEAKREF_PY = String.raw`
class _IterationGuard:
    def __init__(self, weakcontainer):
        self.weakcontainer = ref(weakcontainer)

    def __enter__(self):
        w = self.weakcontainer()
        if w is not None:
            w._iterating.add(self)
        return self

    def __exit__(self, e, t, b):
        w = self.weakcontainer()
        if w is not None:
            s = w._iterating
            s.remove(self)
            if not s:
                w._commit_removals()


class WeakMethod:
    __slots__ = ("_obj_ref", "_func_ref", "__weakref__")

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not " + repr(type(meth)))
        def _cb(arg, self_wr=ref(self)):
            self = self_wr()
            if self is not None and callback is not None:
                callback(self)
        self._obj_ref = ref(obj, _cb)
        self._func_ref = ref(func, _cb)

    def __call__(self):
        obj = self._obj_ref()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return _bound_method(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if self._obj_ref() is None or other._obj_ref() is None:
                return self is other
            return self._obj_ref == other._obj_ref and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if self._obj_ref() is None or other._obj_ref() is None:
                return self is not other
            return self._obj_ref != other._obj_ref or self._func_ref != other._func_ref
        return NotImplemented

    def __hash__(self):
        return hash((self._obj_ref, self._func_ref))


class WeakValueDictionary:
    def __init__(self, other=(), **kw):
        def remove(key, selfref=ref(self)):
            self = selfref()
            if self is not None:
                if self._iterating:
                    self._pending_removals.append(key)
                else:
                    wr = self.data.get(key)
                    if wr is not None and wr() is None:
                        del self.data[key]
        self._remove = remove
        self._pending_removals = []
        self._iterating = set()
        self.data = {}
        self.update(other, **kw)

    def _keyed_ref(self, value, key):
        remove = self._remove
        return ref(value, lambda wr: remove(key))

    def _commit_removals(self):
        pop = self._pending_removals.pop
        d = self.data
        while True:
            try:
                key = pop()
            except IndexError:
                return
            wr = d.get(key)
            if wr is not None and wr() is None:
                del d[key]

    def __getitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        else:
            return o

    def __delitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        del self.data[key]

    def __len__(self):
        if self._pending_removals:
            self._commit_removals()
        return len(self.data)

    def __contains__(self, key):
        if self._pending_removals:
            self._commit_removals()
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<" + self.__class__.__name__ + " at " + hex(id(self)) + ">"

    def __setitem__(self, key, value):
        if self._pending_removals:
            self._commit_removals()
        self.data[key] = self._keyed_ref(value, key)

    def copy(self):
        if self._pending_removals:
            self._commit_removals()
        new = WeakValueDictionary()
        with _IterationGuard(self):
            for key, wr in self.data.items():
                o = wr()
                if o is not None:
                    new[key] = o
        return new

    def get(self, key, default=None):
        if self._pending_removals:
            self._commit_removals()
        try:
            wr = self.data[key]
        except KeyError:
            return default
        else:
            o = wr()
            if o is None:
                return default
            else:
                return o

    def items(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for k, wr in self.data.items():
                v = wr()
                if v is not None:
                    yield k, v

    def keys(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for k, wr in self.data.items():
                if wr() is not None:
                    yield k

    def __iter__(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for k, wr in self.data.items():
                if wr() is not None:
                    yield k

    def values(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for wr in self.data.values():
                obj = wr()
                if obj is not None:
                    yield obj

    def valuerefs(self):
        if self._pending_removals:
            self._commit_removals()
        return list(self.data.values())

    def popitem(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *args):
        if self._pending_removals:
            self._commit_removals()
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            else:
                raise KeyError(key)
        else:
            return o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            if self._pending_removals:
                self._commit_removals()
            self.data[key] = self._keyed_ref(default, key)
            return default
        else:
            return o

    def update(self, other=None, **kwargs):
        if self._pending_removals:
            self._commit_removals()
        d = self.data
        if other is not None:
            if hasattr(other, "items"):
                other = other.items()
            for key, o in other:
                d[key] = self._keyed_ref(o, key)
        for key, o in kwargs.items():
            d[key] = self._keyed_ref(o, key)

    def clear(self):
        if self._pending_removals:
            self._commit_removals()
        self.data.clear()


class WeakKeyDictionary:
    def __init__(self, dict=None):
        self.data = {}
        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                if self._iterating:
                    self._pending_removals.append(k)
                else:
                    try:
                        del self.data[k]
                    except KeyError:
                        pass
        self._remove = remove
        self._pending_removals = []
        self._iterating = set()
        self._dirty_len = False
        if dict is not None:
            self.update(dict)

    def _commit_removals(self):
        pop = self._pending_removals.pop
        d = self.data
        while True:
            try:
                key = pop()
            except IndexError:
                return
            try:
                del d[key]
            except KeyError:
                pass

    def _scrub_removals(self):
        d = self.data
        self._pending_removals = [k for k in self._pending_removals if k in d]
        self._dirty_len = False

    def __delitem__(self, key):
        self._dirty_len = True
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        if self._dirty_len and self._pending_removals:
            self._scrub_removals()
        return len(self.data) - len(self._pending_removals)

    def __repr__(self):
        return "<" + self.__class__.__name__ + " at " + hex(id(self)) + ">"

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        with _IterationGuard(self):
            for key, value in self.data.items():
                o = key()
                if o is not None:
                    new[o] = value
        return new

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        with _IterationGuard(self):
            for wr, value in self.data.items():
                key = wr()
                if key is not None:
                    yield key, value

    def keys(self):
        with _IterationGuard(self):
            for wr in self.data:
                obj = wr()
                if obj is not None:
                    yield obj

    def __iter__(self):
        with _IterationGuard(self):
            for wr in self.data:
                obj = wr()
                if obj is not None:
                    yield obj

    def values(self):
        with _IterationGuard(self):
            for wr, value in self.data.items():
                if wr() is not None:
                    yield value

    def keyrefs(self):
        return list(self.data)

    def popitem(self):
        self._dirty_len = True
        while True:
            key, value = self.data.popitem()
            o = key()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        self._dirty_len = True
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, **kwargs):
        d = self.data
        if dict is not None:
            if hasattr(dict, "items"):
                dict = dict.items()
            for key, value in dict:
                d[ref(key, self._remove)] = value
        if len(kwargs):
            self.update(kwargs)

    def clear(self):
        self.data.clear()


class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        def _remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                if self._iterating:
                    self._pending_removals.append(item)
                else:
                    self.data.discard(item)
        self._remove = _remove
        self._pending_removals = []
        self._iterating = set()
        if data is not None:
            self.update(data)

    def _commit_removals(self):
        pop = self._pending_removals.pop
        discard = self.data.discard
        while True:
            try:
                item = pop()
            except IndexError:
                return
            discard(item)

    def __iter__(self):
        with _IterationGuard(self):
            for itemref in self.data:
                item = itemref()
                if item is not None:
                    yield item

    def __len__(self):
        return len(self.data) - len(self._pending_removals)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def add(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.add(ref(item, self._remove))

    def clear(self):
        if self._pending_removals:
            self._commit_removals()
        self.data.clear()

    def copy(self):
        return WeakSet(self)

    def pop(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            try:
                itemref = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet")
            item = itemref()
            if item is not None:
                return item

    def remove(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.remove(ref(item))

    def discard(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.discard(ref(item))

    def update(self, other):
        if self._pending_removals:
            self._commit_removals()
        for element in other:
            self.add(element)


class _FinalizeInfo:
    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")


class finalize:
    __slots__ = ()
    _registry = {}
    _shutdown = False
    _index_iter = [0]
    _dirty = False
    _registered_with_atexit = False

    def __init__(self, obj, func, *args, **kwargs):
        if not finalize._registered_with_atexit:
            finalize._registered_with_atexit = True
        info = _FinalizeInfo()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = finalize._index_iter[0]
        finalize._index_iter[0] += 1
        self._registry[self] = info
        finalize._dirty = True

    def __call__(self, _=None):
        info = self._registry.pop(self, None)
        if info and not self._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    def _get_alive(self):
        return self in self._registry
    alive = property(_get_alive)

    def _get_atexit(self):
        info = self._registry.get(self)
        return bool(info) and info.atexit

    def _set_atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)
    atexit = property(_get_atexit, _set_atexit)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<" + type(self).__name__ + " object at " + hex(id(self)) + "; dead>"
        else:
            return "<" + type(self).__name__ + " object at " + hex(id(self)) + "; for " + repr(type(obj).__name__) + " at " + hex(id(obj)) + ">"

    def _select_for_exit():
        L = [(f, i) for (f, i) in finalize._registry.items() if i.atexit]
        L.sort(key=lambda item: item[1].index)
        return [f for (f, i) in L]
    _select_for_exit = staticmethod(_select_for_exit)

    def _exitfunc():
        reenable_gc = False
        try:
            if finalize._registry:
                import gc
                if gc.isenabled():
                    reenable_gc = True
                    gc.disable()
                pending = None
                while True:
                    if pending is None or finalize._dirty:
                        pending = finalize._select_for_exit()
                        finalize._dirty = False
                    if not pending:
                        break
                    f = pending.pop()
                    try:
                        f()
                    except Exception as e:
                        _excepthook(e)
        finally:
            finalize._shutdown = True
            if reenable_gc:
                gc.enable()
    _exitfunc = staticmethod(_exitfunc)
`;
