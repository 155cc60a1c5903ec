/**
 * The built-in modules a program about memory imports: `builtins`, `sys`
 * (Python/sysmodule.c), `gc` (Modules/gcmodule.c, on @pymem/gc) and
 * `weakref` (Modules/_weakref.c, Objects/weakrefobject.c).
 */
import { PyObject, PyInt, PyStr, PyDict, PyList, PyModule, PyNative, PyTuple } from '@pymem/object-model';
import type { GCState, GCCallbackInfo } from '@pymem/gc';
import { DEBUG_STATS, DEBUG_COLLECTABLE, DEBUG_UNCOLLECTABLE, DEBUG_SAVEALL, DEBUG_LEAK } from '@pymem/gc';
import type { Runtime, NativeFn } from './runtime';
import type { ObjectProtocol } from './objects';
import type { Operations } from './operations';
import { dictSetItem } from './dict';
import { PyErr } from './errors';
import { withCallingConvention } from './calling';
import { installWeakref } from './weakref';
import { reportUnraisable, writeUnraisableArgs } from './traceback';

export interface Modules {
  builtinsModule: PyModule;
  invokeCallbacks(phase: 'start' | 'stop', info: GCCallbackInfo): void;
  /** The exit functions Py_FinalizeEx runs after the main module (`weakref.finalize`'s). */
  atExit(): void;
}

export function installModules(rt: Runtime, p: ObjectProtocol, ops: Operations, gc: GCState): Modules {
  const heap = rt.heap;
  const mkModule = (name: string, dict: PyDict = rt.newDict()): PyModule => {
    const m = heap.allocateLongLived(new PyModule(rt.t.module!, dict, name), rt.sizes.fixed.module);
    p.dictSetStr(dict, '__name__', rt.internString(name));
    return m;
  };
  const def = (m: PyModule, name: string, fn: NativeFn) => {
    const f = rt.newModuleFunction(m, name, withCallingConvention(rt, p, `${m.name}.${name}`, fn, false));
    p.dictSetStr(m.dict, name, f);
    heap.decref(f);
  };
  const none = () => heap.newref(rt.None);
  const int = (o: PyObject | undefined): number => {
    if (!(o instanceof PyInt)) throw rt.error('TypeError', `'${o?.ob_type.tp_name ?? 'NoneType'}' object cannot be interpreted as an integer`);
    return Number(o.value);
  };

  const builtinsModule = mkModule('builtins', ops.builtinsDict);
  ops.modules.set('builtins', builtinsModule);

  // ---------------------------------------------------------------- sys
  ops.moduleFactories.set('sys', () => {
    const m = mkModule('sys');
    def(m, 'getrefcount', (_rt, a) => rt.newInt(a[0]!.ob_refcnt));
    def(m, 'getsizeof', (_rt, a) => {
      // Mirrors Python/sysmodule.c _PySys_GetSizeOf(): what `o.__sizeof__()` answers, through a
      // bound method made for the call (_PyObject_LookupSpecial), plus the pre-header (GC header, managed dict).
      const o = a[0]!;
      const meth = ops.lookupSpecial(o, '__sizeof__');
      if (!meth) throw rt.error('TypeError', `Type ${o.ob_type.tp_name} doesn't define __sizeof__`);
      let res: PyObject;
      try {
        res = p.call(meth, [], null);
      } finally {
        heap.decref(meth);
      }
      const size = res instanceof PyInt ? Number(res.value) : NaN;
      heap.decref(res);
      if (Number.isNaN(size)) throw rt.error('TypeError', 'an integer is required');
      if (size < 0) throw rt.error('ValueError', '__sizeof__() should return >= 0');
      return rt.newInt(size + rt.preHeaderSize(o.ob_type));
    });
    def(m, 'intern', (_rt, a) => {
      const s = a[0]!;
      if (!(s instanceof PyStr) || s.ob_type !== rt.t.str) throw rt.error('TypeError', `intern() argument must be str, not ${s.ob_type.tp_name}`);
      heap.incref(s);
      return rt.intern(s, false);
    });
    def(m, 'getrecursionlimit', () => rt.newInt(ops.vm.recursionLimit));
    def(m, 'setrecursionlimit', (_rt, a) => {
      const n = int(a[0]);
      if (n < 1) throw rt.error('ValueError', 'recursion limit must be greater or equal than 1');
      ops.vm.recursionLimit = n;
      return none();
    });
    def(m, 'exit', (_rt, a) => {
      throw new PyErr(rt.newException(rt.t.SystemExit!, a.map((x) => heap.newref(x))));
    });
    def(m, '_getframe', (_rt, a) => {
      let f = ops.vm.current;
      for (let i = a[0] ? int(a[0]) : 0; i > 0 && f; i--) f = f.back;
      if (!f) throw rt.error('ValueError', 'call stack is not deep enough');
      return heap.newref(ops.materializeFrame(f));
    });
    def(m, 'exc_info', () => {
      for (let f = ops.vm.current; f; f = f.back) {
        if (f.handling) return rt.newTuple([heap.newref(f.handling.ob_type), heap.newref(f.handling), heap.newref(f.handling.traceback ?? rt.None)]);
      }
      return rt.newTuple([heap.newref(rt.None), heap.newref(rt.None), heap.newref(rt.None)]);
    });
    const vi = rt.profile.versionInfo;
    p.dictSetStr(m.dict, 'version_info', rt.newStructSeq(rt.t['sys.version_info']!, [rt.newInt(vi[0]), rt.newInt(vi[1]), rt.newInt(vi[2]), rt.newStr(vi[3]), rt.newInt(vi[4])]));
    if (rt.profile.unraisableHook) {
      // sys.unraisablehook starts as sys.__unraisablehook__, the default writer.
      def(m, '__unraisablehook__', (_rt, a) => {
        writeUnraisableArgs(rt, p, a[0] as PyTuple);
        return none();
      });
      p.dictSetStr(m.dict, 'unraisablehook', p.dictGetStr(m.dict, '__unraisablehook__')!);
    }
    p.dictSetStr(m.dict, 'maxsize', rt.newInt(2n ** 63n - 1n));
    p.dictSetStr(m.dict, 'byteorder', rt.newStr('little'));
    // The struct sequences sysmodule.c makes at start-up, with the 64-bit Linux build's values.
    const structSeq = (name: string, items: PyObject[]) => {
      const o = rt.newStructSeq(rt.t[`sys.${name}`]!, items);
      p.dictSetStr(m.dict, name, o);
      heap.decref(o);
    };
    structSeq('float_info', [
      rt.newFloat(Number.MAX_VALUE), rt.newInt(1024), rt.newInt(308), rt.newFloat(2.2250738585072014e-308), rt.newInt(-1021), rt.newInt(-307),
      rt.newInt(15), rt.newInt(53), rt.newFloat(Number.EPSILON), rt.newInt(2), rt.newInt(1),
    ]);
    const maxStrDigits = p.numProfile.intMaxStrDigits;
    structSeq('int_info', [rt.newInt(30), rt.newInt(4), ...(maxStrDigits ? [rt.newInt(maxStrDigits), rt.newInt(640)] : [])]);
    structSeq('hash_info', [
      rt.newInt(64), rt.newInt(2n ** 61n - 1n), rt.newInt(314159), rt.newInt(0), rt.newInt(1000003),
      rt.newStr(rt.profile.hashAlgorithm), rt.newInt(64), rt.newInt(128), rt.newInt(0),
    ]);
    p.dictSetStr(m.dict, 'platform', rt.newStr('linux'));
    p.dictSetStr(m.dict, 'implementation', rt.newStr('cpython'));
    const stdout = rt.stdoutText.file;
    const stderr = heap.allocateStatic(new PyNative(rt.t.TextIOWrapper!, [], 'stderr'), rt.sizes.fixed.TextIOWrapper);
    p.dictSetStr(m.dict, 'stdout', stdout);
    p.dictSetStr(m.dict, 'stderr', stderr);
    p.dictSetStr(m.dict, 'modules', rt.newDict());
    return m;
  });

  // ---------------------------------------------------------------- gc
  let callbacks: PyList | null = null;
  let garbage: PyList | null = null;
  const gcModule = () => {
    const m = mkModule('gc');
    def(m, 'collect', (_rt, a, kw) => {
      const gen = a[0] ?? kw?.get('generation');
      const g = gen ? int(gen) : 2;
      if (g < 0 || g > 2) throw rt.error('ValueError', 'invalid generation');
      // gc_collect_impl(): 0 when a collection is already running; no automatic one starts inside it.
      return rt.newInt(gc.collect(g, 'manual'));
    });
    def(m, 'enable', () => (gc.enable(), none()));
    def(m, 'disable', () => (gc.disable(), none()));
    def(m, 'isenabled', () => rt.newBool(gc.isenabled()));
    def(m, 'get_count', () => rt.newTuple(gc.get_count().map((n) => rt.newInt(n))));
    def(m, 'get_threshold', () => rt.newTuple(gc.get_threshold().map((n) => rt.newInt(n))));
    def(m, 'set_threshold', (_rt, a) => {
      gc.set_threshold(int(a[0]), a[1] ? int(a[1]) : undefined, a[2] ? int(a[2]) : undefined);
      return none();
    });
    def(m, 'set_debug', (_rt, a) => (gc.set_debug(int(a[0])), none()));
    def(m, 'get_debug', () => rt.newInt(gc.get_debug()));
    def(m, 'is_tracked', (_rt, a) => rt.newBool(gc.is_tracked(a[0]!)));
    if (rt.profile.version[1] >= 9) def(m, 'is_finalized', (_rt, a) => rt.newBool(gc.is_finalized(a[0]!)));
    def(m, 'get_objects', (_rt, a, kw) => {
      const g = a[0] ?? kw?.get('generation');
      const objs = gc.get_objects(g && g !== rt.None ? int(g) : null);
      return rt.newList(objs.map((o) => heap.newref(o)));
    });
    // gc_get_referrers() makes its result list first, and skips it and its argument tuple.
    def(m, 'get_referrers', (_rt, a, _kw, packed) => {
      const result = rt.newList([]);
      for (const o of gc.get_referrers(a, packed ? [packed, result] : [result])) ops.listAppend(result, o);
      return result;
    });
    def(m, 'get_referents', (_rt, a) => rt.newList(gc.get_referents(a).map((o) => heap.newref(o))));
    def(m, 'get_stats', () =>
      rt.newList(
        gc.get_stats().map((s) => {
          const d = rt.newDict();
          for (const [k, v] of Object.entries(s)) {
            const n = rt.newInt(v as number);
            p.dictSetStr(d, k, n);
            heap.decref(n);
          }
          return d;
        }),
      ),
    );
    if (rt.profile.version[1] >= 7) {
      def(m, 'freeze', () => (gc.freeze(), none()));
      def(m, 'unfreeze', () => (gc.unfreeze(), none()));
      def(m, 'get_freeze_count', () => rt.newInt(gc.get_freeze_count()));
    }
    callbacks = rt.newList([]);
    garbage = rt.newList([]);
    p.dictSetStr(m.dict, 'callbacks', callbacks);
    p.dictSetStr(m.dict, 'garbage', garbage);
    for (const [k, v] of Object.entries({ DEBUG_STATS, DEBUG_COLLECTABLE, DEBUG_UNCOLLECTABLE, DEBUG_SAVEALL, DEBUG_LEAK })) {
      const n = rt.newInt(v);
      p.dictSetStr(m.dict, k, n);
      heap.decref(n);
    }
    return m;
  };
  ops.moduleFactories.set('gc', gcModule);
  // gc.garbage receives DEBUG_SAVEALL objects.
  (gc as unknown as { hooks: { appendGarbage?: (o: PyObject) => void } }).hooks.appendGarbage = (o) => {
    if (!garbage) ops.importModule('gc');
    ops.listAppend(garbage!, o);
    // NON-SPEC: nothing takes a reference to the list for this append; the trace learns it here.
    if (rt.heap.trace) rt.heap.trace.changed(garbage!);
  };

  // ---------------------------------------------------------------- weakref
  const weakref = installWeakref(rt, p, ops, mkModule, def);

  return {
    builtinsModule,
    atExit: () => weakref.atExit(),
    invokeCallbacks(phase, info) {
      if (!callbacks || callbacks.items.length === 0) return;
      const ph = rt.newStr(phase);
      const d = rt.newDict();
      for (const [k, v] of Object.entries(info)) {
        const n = rt.newInt(v as number);
        p.dictSetStr(d, k, n);
        heap.decref(n);
      }
      try {
        // invoke_gc_callback(): the list as it is at each step (a callback may change it);
        // a callback that raises is reported as unraisable and the next one still runs.
        for (let i = 0; i < callbacks.items.length; i++) {
          const cb = heap.newref(callbacks.items[i]!);
          try {
            heap.decref(p.call(cb, [ph, d], null));
          } catch (e) {
            reportUnraisable(rt, p, ops, e, cb);
          } finally {
            heap.decref(cb);
          }
        }
      } finally {
        heap.decref(ph);
        heap.decref(d);
      }
    },
  };
}

export { dictSetItem };
