/**
 * The `builtins` module and the built-in types' methods (Python/bltinmodule.c,
 * Objects/*.c method tables), plus `type.__call__` and `__build_class__`
 * (Objects/typeobject.c type_call, type_new).
 */
import {
  PyObject,
  PyInt,
  PyFloat,
  PyStr,
  PyBytes,
  PyTuple,
  PyList,
  PyDict,
  PySet,
  PyTypeObject,
  PyNative,
  PyFunction,
  PyInstance,
  PyModule,
  PyException,
  PyCell,
  PyGenerator,
  PyMethod,
  PyWeakref,
  TPFLAGS,
  numbers,
  sizes,
  text,
  typeDictsChanged,
} from '@pymem/object-model';
import type { Runtime, NativeFn } from './runtime';
import type { ObjectProtocol } from './objects';
import type { Operations, IterState } from './operations';
import { dictGetItem, dictSetItem, dictDelItem, dictItems, dictClear, dictNewCopy, dictNewForCall, noteInstanceCreated } from './dict';
import { PyErr } from './errors';
import { withCallingConvention, withArgParser, withArgumentCheck, isArgumentClinic } from './calling';
import { badArgument, badArgumentName, integerArgument, keywordArgumentName, numberAsSsize, numberIndex, sliceIndex, sliceIndexNotNone, strArgument } from './converters';
import { runString } from './exec';
import { newWeakref } from './weakref';

type Kw = Map<string, PyObject> | null;

/** str methods newer than 3.6, by the minor version that added them. */
const STR_METHOD_SINCE = { isascii: 7, removeprefix: 9 } as const;

export function installBuiltins(rt: Runtime, p: ObjectProtocol, ops: Operations): PyDict {
  const heap = rt.heap;
  const t = rt.t;
  const d = rt.newDict();
  const def = (name: string, fn: NativeFn) => {
    const f = rt.newBuiltin(name, withCallingConvention(rt, p, name, fn, false));
    f.immortal = rt.profile.immortalObjects;
    p.dictSetStr(d, name, f);
    heap.decref(f);
  };
  const str = (s: string) => rt.newStr(s);
  const int = (o: PyObject, what = 'an integer'): bigint => {
    if (o instanceof PyInt) return o.value;
    throw rt.error('TypeError', `'${o.ob_type.tp_name}' object cannot be interpreted as ${what}`);
  };

  /** Argument Clinic's `Py_ssize_t` converter (width, count, maxsplit, index). */
  const ssize = (o: PyObject): number => Number(integerArgument(rt, p, o, 'ssize_t'));

  for (const [name, type] of Object.entries(t)) {
    if (['int', 'bool', 'float', 'str', 'bytes', 'tuple', 'list', 'dict', 'set', 'frozenset', 'object', 'type', 'range', 'property', 'classmethod', 'staticmethod', 'super', 'map', 'filter', 'zip', 'enumerate', 'reversed', 'slice'].includes(name) || type.isSubtype(t.BaseException!)) {
      p.dictSetStr(d, name, type);
    }
  }
  // bytearray: a mutable buffer; only construction and sys.getsizeof are modelled.
  const bytearrayType = t.bytearray ?? rt.makeType('bytearray', t.object!);
  p.dictSetStr(d, 'bytearray', bytearrayType);
  p.dictSetStr(d, 'None', rt.None);
  p.dictSetStr(d, 'True', rt.True);
  p.dictSetStr(d, 'False', rt.False);
  p.dictSetStr(d, 'Ellipsis', rt.Ellipsis);
  p.dictSetStr(d, 'NotImplemented', rt.NotImplemented);
  p.dictSetStr(d, '__debug__', rt.True);

  // ---------------------------------------------------------------- functions

  /** print()'s `_PyArg_Parser` keyword tuple, once made (VersionProfile.printKwtupleMade). */
  let printKwtuple: PyTuple | null = null;

  def('print', (_rt, args, kw) => {
    const made = rt.profile.printKwtupleMade;
    if (!printKwtuple && (made === 'first-call' || (made === 'first-call-with-keywords' && kw && kw.size))) {
      printKwtuple = rt.newTuple(['sep', 'end', 'file', 'flush'].map((k) => rt.internString(k)));
    }
    let sepArg: PyObject = rt.None;
    let endArg: PyObject = rt.None;
    let fileArg: PyObject = rt.None;
    let flush = false;
    if (kw) {
      for (const [k, v] of kw) {
        if (k === 'sep') sepArg = v;
        else if (k === 'end') endArg = v;
        else if (k === 'file') fileArg = v;
        else if (k === 'flush') flush = p.isTrue(v);
        else throw rt.error('TypeError', `'${k}' is an invalid keyword argument for print()`);
      }
    }
    // builtin_print_impl(): `file=None` is sys.stdout; then sep and end must be None or a str.
    const sys = ops.modules.get('sys');
    const stdout = sys ? p.dictGetStr(sys.dict, 'stdout') : null;
    const stderr = sys ? p.dictGetStr(sys.dict, 'stderr') : null;
    // The sys stream written to, or null for any other object, written through its own `write`.
    // NON-SPEC: without an imported sys, pymem has no stream objects; `file=None` is stdout.
    const stream: 'stdout' | 'stderr' | null = fileArg === rt.None || fileArg === stdout ? 'stdout' : fileArg === stderr ? 'stderr' : null;
    const textArg = (o: PyObject, name: string, dflt: string): string => {
      if (o === rt.None) return dflt;
      if (!(o instanceof PyStr)) throw rt.error('TypeError', `${name} must be None or a string, not ${o.ob_type.tp_name}`);
      return o.value;
    };
    const sep = textArg(sepArg, 'sep', ' ');
    const end = textArg(endArg, 'end', '\n');
    // builtin_print(): 3.11+ (Argument Clinic's *args) gets the positional arguments as a tuple.
    const argTuple = rt.profile.printArgsPacking === 'tuple' ? rt.newTuple(args.map((a) => heap.newref(a))) : null;
    const file = stream ? (stream === 'stdout' ? stdout : stderr) : fileArg;
    // PyFile_WriteObject(): `file.write` is looked up, a bound method, for every piece written,
    // before the piece is converted with str().
    const writeObject = (piece: () => string) => {
      if (!stream) {
        const writer = ops.getAttr(fileArg, 'write');
        try {
          const text = str(piece());
          try {
            heap.decref(p.call(writer, [text], null));
          } finally {
            heap.decref(text);
          }
        } finally {
          heap.decref(writer);
        }
        return;
      }
      const writer = rt.newBuiltin('write', () => heap.newref(rt.None), file);
      try {
        const text = piece();
        if (stream === 'stdout') rt.stdoutText.write(text);
        else rt.write(stream, text);
      } finally {
        heap.decref(writer);
      }
    };
    try {
      args.forEach((a, i) => {
        if (i > 0) writeObject(() => sep);
        writeObject(() => p.str(a));
      });
      writeObject(() => end);
      if (flush) {
        if (!stream) {
          // _PyObject_CallMethodId(file, "flush") / PyObject_CallMethodNoArgs().
          const flusher = ops.getAttr(fileArg, 'flush');
          try {
            heap.decref(p.call(flusher, [], null));
          } finally {
            heap.decref(flusher);
          }
        } else {
          // `file.flush()`: up to 3.8 through a bound method (_PyObject_CallMethodId), then without one.
          const flusher = rt.profile.printFlushMakesBoundMethod ? rt.newBuiltin('flush', () => heap.newref(rt.None), file) : null;
          try {
            if (stream === 'stdout') rt.stdoutText.flush();
          } finally {
            if (flusher) heap.decref(flusher);
          }
        }
      }
    } finally {
      if (argTuple) heap.decref(argTuple);
    }
    return heap.newref(rt.None);
  });
  def('id', (_rt, args) => {
    return rt.newInt(args[0]!.addr);
  });
  def('len', (_rt, args) => {
    return rt.newInt(p.len(args[0]!));
  });
  def('repr', (_rt, args) => {
    return str(p.repr(args[0]!));
  });
  def('ascii', (_rt, args) => str(ops.ascii(args[0]!)));
  def('hash', (_rt, args) => {
    return rt.newInt(p.hash(args[0]!));
  });
  def('abs', (_rt, args) => {
    const o = args[0]!;
    if (o instanceof PyInt) return rt.newInt(o.value < 0n ? -o.value : o.value);
    if (o instanceof PyFloat) return rt.newFloat(Math.abs(o.value));
    const m = p.special(o, '__abs__');
    if (m) return p.callSpecial(m, o, []);
    throw rt.error('TypeError', `bad operand type for abs(): '${o.ob_type.tp_name}'`);
  });
  def('isinstance', (_rt, args) => {
    const check = (cls: PyObject): boolean => {
      if (cls instanceof PyTuple) return cls.items.some(check);
      if (!(cls instanceof PyTypeObject)) throw rt.error('TypeError', rt.profile.unionTypes ? 'isinstance() arg 2 must be a type, a tuple of types, or a union' : 'isinstance() arg 2 must be a type or tuple of types');
      return args[0]!.ob_type.isSubtype(cls);
    };
    return rt.newBool(check(args[1]!));
  });
  def('issubclass', (_rt, args) => {
    const check = (cls: PyObject): boolean => {
      if (cls instanceof PyTuple) return cls.items.some(check);
      if (!(cls instanceof PyTypeObject)) throw rt.error('TypeError', rt.profile.unionTypes ? 'issubclass() arg 2 must be a class, a tuple of classes, or a union' : 'issubclass() arg 2 must be a class or tuple of classes');
      return (args[0] as PyTypeObject).isSubtype(cls);
    };
    if (!(args[0] instanceof PyTypeObject)) throw rt.error('TypeError', 'issubclass() arg 1 must be a class');
    return rt.newBool(check(args[1]!));
  });
  /** PyCallable_Check(): the type has tp_call (a weak reference does; a proxy only to a callable). */
  const isCallable = (o: PyObject): boolean => {
    const weakCallable = o instanceof PyWeakref && (o.ob_type.isSubtype(t.weakref!) || o.ob_type === t.weakcallableproxy);
    return o instanceof PyFunction || o instanceof PyTypeObject || weakCallable || (o instanceof PyNative && (o.ob_type === t.builtin_function_or_method || o.ob_type === t.method_descriptor)) || o.ob_type === t.method || !!p.special(o, '__call__');
  };
  def('callable', (_rt, args) => rt.newBool(isCallable(args[0]!)));
  def('iter', (_rt, args) => {
    if (args.length === 2) {
      const [fn, sentinel] = args as [PyObject, PyObject];
      if (!isCallable(fn)) throw rt.error('TypeError', rt.profile.iterSentinelNamesParameters ? 'iter(object, sentinel): object must be callable' : 'iter(v, w): v must be callable');
      heap.incref(fn);
      heap.incref(sentinel);
      const st: IterState = {
        i: 0,
        iter: () => {
          const v = p.call(fn, [], null);
          if (p.eq(v, sentinel)) {
            heap.decref(v);
            return null;
          }
          return v;
        },
      };
      const it = ops.newIterator('callable_iterator', [], st);
      it.refs.push(fn, sentinel);
      if (heap.trace) heap.trace.changed(it);
      return it;
    }
    return ops.getIter(args[0]!);
  });
  def('next', (_rt, args) => {
    const it = args[0]!;
    if (!ops.isIterator(it)) throw rt.error('TypeError', `'${it.ob_type.tp_name}' object is not an iterator`);
    const v = ops.next(it);
    if (v) return v;
    if (args.length === 2) return heap.newref(args[1]!);
    throw rt.error('StopIteration');
  });
  /**
   * The name argument of getattr(), setattr(), delattr() and hasattr(): a str, checked
   * by PyObject_GetAttr()/PyObject_SetAttr() — or, up to 3.10, by getattr() and
   * hasattr() themselves (VersionProfile.getattrChecksNameItself).
   */
  const attributeName = (fname: string, name: PyObject): string => {
    if (name instanceof PyStr) return name.value;
    if (rt.profile.getattrChecksNameItself && (fname === 'getattr' || fname === 'hasattr')) throw rt.error('TypeError', `${fname}(): attribute name must be string`);
    throw rt.error('TypeError', `attribute name must be string, not '${name.ob_type.tp_name}'`);
  };
  def('getattr', (_rt, args) => {
    const name = attributeName('getattr', args[1]!);
    if (args.length === 2) return ops.getAttr(args[0]!, name);
    // builtin_getattr() with a default: _PyObject_LookupAttr(), no AttributeError made.
    return ops.lookupAttr(args[0]!, name) ?? heap.newref(args[2]!);
  });
  def('setattr', (_rt, args) => {
    ops.setAttr(args[0]!, attributeName('setattr', args[1]!), args[2]!);
    return heap.newref(rt.None);
  });
  def('delattr', (_rt, args) => {
    ops.delAttr(args[0]!, attributeName('delattr', args[1]!));
    return heap.newref(rt.None);
  });
  def('hasattr', (_rt, args) => {
    // builtin_hasattr_impl(): _PyObject_LookupAttr().
    const v = ops.lookupAttr(args[0]!, attributeName('hasattr', args[1]!));
    if (v) heap.decref(v);
    return rt.newBool(v !== null);
  });
  def('vars', (_rt, args) => {
    if (args.length === 0) throw rt.error('NotImplementedError', 'pymem does not support vars() without an argument yet');
    // builtin_vars_impl(): an object without `__dict__` is a TypeError, not an AttributeError.
    const d = ops.lookupAttr(args[0]!, '__dict__');
    if (!d) throw rt.error('TypeError', 'vars() argument must have __dict__ attribute');
    return d;
  });
  /**
   * Mirrors Python/bltinmodule.c min_max(): one argument is iterated, several
   * are too — through an iterator over the argument tuple up to 3.12 (one more
   * counted allocation), over the argument array from 3.13 — and `key` is called
   * on each item as it comes.
   */
  const minmax = (name: string, op: 'Lt' | 'Gt'): NativeFn => (_rt, args, kw, packed) => {
    const minor = rt.profile.version[1];
    if (args.length === 0) {
      throw rt.error('TypeError', minor >= 9 ? `${name} expected at least 1 argument, got 0` : `${name} expected 1 argument${rt.profile.argCountSingular ? '' : 's'}, got 0`);
    }
    for (const k of kw?.keys() ?? []) {
      if (k === 'key' || k === 'default') continue;
      throw rt.error('TypeError', minor >= 13 ? `${name}() got an unexpected keyword argument '${k}'`
        : minor >= 7 ? `'${k}' is an invalid keyword argument for ${name}()` : `'${k}' is an invalid keyword argument for this function`);
    }
    const positional = args.length > 1;
    const dflt = kw?.get('default') ?? null;
    if (positional && dflt) throw rt.error('TypeError', `Cannot specify a default for ${name}() with multiple positional arguments`);
    let key = kw?.get('key') ?? null;
    // 3.8+ takes `key=None` for no key; 3.6/3.7 call it.
    if (key === rt.None && minor >= 8) key = null;
    const it = !positional ? ops.getIter(args[0]!) : packed ? ops.getIter(packed) : null;
    let best: PyObject | null = null;
    let bestKey: PyObject | null = null;
    try {
      for (let i = 0; ; i++) {
        let item: PyObject | null;
        if (it) item = ops.next(it);
        else item = i < args.length ? heap.newref(args[i]!) : null;
        if (!item) break;
        let k: PyObject;
        try {
          k = key ? p.call(key, [item], null) : heap.newref(item);
        } catch (e) {
          heap.decref(item);
          throw e;
        }
        if (!best) {
          best = item;
          bestKey = k;
          continue;
        }
        let better: boolean;
        try {
          better = p.compareBool(k, bestKey!, op);
        } catch (e) {
          heap.decref(k);
          heap.decref(item);
          throw e;
        }
        if (better) {
          heap.decref(bestKey!);
          heap.decref(best);
          best = item;
          bestKey = k;
        } else {
          heap.decref(item);
          heap.decref(k);
        }
      }
      if (!best) {
        if (dflt) return heap.newref(dflt);
        throw rt.error('ValueError', `${name}() ${minor >= 12 ? 'iterable argument is empty' : 'arg is an empty sequence'}`);
      }
      heap.decref(bestKey!);
      bestKey = null;
      const result = best;
      best = null;
      return result;
    } finally {
      if (bestKey) heap.decref(bestKey);
      if (best) heap.decref(best);
      if (it) heap.decref(it);
    }
  };
  def('min', minmax('min', 'Lt'));
  def('max', minmax('max', 'Gt'));
  def('sum', (_rt, args, kw) => {
    const it = ops.getIter(args[0]!);
    const start = args[1] ?? kw?.get('start');
    // builtin_sum_impl(): a str or bytes start is refused, pointing to join().
    const refused = start instanceof PyStr ? "sum() can't sum strings [use ''.join(seq) instead]"
      : start instanceof PyBytes ? "sum() can't sum bytes [use b''.join(seq) instead]" : null;
    if (refused) {
      heap.decref(it);
      throw rt.error('TypeError', refused);
    }
    let acc = heap.newref(start ?? rt.newInt(0));
    if (!start) heap.decref(acc);
    try {
      for (let v = ops.next(it); v; v = ops.next(it)) {
        if (rt.profile.sumCompensatesFloats && acc.ob_type === t.float && v.ob_type === t.float) {
          acc = sumFloats(acc as PyFloat, v as PyFloat, it);
          break;
        }
        const r = ops.binaryOp(acc, v, 'Add', false);
        heap.decref(acc);
        heap.decref(v);
        acc = r;
      }
    } finally {
      heap.decref(it);
    }
    return acc;
  });
  /**
   * builtin_sum_impl()'s float fast path (3.12+): exact floats added with Arnold
   * Neumaier's compensated summation, so `sum([0.1] * 10)` is 1.0; ints that fit a C
   * long are added plainly. Any other item ends the fast path, which goes on with
   * PyNumber_Add(). Takes over `acc` and `first`; returns the new sum.
   */
  function sumFloats(acc: PyFloat, first: PyFloat, it: PyObject): PyObject {
    let f = acc.value;
    let c = 0;
    heap.decref(acc);
    for (let v: PyObject | null = first; v; v = ops.next(it)) {
      if (v.ob_type === t.float) {
        const x = (v as PyFloat).value;
        const sum = f + x;
        c += Math.abs(f) >= Math.abs(x) ? f - sum + x : x - sum + f;
        f = sum;
        heap.decref(v);
        continue;
      }
      if (v instanceof PyInt && v.value >= -(2n ** 63n) && v.value < 2n ** 63n) {
        f += Number(v.value);
        heap.decref(v);
        continue;
      }
      let result: PyObject = rt.newFloat(f + c);
      try {
        for (; v; v = ops.next(it)) {
          const r = ops.binaryOp(result, v, 'Add', false);
          heap.decref(result);
          heap.decref(v);
          result = r;
        }
      } catch (e) {
        heap.decref(result);
        throw e;
      }
      return result;
    }
    // Keeps the sign of a negative zero and an infinite or overflowed sum from becoming NaN.
    if (c && Number.isFinite(c)) f += c;
    return rt.newFloat(f);
  }
  def('sorted', (_rt, args, kw) => {
    if (minor === 6) {
      // 3.6's builtin_sorted() parses "|OOi:sorted" itself (vgetargskeywords()'s message for
      // no positional argument) and hands any further positional ones to list.sort(), which
      // refuses a positional key.
      if (!args.length) throw rt.error('TypeError', 'Function takes at least 1 positional arguments (0 given)');
      if (args.length > 3) throw rt.error('TypeError', `sorted() takes at most 3 arguments (${args.length} given)`);
    }
    const l = rt.newList(ops.collect(args[0]!));
    try {
      // builtin_sorted(): the new list's `sort`, looked up as a bound method, sorts it.
      const sort = ops.getAttr(l, 'sort');
      try {
        heap.decref(p.call(sort, minor === 6 ? args.slice(1) : [], kw));
      } finally {
        heap.decref(sort);
      }
    } catch (e) {
      heap.decref(l);
      throw e;
    }
    return l;
  });
  def('round', (_rt, args, kw) => {
    // builtin_round_impl(): `number.__round__` looked up and bound
    // (_PyObject_LookupSpecial()), then called with ndigits if given.
    const x = args[0] ?? kw?.get('number');
    if (!x) throw rt.error('TypeError', "round() missing required argument 'number' (pos 1)");
    const nd = args[1] ?? kw?.get('ndigits') ?? rt.None;
    const m = ops.lookupSpecial(x, '__round__');
    if (!m) throw rt.error('TypeError', `type ${x.ob_type.tp_name} doesn't define __round__ method`);
    try {
      return p.call(m, nd === rt.None ? [] : [nd], null);
    } finally {
      heap.decref(m);
    }
  });
  def('divmod', (_rt, args) => {
    // PyNumber_Divmod(): binary_op(v, w, nb_divmod, "divmod()"); of the built-in types
    // only int and float (and bool) have nb_divmod, whose result is (v // w, v % w).
    const [v, w] = args as [PyObject, PyObject];
    const isNumber = (o: PyObject) => o instanceof PyInt || o instanceof PyFloat;
    if (!(isNumber(v) && isNumber(w))) {
      const forward = p.special(v, '__divmod__');
      if (forward) {
        const r = p.callSpecial(forward, v, [w]);
        if (r !== rt.NotImplemented) return r;
        heap.decref(r);
      }
      const reflected = v.ob_type !== w.ob_type ? p.special(w, '__rdivmod__') : null;
      if (reflected) {
        const r = p.callSpecial(reflected, w, [v]);
        if (r !== rt.NotImplemented) return r;
        heap.decref(r);
      }
      throw rt.error('TypeError', `unsupported operand type(s) for divmod(): '${v.ob_type.tp_name}' and '${w.ob_type.tp_name}'`);
    }
    const q = ops.binaryOp(args[0]!, args[1]!, 'FloorDiv', false);
    const r = ops.binaryOp(args[0]!, args[1]!, 'Mod', false);
    return rt.newTuple([q, r]);
  });
  def('pow', (_rt, args, kw) => {
    // builtin_pow_impl(): 3.8+ takes its parameters by name as well (base, exp, mod).
    const b = args[0] ?? kw!.get('base')!;
    const e = args[1] ?? kw!.get('exp')!;
    const mod = args[2] ?? kw?.get('mod') ?? rt.None;
    if (mod !== rt.None) {
      // ternary_op(): int's long_pow() takes three ints; float's float_pow() refuses any
      // third argument; no other built-in type has nb_power.
      if (!(b instanceof PyInt && e instanceof PyInt && mod instanceof PyInt)) {
        if ([b, e, mod].some((o) => o instanceof PyFloat)) throw rt.error('TypeError', 'pow() 3rd argument not allowed unless all arguments are integers');
        throw rt.error('TypeError', `unsupported operand type(s) for ${rt.profile.ternaryPowNamesOperator ? '** or pow()' : 'pow()'}: '${b.ob_type.tp_name}', '${e.ob_type.tp_name}', '${mod.ob_type.tp_name}'`);
      }
      try {
        return rt.newInt(numbers.intPowMod(b.value, e.value, mod.value, p.numProfile));
      } catch (err) {
        if (err instanceof numbers.NumberError) throw rt.error(err.pyType, err.message);
        throw err;
      }
    }
    return ops.binaryOp(b, e, 'Pow', false);
  });
  def('chr', (_rt, args) => {
    // Mirrors Objects/unicodeobject.c PyUnicode_FromOrdinal(): only code points 0..0x10ffff.
    const i = int(args[0]!);
    if (i < 0n || i > 0x10ffffn) throw rt.error('ValueError', 'chr() arg not in range(0x110000)');
    return str(String.fromCodePoint(Number(i)));
  });
  def('ord', (_rt, args) => {
    // builtin_ord(): a str of one character, or bytes (and bytearray) of one byte.
    const s = args[0]!;
    if (s instanceof PyStr) {
      if (s.length === 1) return rt.newInt(s.value.codePointAt(0)!);
      throw rt.error('TypeError', `ord() expected a character, but string of length ${s.length} found`);
    }
    if (s instanceof PyBytes) {
      if (s.value.length === 1) return rt.newInt(s.value[0]!);
      throw rt.error('TypeError', `ord() expected a character, but string of length ${s.value.length} found`);
    }
    throw rt.error('TypeError', `ord() expected string of length 1, but ${s.ob_type.tp_name} found`);
  });
  def('any', (_rt, args) => {
    for (const x of ops.collect(args[0]!)) {
      const b = p.isTrue(x);
      heap.decref(x);
      if (b) return rt.newBool(true);
    }
    return rt.newBool(false);
  });
  def('all', (_rt, args) => {
    for (const x of ops.collect(args[0]!)) {
      const b = p.isTrue(x);
      heap.decref(x);
      if (!b) return rt.newBool(false);
    }
    return rt.newBool(true);
  });
  def('hex', (_rt, args) => {
    const v = int(args[0]!);
    return str(v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`);
  });
  def('bin', (_rt, args) => {
    const v = int(args[0]!);
    return str(v < 0n ? `-0b${(-v).toString(2)}` : `0b${v.toString(2)}`);
  });
  def('oct', (_rt, args) => {
    const v = int(args[0]!);
    return str(v < 0n ? `-0o${(-v).toString(8)}` : `0o${v.toString(8)}`);
  });
  def('format', (_rt, args) => {
    const spec = args[1];
    // builtin_format(): the clinic's "U" converter (_PyArg_BadArgument()).
    if (spec && !(spec instanceof PyStr)) throw rt.error('TypeError', `format() argument 2 must be str, not ${badArgumentName(rt, spec)}`);
    return ops.format(args[0]!, spec ? spec.value : '');
  });
  def('exec', (_rt, args, kw) => {
    // builtin_exec_impl: the caller's namespaces unless given; locals default to globals.
    const source = args[0]!;
    let globals = args[1] ?? kw?.get('globals') ?? rt.None;
    let locals = args[2] ?? kw?.get('locals') ?? rt.None;
    const f = ops.vm.current!;
    let snapshot: PyObject | null = null;
    if (globals === rt.None) {
      globals = f.globals;
      if (locals === rt.None) locals = f.locals ?? (snapshot = p.call(p.dictGetStr(ops.builtinsDict, 'locals')!, [], null));
    } else if (locals === rt.None) locals = globals;
    try {
      if (!(globals instanceof PyDict)) throw rt.error('TypeError', `exec() globals must be a dict, not ${globals.ob_type.tp_name}`);
      if (!(locals instanceof PyDict)) throw rt.error('TypeError', `locals must be a mapping`);
      if (!(source instanceof PyStr)) throw rt.error('TypeError', 'exec() arg 1 must be a string, bytes or code object');
      if (!p.dictGetStr(globals, '__builtins__')) p.dictSetStr(globals, '__builtins__', f.builtins);
      heap.decref(runString(rt, ops, source.value, '<string>', globals, locals, true));
    } finally {
      if (snapshot) heap.decref(snapshot);
    }
    return heap.newref(rt.None);
  });
  def('globals', () => heap.newref(ops.vm.current!.globals));
  def('locals', () => {
    const f = ops.vm.current!;
    if (f.locals) return heap.newref(f.locals);
    return ops.frameLocalsOf(f);
  });
  def('dir', (_rt, args) => {
    if (args.length === 0) {
      const names = new Set<string>();
      const f = ops.vm.current!;
      if (f.locals) {
        for (const e of dictItems(f.locals)) if (e.key instanceof PyStr) names.add(e.key.value);
      } else f.unit.varnames.forEach((n, i) => f.localsplus[i] && names.add(n));
      return rt.newList([...names].sort().map(str));
    }
    // _dir_object(): the bound `__dir__` of the object, its result made a new list
    // (PySequence_List()) and sorted.
    const o = args[0]!;
    const dirfunc = ops.lookupSpecial(o, '__dir__')!;
    let result: PyObject;
    try {
      result = p.call(dirfunc, [], null);
    } finally {
      heap.decref(dirfunc);
    }
    const sorted = rt.newList(ops.collect(result));
    heap.decref(result);
    // PyList_Sort(): in place, nothing allocated.
    sorted.items.sort((x, y) => ((x as PyStr).value < (y as PyStr).value ? -1 : (x as PyStr).value > (y as PyStr).value ? 1 : 0));
    return sorted;
  });
  def('input', () => {
    throw rt.error('EOFError', 'EOF when reading a line');
  });
  def('open', () => {
    throw rt.error('NotImplementedError', 'pymem does not support open() yet: programs cannot reach the host');
  });

  // ---------------------------------------------------------------- type calls (constructors)

  const ctor = new Map<PyTypeObject, NativeFn>();
  ctor.set(t.object!, (_rt, args, kw) => {
    // object_new(): excess_args() counts the keywords too; 3.6 said "parameters".
    if (args.length || (kw && kw.size)) throw rt.error('TypeError', `object() takes no ${rt.profile.version[1] === 6 ? 'parameters' : 'arguments'}`);
    return heap.allocate(new PyInstance(t.object!, 0), 16);
  });
  ctor.set(t.int!, withArgParser(rt, 'int', (_rt, args, kw) => {
    const x = args[0] ?? kw?.get('x');
    const baseObj = args[1] ?? kw?.get('base');
    // long_new_impl(): a base without x is refused; the base is converted by
    // PyNumber_AsSsize_t() and range-checked before x is looked at.
    if (!x) {
      if (baseObj) throw rt.error('TypeError', 'int() missing string argument');
      return rt.newInt(0);
    }
    const base = baseObj ? numberAsSsize(rt, p, baseObj) : 10;
    if (baseObj && ((base !== 0 && base < 2) || base > 36)) throw rt.error('ValueError', 'int() base must be >= 2 and <= 36, or 0');
    try {
      if (x instanceof PyStr) return rt.newInt(numbers.parseInt(x.value, base, p.numProfile));
      if (baseObj && !(x instanceof PyBytes)) throw rt.error('TypeError', "int() can't convert non-string with explicit base");
      // PyNumber_Long: an exact int is returned itself.
      if (x instanceof PyInt) return x.ob_type === t.int ? heap.newref(x) : rt.newInt(x.value);
      if (x instanceof PyFloat) return rt.newInt(numbers.floatToInt(x.value));
      if (x instanceof PyBytes) return rt.newInt(numbers.parseInt(new TextDecoder().decode(x.value), base, p.numProfile));
    } catch (e) {
      if (e instanceof numbers.NumberError) throw rt.error(e.pyType, e.message);
      throw e;
    }
    for (const m of ['__int__', '__index__']) {
      const f = p.special(x, m);
      if (f) return p.callSpecial(f, x, []);
    }
    throw rt.error('TypeError', `int() argument must be a string, a bytes-like object or ${rt.profile.printfIntegerArgumentIs}, not '${x.ob_type.tp_name}'`);
  }));
  ctor.set(t.bool!, (_rt, args) => rt.newBool(args.length ? p.isTrue(args[0]!) : false));
  ctor.set(t.float!, (_rt, args) => {
    const x = args[0];
    if (!x) return rt.newFloat(0);
    try {
      if (x instanceof PyFloat) return heap.newref(x);
      if (x instanceof PyInt) return rt.newFloat(numbers.intToFloat(x.value));
      if (x instanceof PyStr) return rt.newFloat(numbers.parseFloat(x.value, p.numProfile));
    } catch (e) {
      if (e instanceof numbers.NumberError) throw rt.error(e.pyType, e.message);
      throw e;
    }
    const f = p.special(x, '__float__');
    if (f) return p.callSpecial(f, x, []);
    throw rt.error('TypeError', `float() argument must be a string or a ${rt.profile.version[1] >= 10 ? 'real ' : ''}number, not '${x.ob_type.tp_name}'`);
  });
  ctor.set(t.str!, (_rt, args) => {
    if (!args.length) return heap.newref(rt.emptyStr);
    // PyObject_Str: an exact str is returned itself (after PyErr_CheckSignals()).
    if (args[0]!.ob_type === t.str) {
      p.checkSignals();
      return heap.newref(args[0]!);
    }
    return str(p.str(args[0]!));
  });
  /**
   * The bytes of bytes(source) and bytearray(source) (Objects/bytesobject.c
   * bytes_new_impl(), Objects/bytearrayobject.c bytearray___init___impl()): a str
   * needs an encoding; an integer (PyNumber_AsSsize_t() through `__index__`) is a
   * count of zero bytes; anything else is iterated, each item an integer in
   * range(0, 256).
   */
  const bytesFromSource = (x: PyObject, encoding: PyObject | undefined, typeName: 'bytes' | 'bytearray'): Uint8Array => {
    if (x instanceof PyStr) {
      if (!encoding) throw rt.error('TypeError', 'string argument without an encoding');
      return new TextEncoder().encode(x.value);
    }
    const count = x instanceof PyInt || p.special(x, '__index__') ? numberIndex(rt, p, x) : null;
    if (count !== null) {
      if (count < 0n) throw rt.error('ValueError', 'negative count');
      return new Uint8Array(Number(count));
    }
    if (!ops.isIterable(x) && (typeName === 'bytes' || rt.profile.bytearrayNamesUnconvertible)) {
      throw rt.error('TypeError', `cannot convert '${x.ob_type.tp_name}' object to ${typeName}`);
    }
    const items = ops.collect(x);
    try {
      return Uint8Array.from(items, (i) => {
        const v = numberIndex(rt, p, i);
        if (v === null) throw rt.error('TypeError', `'${i.ob_type.tp_name}' object cannot be interpreted as an integer`);
        if (v < 0n || v > 255n) throw rt.error('ValueError', typeName === 'bytes' ? 'bytes must be in range(0, 256)' : 'byte must be in range(0, 256)');
        return Number(v);
      });
    } finally {
      for (const i of items) heap.decref(i);
    }
  };
  ctor.set(t.bytes!, (_rt, args, kw) => {
    const x = args[0] ?? kw?.get('source');
    return rt.newBytes(x ? bytesFromSource(x, args[1] ?? kw?.get('encoding'), 'bytes') : new Uint8Array());
  });
  ctor.set(t.tuple!, (_rt, args) => {
    if (!args.length) return heap.newref(rt.emptyTuple);
    if (args[0] instanceof PyTuple && args[0].ob_type === t.tuple) return heap.newref(args[0]);
    return rt.newTuple(ops.collect(args[0]!));
  });
  ctor.set(t.bytearray!, (_rt, args) => {
    // bytearray_init: no buffer when empty, else len + 1 bytes (the trailing NUL).
    const value = args[0] ? bytesFromSource(args[0], args[1], 'bytearray') : new Uint8Array();
    return heap.allocate(new PyBytes(t.bytearray!, value), sizes.sizeofBytearray(rt.sizes, value.length ? value.length + 1 : 0));
  });
  ctor.set(t.list!, (_rt, args) => {
    const l = rt.genericAlloc(() => rt.newList([]));
    if (args.length) ops.listInit(l, args[0]!);
    return l;
  });
  ctor.set(t.dict!, (_rt, args, kw) => {
    const dd = dictNewForCall(rt);
    if (args.length) ops.dictUpdateArg(dd, args[0]!);
    if (kw) for (const [k, v] of kw) p.dictSetStr(dd, k, v);
    return dd;
  });
  ctor.set(t.set!, (_rt, args) => {
    const s = rt.newSet();
    if (args.length) ops.setUpdate(s, args[0]!);
    return s;
  });
  let emptyFrozenset: PyObject | null = null;
  ctor.set(t.frozenset!, (_rt, args) => {
    // frozenset_new: a frozenset argument is returned itself.
    if (args[0]?.ob_type === t.frozenset) return heap.newref(args[0]);
    const s = rt.newSet(true);
    if (args.length) ops.setUpdate(s, args[0]!);
    if (rt.profile.version[1] <= 9 && s.entries.length === 0) {
      // Up to 3.9 the empty frozenset is a singleton, made on first use.
      heap.decref(s);
      emptyFrozenset ??= rt.newSet(true);
      return heap.newref(emptyFrozenset);
    }
    return s;
  });
  ctor.set(t.range!, (_rt, args) => {
    // Up to 3.8 range_new() unpacked one argument, else two or three (PyArg_UnpackTuple()),
    // so too few says "expected 1"; 3.9+'s range_vectorcall() checks 1 to 3 at once (SIGNATURES).
    if (!args.length) throw rt.error('TypeError', `range expected 1 argument${rt.profile.argCountSingular ? '' : 's'}, got 0`);
    // range_new(): each argument must be an int, checked in order.
    const a = int(args[0]!);
    const b = args.length > 1 ? int(args[1]!) : 0n;
    const c = args.length > 2 ? int(args[2]!) : 1n;
    const start = args.length === 1 ? 0n : a;
    const stop = args.length === 1 ? a : b;
    const step = c;
    if (step === 0n) throw rt.error('ValueError', 'range() arg 3 must not be zero');
    return heap.allocate(new PyNative(t.range!, [], [start, stop, step]), rt.sizes.fixed.range);
  });
  const wrapper = (type: PyTypeObject, size: number): NativeFn => (_rt, args) => {
    const refs = args.map((a) => heap.newref(a));
    const o = heap.allocate(new PyNative(type, refs), size);
    rt.track(o);
    return o;
  };
  ctor.set(t.property!, (_rt, args, kw) => {
    const fget = args[0] ?? kw?.get('fget') ?? rt.None;
    const fset = args[1] ?? kw?.get('fset') ?? rt.None;
    return wrapper(t.property!, rt.sizes.fixed.property)(rt, [fget, fset], null);
  });
  // 3.10+ cm_init()/sm_init(): functools_wraps() copies the function's __module__, __name__,
  // __qualname__, __doc__ and __annotations__ into the new object's __dict__.
  const methodWrapper = (type: PyTypeObject, size: number): NativeFn => (_rt, args, kw) => {
    const o = wrapper(type, size)(rt, args, kw) as PyNative;
    if (rt.profile.methodWrappersCopyAttributes) {
      const d = rt.newDict();
      o.refs.push(d);
      if (heap.trace) heap.trace.changed(o);
      for (const name of ['__module__', '__name__', '__qualname__', '__doc__', '__annotations__']) {
        let v: PyObject;
        try {
          v = ops.getAttr(args[0]!, name);
        } catch (e) {
          if (e instanceof PyErr && rt.isInstance(e.exc, t.AttributeError!)) {
            heap.decref(e.exc);
            continue;
          }
          throw e;
        }
        p.dictSetStr(d, name, v);
        heap.decref(v);
      }
    }
    return o;
  };
  ctor.set(t.classmethod!, methodWrapper(t.classmethod!, rt.sizes.fixed.classmethod));
  ctor.set(t.staticmethod!, methodWrapper(t.staticmethod!, rt.sizes.fixed.staticmethod));
  ctor.set(t.type!, (_rt, args, kw) => {
    if (args.length === 1 && !(kw && kw.size)) return heap.newref(args[0]!.ob_type);
    // type_new(): 3.10+ refuses the keywords of a one-argument call before counting.
    if (args.length === 1 && minor >= 10) throw rt.error('TypeError', 'type() takes no keyword arguments');
    if (args.length !== 3) throw rt.error('TypeError', 'type() takes 1 or 3 arguments');
    // type_new(): the name, the bases and the namespace, checked as PyArg_ParseTuple's "UO!O!" does.
    const [nameObj, bases, ns] = args as [PyObject, PyObject, PyObject];
    if (!(nameObj instanceof PyStr)) throw rt.error('TypeError', `type.__new__() argument 1 must be str, not ${badArgumentName(rt, nameObj)}`);
    if (!(bases instanceof PyTuple)) throw rt.error('TypeError', `type.__new__() argument 2 must be tuple, not ${badArgumentName(rt, bases)}`);
    if (!(ns instanceof PyDict)) throw rt.error('TypeError', `type.__new__() argument 3 must be dict, not ${ns.ob_type.tp_name}`);
    // The keywords go to the bases' `__init_subclass__` (init_subclass()).
    return makeClass(nameObj, bases, ns, kw && kw.size ? kw : null);
  });
  ctor.set(t.super!, (_rt, args, kw) => {
    // super_init() (3.11+ super_vectorcall()) checks its own arguments: no keywords, at most two, the first a type.
    const v = rt.profile.version[1];
    if (kw && kw.size) throw rt.error('TypeError', v === 6 ? 'super does not take keyword arguments' : 'super() takes no keyword arguments');
    if (args.length > 2) throw rt.error('TypeError', v >= 11 ? `super() expected at most 2 arguments, got ${args.length}` : `super() takes at most 2 arguments (${args.length} given)`);
    if (args.length && !(args[0] instanceof PyTypeObject)) throw rt.error('TypeError', `super() argument 1 must be ${v >= 11 ? 'a ' : ''}type, not ${args[0]!.ob_type.tp_name}`);
    if (args.length === 1) throw rt.error('NotImplementedError', 'pymem does not support unbound super objects yet');
    let type: PyTypeObject;
    let obj: PyObject;
    if (args.length === 0) {
      const f = ops.vm.current!;
      const co = f.code.co;
      const idx = co.co_freevars.indexOf('__class__');
      if (idx < 0) throw rt.error('RuntimeError', 'super(): __class__ cell not found');
      const cell = f.localsplus[co.co_varnames.length + co.co_cellvars.length + idx] as PyCell;
      if (!cell.ref) throw rt.error('RuntimeError', 'super(): empty __class__ cell');
      type = cell.ref as PyTypeObject;
      let first = f.localsplus[0];
      if (!first && co.co_cellvars.includes(co.co_varnames[0]!)) first = (f.localsplus[co.co_varnames.length + co.co_cellvars.indexOf(co.co_varnames[0]!)] as PyCell).ref;
      if (!first) throw rt.error('RuntimeError', 'super(): no arguments');
      obj = first;
    } else {
      type = args[0] as PyTypeObject;
      obj = args[1]!;
    }
    // What wrapper() does, without a closure and an array per call: super() is called per method call.
    const o = heap.allocate(new PyNative(t.super!, [heap.newref(type), heap.newref(obj)]), 48);
    rt.track(o);
    return o;
  });
  const iterCtor = (name: string, make: (args: PyObject[], kw: Kw) => { refs: PyObject[]; st: IterState }): NativeFn => (_rt, args, kw) => {
    const { refs, st } = make(args, kw);
    const it = ops.newIterator(name, [], st);
    it.refs.push(...refs);
    if (heap.trace) heap.trace.changed(it);
    return it;
  };
  /** The tuple of iterators zip_new and map_new build (allocated first, then filled, as they do). */
  const iteratorTuple = (iterables: PyObject[]): PyTuple => {
    const its = ops.newResultTuple(iterables.length);
    iterables.forEach((a, i) => {
      let it: PyObject;
      try {
        it = ops.getIter(a);
      } catch (e) {
        heap.decref(its);
        throw e;
      }
      heap.decref(its.items[i]!);
      its.items[i] = it;
      // getIter may have run Python lines since the tuple was allocated.
      if (heap.trace) heap.trace.changed(its);
    });
    return its;
  };
  ctor.set(t.enumerate!, withArgParser(rt, 'enumerate', (_rt, args, kw) => {
    // enum_new: the enumerate object first, then its iterator and the result tuple it recycles.
    const iterable = args[0] ?? kw!.get('iterable')!;
    let n = args[1] ? int(args[1]) : kw?.get('start') ? int(kw.get('start')!) : 0n;
    const en = ops.newIterator('enumerate', [], {
      i: 0,
      iter: () => {
        const v = ops.next(en.refs[0]!);
        if (!v) return null;
        const item = [rt.newInt(n++), v];
        return ops.recycleResult(en.refs[1] as PyTuple, item) ?? rt.newTuple(item);
      },
    });
    try {
      en.refs.push(ops.getIter(iterable));
      if (heap.trace) heap.trace.changed(en);
    } catch (e) {
      heap.decref(en);
      throw e;
    }
    en.refs.push(ops.newResultTuple(2));
    if (heap.trace) heap.trace.changed(en);
    return en;
  }));
  ctor.set(t.zip!, (_rt, args) => {
    // zip_new: a tuple of the iterators, the result tuple it recycles, then the zip object.
    const its = iteratorTuple(args);
    const result = ops.newResultTuple(args.length);
    const z = ops.newIterator('zip', [], {
      i: 0,
      iter: () => {
        const iters = its.items;
        if (iters.length === 0) return null;
        if (result.ob_refcnt === 1) {
          // zip_next refills its own result in place, releasing each old item as it goes.
          heap.incref(result);
          for (let i = 0; i < iters.length; i++) {
            const v = ops.next(iters[i]!);
            if (!v) {
              heap.decref(result);
              return null;
            }
            const old = result.items[i]!;
            result.items[i] = v;
            if (heap.trace) heap.trace.changed(result);
            heap.decref(old);
          }
          if (rt.profile.recycledResultTupleRetracked) rt.track(result);
          return result;
        }
        const vals: PyObject[] = [];
        for (const it of iters) {
          const v = ops.next(it);
          if (!v) {
            for (const x of vals) heap.decref(x);
            return null;
          }
          vals.push(v);
        }
        return rt.newTuple(vals);
      },
    });
    z.refs.push(its, result);
    if (heap.trace) heap.trace.changed(z);
    return z;
  });
  ctor.set(t.map!, (_rt, args) => {
    // map_new: the tuple of iterators, then the map object holding it and the function.
    if (args.length < 2) throw rt.error('TypeError', 'map() must have at least two arguments.');
    const its = iteratorTuple(args.slice(1));
    const fn = heap.newref(args[0]!);
    const m = ops.newIterator('map', [], {
      i: 0,
      iter: () => {
        const vals: PyObject[] = [];
        for (const it of its.items) {
          const v = ops.next(it);
          if (!v) {
            for (const x of vals) heap.decref(x);
            return null;
          }
          vals.push(v);
        }
        try {
          return p.call(fn, vals, null);
        } finally {
          for (const x of vals) heap.decref(x);
        }
      },
    });
    m.refs.push(its, fn);
    if (heap.trace) heap.trace.changed(m);
    return m;
  });
  ctor.set(t.filter!, iterCtor('filter', (args) => {
    const fn = heap.newref(args[0]!);
    const it = ops.getIter(args[1]!);
    return {
      refs: [fn, it],
      st: {
        i: 0,
        iter: () => {
          for (let v = ops.next(it); v; v = ops.next(it)) {
            let keep: boolean;
            if (fn === rt.None) keep = p.isTrue(v);
            else {
              const r = p.call(fn, [v], null);
              keep = p.isTrue(r);
              heap.decref(r);
            }
            if (keep) return v;
            heap.decref(v);
          }
          return null;
        },
      },
    };
  }));
  ctor.set(t.reversed!, (_rt, args) => ops.reversed(args[0]!));
  ctor.set(t.slice!, (_rt, args) => {
    const [a, b, c] = args.length === 1 ? [rt.None, args[0]!, rt.None] : [args[0]!, args[1]!, args[2] ?? rt.None];
    return ops.newSlice(heap.newref(a), heap.newref(b), heap.newref(c));
  });

  // Every constructor checks its arguments as its tp_new/tp_init declares them.
  for (const [type, fn] of ctor) ctor.set(type, withArgumentCheck(rt, type.tp_name, fn, false, false, true));

  /** Mirrors type_call(): `tp_new`, then `__init__` when it returned an instance of the type. */
  p.callType = (type, args, kw) => {
    let builtinBase: PyTypeObject | null = null;
    for (const base of type.mroCache) {
      if (base.isHeapType) continue;
      if (base.isSubtype(t.BaseException!)) return newExceptionInstance(type, args, kw);
      if (base === t.object) break;
      const c = ctor.get(base);
      if (!c) break;
      if (!type.isHeapType) return c(rt, args, kw);
      if (base !== t.list && base !== t.dict && base !== t.set) throw rt.error('NotImplementedError', `pymem does not support subclassing '${base.tp_name}' yet`);
      builtinBase = base;
      break;
    }
    if (!type.isHeapType) {
      const c = ctor.get(type);
      if (c) return c(rt, args, kw);
      // none_new: `type(None)()` is None.
      if (type === t.NoneType && !args.length) return heap.newref(rt.None);
      throw rt.error('TypeError', `cannot create '${type.tp_name}' instances`);
    }
    const newFn = p.typeLookup(type, '__new__');
    let obj: PyObject;
    if (newFn && newFn instanceof PyNative && newFn.ob_type === t.staticmethod) obj = p.call(newFn.refs[0]!, [type, ...args], kw);
    else if (newFn instanceof PyFunction) obj = p.call(newFn, [type, ...args], kw);
    else obj = builtinBase ? newBuiltinSubtypeObject(type, builtinBase) : newInstance(type);
    if (!obj.ob_type.isSubtype(type)) return obj;
    const init = p.typeLookup(type, '__init__');
    if (init) {
      // slot_tp_init(): 3.6 binds __init__ to the instance first (lookup_method).
      const bound = init instanceof PyFunction && rt.profile.slotCallsBindMethod ? ops.newMethod(init, obj) : null;
      try {
        const r = p.call(init, [obj, ...args], kw);
        if (r !== rt.None) {
          heap.decref(r);
          throw rt.error('TypeError', `__init__() should return None, not '${r.ob_type.tp_name}'`);
        }
        heap.decref(r);
      } catch (e) {
        heap.decref(obj);
        throw e;
      } finally {
        if (bound) heap.decref(bound);
      }
    } else if (builtinBase) {
      // The base's tp_init, called directly: list___init__, dict___init__, set_init.
      try {
        heap.decref(ops.nativeMethod(builtinBase, '__init__')!(rt, [obj, ...args], kw));
      } catch (e) {
        heap.decref(obj);
        throw e;
      }
    } else if ((args.length || (kw && kw.size)) && !newFn) {
      // object_new() refuses the arguments neither __new__ nor __init__ takes.
      heap.decref(obj);
      throw rt.error('TypeError', rt.profile.objectInitSaysNoParameters ? 'object() takes no parameters' : `${type.tp_name}() takes no arguments`);
    }
    return obj;
  };

  function newExceptionInstance(type: PyTypeObject, args: PyObject[], _kw: Kw): PyObject {
    const e = rt.newException(type, args.map((a) => heap.newref(a)));
    const init = type.isHeapType ? p.typeLookup(type, '__init__') : null;
    if (init instanceof PyFunction) {
      try {
        heap.decref(p.call(init, [e, ...args], _kw));
      } catch (err) {
        heap.decref(e);
        throw err;
      }
    }
    return e;
  }

  /**
   * The tp_new of a built-in container for a heap subclass (list: PyType_GenericNew,
   * dict_new, set_new): the base's empty object with the subtype's `ob_type`,
   * holding a reference to its type; its `__init__` fills it.
   */
  function newBuiltinSubtypeObject(type: PyTypeObject, base: PyTypeObject): PyObject {
    if (type.ht_slots?.length) throw rt.error('NotImplementedError', `pymem does not support __slots__ in a subclass of '${base.tp_name}' yet`);
    const o = base === t.list ? rt.newList([], 0, type) : base === t.dict ? dictNewForCall(rt, type) : rt.newSet(false, type);
    heap.incref(type);
    return o;
  }

  /** `object.__new__` for a heap type: the instance, with slots and (from 3.11) inline values. */
  function newInstance(type: PyTypeObject): PyInstance {
    const nslots = type.mroCache.reduce((n, b) => n + (b.ht_slots?.length ?? 0), 0);
    const o = new PyInstance(type, nslots);
    heap.incref(type);
    const size = sizes.sizeofInstance(rt.sizes, nslots, type.instancesHaveDict, type.instancesHaveWeakrefs);
    heap.allocate(o, size);
    if (type.isGC) rt.track(o);
    // Up to 3.10 the __dict__ is made by the first attribute store (_PyObjectDict_SetItem), not by object_new.
    if (type.instancesHaveDict) noteInstanceCreated(rt, type);
    return o;
  }

  // ---------------------------------------------------------------- __build_class__

  const minor = rt.profile.version[1];

  /**
   * Mirrors Python/bltinmodule.c builtin___build_class__(): the bases tuple, the
   * class keywords in a new dict without `metaclass` (`mkw`), the namespace from
   * the metatype's `__prepare__` (a bound built-in method; 3.6 packs its
   * arguments), the class body, then the metatype called with a new argument
   * tuple (`type` has no vectorcall for three arguments: _PyObject_MakeTpCall())
   * and the keywords, which type_new() passes to `__init_subclass__`.
   */
  const buildClass = rt.newBuiltin(
    '__build_class__',
    withCallingConvention(rt, p, '__build_class__', (_rt, args, kw) => {
      // builtin___build_class__() checks its own arguments before it looks at the keywords.
      if (args.length < 2) throw rt.error('TypeError', '__build_class__: not enough arguments');
      if (!(args[0] instanceof PyFunction)) throw rt.error('TypeError', '__build_class__: func must be a function');
      if (!(args[1] instanceof PyStr)) throw rt.error('TypeError', '__build_class__: name is not a string');
      const [body, nameObj, ...bases] = args as [PyFunction, PyStr, ...PyObject[]];
      const basesTuple = rt.newTuple(bases.map((b) => heap.newref(b)));
      // 3.7+ _PyStack_AsDict(), 3.6 PyDict_Copy() of the packed keywords.
      const mkw = kw && kw.size ? rt.newDict() : null;
      let classKeywords: Map<string, PyObject> | null = null;
      try {
        if (kw && mkw) {
          for (const [k, v] of kw) p.dictSetStr(mkw, k, v);
          const meta = kw.get('metaclass');
          if (meta !== undefined) {
            // A metaclass other than `type` would make classes of another metatype.
            if (meta !== t.type) throw rt.error('NotImplementedError', 'pymem does not support metaclasses yet');
            const key = rt.internString('metaclass');
            dictDelItem(rt, p, mkw, key);
            heap.decref(key);
          }
          classKeywords = new Map([...kw].filter(([k]) => k !== 'metaclass'));
          if (!classKeywords.size) classKeywords = null;
        }
        const ns = prepareNamespace(nameObj, basesTuple, classKeywords);
        try {
          const r = ops.vm.runClassBody(body, ns);
          // 3.10+: `type` has a vectorcall, so keywords are unpacked into a tuple of their names,
          // which _PyObject_MakeTpCall() packs into a dict again.
          const kwnames = minor >= 10 && classKeywords ? keywordNames(classKeywords) : null;
          const margs = rt.newTuple([heap.newref(nameObj), heap.newref(basesTuple), heap.newref(ns)]);
          const kwdict = kwnames ? rt.newDict() : null;
          if (kwdict) for (const [k, v] of classKeywords!) p.dictSetStr(kwdict, k, v);
          let cls: PyTypeObject;
          try {
            cls = makeClass(nameObj, basesTuple, ns, classKeywords);
          } finally {
            heap.decref(margs);
            if (kwdict) heap.decref(kwdict);
            if (kwnames) heap.decref(kwnames);
          }
          if (r instanceof PyCell) {
            const old = r.ref;
            r.ref = heap.newref(cls);
            if (heap.trace) heap.trace.changed(r);
            heap.xdecref(old);
          }
          heap.decref(r);
          return cls;
        } finally {
          heap.decref(ns);
        }
      } finally {
        if (mkw) heap.decref(mkw);
        heap.decref(basesTuple);
      }
    }, false),
  );
  buildClass.immortal = rt.profile.immortalObjects;
  p.dictSetStr(d, '__build_class__', buildClass);
  ops.buildClass = buildClass;
  heap.decref(buildClass);

  /**
   * `type.__prepare__(name, bases, **mkw)` through the bound built-in method
   * `_PyObject_GetAttrId(meta, "__prepare__")` makes; from 3.7 a call with keywords
   * unpacks them into a tuple of their names (_PyStack_UnpackDict()).
   */
  function prepareNamespace(nameObj: PyStr, basesTuple: PyTuple, keywords: Map<string, PyObject> | null): PyDict {
    const prep = rt.newBuiltin('__prepare__', () => rt.newDict(), t.type!);
    try {
      // 3.6: type___prepare__ is METH_VARARGS | METH_KEYWORDS.
      const pargs = minor <= 6 ? rt.newTuple([heap.newref(nameObj), heap.newref(basesTuple)]) : null;
      const kwnames = minor >= 7 && keywords ? keywordNames(keywords) : null;
      const ns = rt.newDict();
      if (kwnames) heap.decref(kwnames);
      if (pargs) heap.decref(pargs);
      return ns;
    } finally {
      heap.decref(prep);
    }
  }

  /** _PyStack_UnpackDict(): the keyword names of a call given a dict, a new tuple. */
  function keywordNames(keywords: Map<string, PyObject>): PyTuple {
    return rt.newTuple([...keywords.keys()].map((k) => rt.internString(k)));
  }

  /** Built-in types that already have subclasses when a program starts (their `tp_subclasses` exists), measured per version. */
  const startupSubclassed = new Set([
    'object', 'type', 'int', 'tuple', 'dict', 'property', 'classmethod', 'staticmethod',
    'BaseException', 'Exception', 'ArithmeticError', 'LookupError', 'ValueError', 'RuntimeError', 'NameError',
    'OSError', 'ImportError', 'SyntaxError', 'IndentationError', 'SystemError', 'UnicodeError', 'Warning', 'ConnectionError',
    ...(minor >= 11 ? ['list', 'BaseExceptionGroup'] : []),
    ...(minor === 11 ? ['str'] : []),
  ]);

  /** Mirrors add_subclass(): a weak reference to `cls` in the base's `tp_subclasses`, keyed by the address. */
  function addSubclass(base: PyTypeObject, cls: PyTypeObject): void {
    const subclassesDict = (): PyDict => {
      if (!base.tp_subclasses) {
        base.tp_subclasses = !base.isHeapType && startupSubclassed.has(base.tp_name) ? heap.allocateLongLived(new PyDict(t.dict!), rt.sizes.gcHeaderSize + 48) : rt.newDict();
      }
      return base.tp_subclasses;
    };
    // Up to 3.8 the dict comes first; 3.9 makes the key and the reference first.
    const early = minor <= 8 ? subclassesDict() : null;
    const key = rt.newInt(cls.addr);
    const ref = newWeakref(rt, cls, null);
    dictSetItem(rt, p, early ?? subclassesDict(), key, ref);
    heap.decref(ref);
    heap.decref(key);
  }

  /** Mirrors remove_subclass() for each base, from type_dealloc(). */
  ops.removeSubclass = (cls: PyTypeObject): void => {
    for (const base of cls.tp_bases!.items as PyTypeObject[]) {
      if (!base.tp_subclasses) continue;
      const key = rt.newInt(cls.addr);
      dictDelItem(rt, p, base.tp_subclasses, key);
      heap.decref(key);
      // 3.11+: an emptied subclass dict is freed (the next subclass makes a new one).
      if (minor >= 11 && base.tp_subclasses.used === 0) {
        const old = base.tp_subclasses;
        base.tp_subclasses = null;
        heap.decref(old);
      }
    }
  };

  /** Mirrors mro_invoke() of `type`: mro_implementation() and its temporaries by version. */
  function computeMro(cls: PyTypeObject, baseTypes: PyTypeObject[]): PyTuple {
    const mro = c3(cls, baseTypes);
    cls.mroCache = mro;
    const items = () => mro.map((b) => heap.newref(b));
    if (minor <= 6) {
      // 3.6: lists of every base's MRO and of the bases, merged into a list, made a tuple.
      const toMerge = rt.newList([], baseTypes.length + 1);
      for (const b of baseTypes) toMerge.items.push(rt.newList(b.mroCache.map((x) => heap.newref(x))));
      toMerge.items.push(rt.newList(baseTypes.map((x) => heap.newref(x))));
      const result = rt.newList([heap.newref(cls)]);
      heap.decref(toMerge);
      const tuple = rt.newTuple(items());
      heap.decref(result);
      return tuple;
    }
    if (baseTypes.length === 1) return rt.newTuple(items());
    // 3.7+: several bases merge into a list (the inputs are the tuples themselves).
    const result = rt.newList([heap.newref(cls)]);
    const tuple = rt.newTuple(items());
    heap.decref(result);
    return tuple;
  }

  /** A descriptor of `cls` (PyDescr_NewMember/PyDescr_NewGetSet): it holds the type (`d_type`). */
  function newDescriptor(type: PyTypeObject, name: string, cls: PyTypeObject, state: unknown): PyNative {
    const nm = rt.internString(name);
    heap.incref(cls);
    const descr = heap.allocate(new PyNative(type, [nm, cls], state), 64);
    rt.track(descr);
    return descr;
  }

  /**
   * Mirrors type_new() and PyType_Ready() for `type`: the bases (object when none),
   * a copy of the namespace, the `__slots__` tuple, the type object, the member and
   * `__dict__`/`__weakref__` getset descriptors, the MRO, the weak reference in
   * each base's `tp_subclasses`, then set_names() (a copy of the dict) and
   * init_subclass() (a `super` object and the bound `object.__init_subclass__`).
   */
  function makeClass(nameObj: PyStr, basesTuple: PyTuple, ns: PyDict, keywords: Map<string, PyObject> | null): PyTypeObject {
    const name = nameObj.value;
    for (const b of basesTuple.items) if (!(b instanceof PyTypeObject)) throw rt.error('TypeError', `bases must be types`);
    const baseTypes0 = basesTuple.items as PyTypeObject[];
    for (const b of baseTypes0) if (!(b.tp_flags & TPFLAGS.BASETYPE)) throw rt.error('TypeError', `type '${b.tp_name}' is not an acceptable base type`);
    const bases = baseTypes0.length ? heap.newref(basesTuple) : rt.newTuple([heap.newref(t.object!)]);
    const baseTypes = bases.items as PyTypeObject[];
    const dict = dictCopy(ns);
    // type_new_set_module(): a namespace without `__module__` (type() called with three
    // arguments) gets the calling frame's global `__name__`.
    if (!p.dictGetStr(dict, '__module__')) {
      const modName = ops.vm.current ? p.dictGetStr(ops.vm.current.globals, '__name__') : null;
      if (modName) p.dictSetStr(dict, '__module__', modName);
    }
    const slotsObj = p.dictGetStr(dict, '__slots__');
    let slots: string[] | null = null;
    let slotsTuple: PyTuple | null = null;
    if (slotsObj) {
      const given = slotsObj instanceof PyStr ? rt.newTuple([heap.newref(slotsObj)]) : slotsObj instanceof PyTuple ? heap.newref(slotsObj) : rt.newTuple(ops.collect(slotsObj));
      slots = given.items.map((s) => (s as PyStr).value);
      // The names other than __dict__/__weakref__, copied into a list, sorted, made a tuple.
      const kept = given.items.filter((s) => (s as PyStr).value !== '__dict__' && (s as PyStr).value !== '__weakref__');
      const newslots = rt.newList(kept.map((s) => heap.newref(s)));
      newslots.items.sort((a, b) => ((a as PyStr).value < (b as PyStr).value ? -1 : (a as PyStr).value > (b as PyStr).value ? 1 : 0));
      // The given tuple is dropped before the sorted tuple is made up to 3.9 (Py_CLEAR), after it from 3.10 (Py_XSETREF).
      if (minor <= 9) heap.decref(given);
      slotsTuple = rt.newTuple(newslots.items.map((s) => heap.newref(s)));
      heap.decref(newslots);
      if (minor >= 10) heap.decref(given);
    }
    // tp_base is the best base: the one whose layout the instances extend.
    const best = bestBase(baseTypes);
    const cls = new PyTypeObject(t.type!, name, { base: best, flags: TPFLAGS.HEAPTYPE | TPFLAGS.BASETYPE | TPFLAGS.HAVE_GC });
    heap.allocate(cls, rt.sizes.fixed['heap-type']);
    rt.track(cls);
    cls.usesTrashcan = true;
    cls.ht_slotsTuple = slotsTuple;
    const mroBases = c3Bases(baseTypes);
    const baseHasDict = mroBases.some((b) => b.instancesHaveDict);
    const baseHasWeak = mroBases.some((b) => b.instancesHaveWeakrefs);
    cls.instancesHaveDict = slots ? slots.includes('__dict__') || baseHasDict : true;
    cls.instancesHaveWeakrefs = slots ? slots.includes('__weakref__') || baseHasWeak : true;
    // type_new() adds the `__dict__`/`__weakref__` getsets where the best base has no
    // tp_dictoffset / tp_weaklistoffset (and no items): always without `__slots__`; with
    // them when named, or when a secondary base brings one.
    const mayAddDict = !hasDictOffset(best);
    const mayAddWeak = !rt.typeHasWeaklist(best) && best.tp_itemsize === 0;
    let addDict = mayAddDict && (!slots || slots.includes('__dict__'));
    let addWeak = mayAddWeak && (!slots || slots.includes('__weakref__'));
    if (slots && baseTypes.length > 1) {
      for (const b of baseTypes) {
        if (b === best) continue;
        if (mayAddDict && !addDict && hasDictOffset(b)) addDict = true;
        if (mayAddWeak && !addWeak && rt.typeHasWeaklist(b)) addWeak = true;
      }
    }
    cls.ht_slots = slotsTuple ? slotsTuple.items.map((s) => (s as PyStr).value) : null;
    const m = p.dictGetStr(dict, '__module__');
    cls.moduleName = m instanceof PyStr ? m.value : '__main__';
    const q = p.dictGetStr(dict, '__qualname__');
    cls.qualname = q instanceof PyStr ? q.value : name;
    cls.tp_bases = bases;
    heap.incref(cls.tp_base!);
    cls.tp_dict = dict;
    dict.isTypeDict = true;
    // NON-SPEC: the trace learns the class's references as they are set (an allocation below may run a collection, and Python code).
    if (heap.trace) heap.trace.changed(cls);
    for (const key of ['__qualname__', '__classcell__']) {
      const k = rt.internString(key);
      if (p.dictGetStr(dict, key)) dictDelItem(rt, p, dict, k);
      heap.decref(k);
    }
    // type_new(): a plain function as __new__ becomes a staticmethod; as __init_subclass__
    // or (3.7+) __class_getitem__ a classmethod, stored in the dict in its place.
    for (const name of minor >= 7 ? ['__new__', '__init_subclass__', '__class_getitem__'] : ['__new__', '__init_subclass__']) {
      const v = p.dictGetStr(dict, name);
      if (!(v instanceof PyFunction)) continue;
      const wrapped = (name === '__new__' ? ctor.get(t.staticmethod!)! : ctor.get(t.classmethod!)!)(rt, [v], null);
      p.dictSetStr(dict, name, wrapped);
      heap.decref(wrapped);
    }
    // type_new: a class that defines __eq__ but not __hash__ is unhashable.
    if (p.dictGetStr(dict, '__eq__') && !p.dictGetStr(dict, '__hash__')) p.dictSetStr(dict, '__hash__', rt.None);
    // PyType_Ready: add_members() and add_getset() fill the dict after the MRO from 3.10, before it up to 3.9.
    const addDescriptors = () => {
      let slotIndex = mroBases.reduce((n, b) => n + (b.ht_slots?.length ?? 0), 0);
      for (const s of cls.ht_slots ?? []) {
        const md = newDescriptor(t.member_descriptor!, s, cls, slotIndex++);
        p.dictSetStr(dict, s, md);
        heap.decref(md);
      }
      for (const [on, s] of [[addDict, '__dict__'], [addWeak, '__weakref__']] as const) {
        if (!on || p.dictGetStr(dict, s)) continue;
        const gd = newDescriptor(t.getset_descriptor!, s, cls, s);
        p.dictSetStr(dict, s, gd);
        heap.decref(gd);
      }
    };
    if (minor <= 9) addDescriptors();
    cls.tp_mro = computeMro(cls, baseTypes);
    if (heap.trace) heap.trace.changed(cls);
    if (minor >= 10) addDescriptors();
    if (!p.dictGetStr(dict, '__doc__')) p.dictSetStr(dict, '__doc__', rt.None);
    typeDictsChanged();
    cls.hasFinalizer = !!p.typeLookup(cls, '__del__');
    for (const b of baseTypes) addSubclass(b, cls);
    try {
      setNames(cls, dict);
      initSubclass(cls, keywords);
    } catch (e) {
      heap.decref(cls);
      throw e;
    }
    return cls;
  }

  /**
   * Mirrors set_names() (type_new_set_names()): for each value of a copy of the class
   * dict whose type has `__set_name__`, that method, bound to the value
   * (_PyObject_LookupSpecial()), called with the class and the name; up to 3.7
   * PyObject_CallFunctionObjArgs() passes a bound method an argument tuple.
   */
  function setNames(cls: PyTypeObject, dict: PyDict): void {
    const names = dictCopy(dict);
    try {
      for (const e of [...dictItems(names)]) {
        const setName = ops.lookupSpecial(e.value, '__set_name__');
        if (!setName) continue;
        const argTuple = rt.profile.cCallOfMethodPacksArguments ? rt.newTuple([heap.newref(cls), heap.newref(e.key)]) : null;
        try {
          heap.decref(p.call(setName, [cls, e.key], null));
        } finally {
          if (argTuple) heap.decref(argTuple);
          heap.decref(setName);
        }
      }
    } finally {
      heap.decref(names);
    }
  }

  /** `PyDict_Copy`. */
  function dictCopy(src: PyDict): PyDict {
    const copy = dictNewCopy(rt, src);
    for (const e of [...dictItems(src)]) dictSetItem(rt, p, copy, e.key, e.value);
    return copy;
  }

  /** `tp_dictoffset != 0`: instances with a `__dict__` (a heap type's, or an exception's). */
  function hasDictOffset(b: PyTypeObject): boolean {
    return b.instancesHaveDict || b.isSubtype(t.BaseException!);
  }

  /** Mirrors solid_base(): the nearest type that adds instance fields other than `__dict__`/`__weakref__`. */
  function solidBase(b: PyTypeObject): PyTypeObject {
    if (b === t.object) return b;
    if (b.isHeapType) return b.ht_slots?.length ? b : solidBase(b.tp_base!);
    // The exceptions share BaseException's layout.
    return b.isSubtype(t.BaseException!) ? t.BaseException! : b;
  }

  /** Mirrors best_base(): the base whose solid base is the most derived. */
  function bestBase(bases: PyTypeObject[]): PyTypeObject {
    let base = bases[0]!;
    let winner = solidBase(base);
    for (const b of bases.slice(1)) {
      const candidate = solidBase(b);
      if (candidate.isSubtype(winner) && candidate !== winner) {
        winner = candidate;
        base = b;
      }
    }
    return base;
  }

  /** The MRO of `bases` without the new class (for what the bases already give instances). */
  function c3Bases(baseTypes: PyTypeObject[]): PyTypeObject[] {
    const seen = new Set<PyTypeObject>();
    for (const b of baseTypes) for (const x of b.mroCache) seen.add(x);
    return [...seen];
  }

  /**
   * Mirrors init_subclass(): `super(cls, cls)` (up to 3.10 through an argument tuple:
   * super has no vectorcall) and its `__init_subclass__`, bound to the class: a
   * base's own (a classmethod), else object's (a built-in class method that does
   * nothing and takes no arguments), called with the class keywords (from 3.7 their
   * names unpacked into a new tuple: _PyObject_FastCallDict()).
   */
  function initSubclass(cls: PyTypeObject, keywords: Map<string, PyObject> | null): void {
    const sargs = minor <= 10 ? rt.newTuple([heap.newref(cls), heap.newref(cls)]) : null;
    let sup: PyObject;
    try {
      sup = ctor.get(t.super!)!(rt, [cls, cls], null);
    } finally {
      if (sargs) heap.decref(sargs);
    }
    let own: PyObject | null = null;
    for (const base of cls.mroCache.slice(1)) {
      const v = base.tp_dict ? p.dictGetStr(base.tp_dict, '__init_subclass__') : null;
      if (v) {
        own = v instanceof PyNative && v.ob_type === t.classmethod ? v.refs[0]! : v;
        break;
      }
    }
    const func = own ? ops.newMethod(own, cls) : rt.newBuiltin('__init_subclass__', ops.nativeMethod(t.object!, '__init_subclass__')!, cls);
    heap.decref(sup);
    const kwnames = minor >= 7 && keywords ? keywordNames(keywords) : null;
    try {
      heap.decref(p.call(func, [], keywords));
    } finally {
      if (kwnames) heap.decref(kwnames);
      heap.decref(func);
    }
  }

  function c3(cls: PyTypeObject, bases: PyTypeObject[]): PyTypeObject[] {
    const seqs = [...bases.map((b) => b.mroCache.slice()), bases.slice()];
    const out = [cls];
    for (;;) {
      const nonEmpty = seqs.filter((s) => s.length);
      if (!nonEmpty.length) return out;
      const cand = nonEmpty.map((s) => s[0]!).find((c) => !nonEmpty.some((s) => s.indexOf(c) > 0));
      if (!cand) throw rt.error('TypeError', 'Cannot create a consistent method resolution order (MRO)');
      out.push(cand);
      for (const s of nonEmpty) if (s[0] === cand) s.shift();
    }
  }

  // ---------------------------------------------------------------- methods of built-in types

  const m = (type: PyTypeObject, name: string, fn: NativeFn) => ops.defineMethod(type, name, fn);
  const self = <T extends PyObject>(args: PyObject[]) => args[0] as T;
  const attrName = (n: PyObject): string => {
    if (!(n instanceof PyStr)) throw rt.error('TypeError', `attribute name must be string, not '${n.ob_type.tp_name}'`);
    return n.value;
  };

  // sys.stdout and sys.stderr: _io.TextIOWrapper's write() and flush(), into the pending output print() uses.
  const streamOf = (a: PyObject[]) => (a[0] as PyNative).state as 'stdout' | 'stderr';
  m(t.TextIOWrapper!, 'write', (_rt, a) => {
    const s = a[1];
    if (!(s instanceof PyStr)) throw rt.error('TypeError', `write() argument must be str, not ${s?.ob_type.tp_name}`);
    const stream = streamOf(a);
    if (stream === 'stdout') rt.stdoutText.write(s.value);
    else rt.write(stream, s.value);
    return rt.newInt(s.length);
  });
  m(t.TextIOWrapper!, 'flush', (_rt, a) => {
    if (streamOf(a) === 'stdout') rt.stdoutText.flush();
    return heap.newref(rt.None);
  });

  function listSort(l: PyList, kw: Kw): void {
    const key = kw?.get('key') ?? null;
    const reverse = kw?.get('reverse') ? p.isTrue(kw.get('reverse')!) : false;
    const items = l.items.slice();
    const keys = key && key !== rt.None ? items.map((x) => p.call(key, [x], null)) : items.map((x) => heap.newref(x));
    const idx = items.map((_, i) => i);
    try {
      const merge = (a: number[]): number[] => {
        if (a.length <= 1) return a;
        const mid = a.length >> 1;
        const left = merge(a.slice(0, mid));
        const right = merge(a.slice(mid));
        const out: number[] = [];
        let i = 0;
        let j = 0;
        while (i < left.length && j < right.length) {
          const lt = reverse ? p.compareBool(keys[left[i]!]!, keys[right[j]!]!, 'Lt') : p.compareBool(keys[right[j]!]!, keys[left[i]!]!, 'Lt');
          if (lt) out.push(right[j++]!);
          else out.push(left[i++]!);
        }
        return out.concat(left.slice(i), right.slice(j));
      };
      const order = merge(idx);
      l.items = order.map((i) => items[i]!);
    } finally {
      for (const k of keys) heap.decref(k);
    }
  }

  // The containers' slots as methods (wrapper descriptors in CPython), so a subclass's
  // override can reach the base's: `super().__setitem__(k, v)`, `dict.__getitem__(self, k)`.
  for (const type of [t.list!, t.dict!, t.set!]) {
    m(type, '__len__', (_rt, a) => rt.newInt(p.builtinLen(a[0]!)));
    m(type, '__contains__', (_rt, a) => rt.newBool(ops.builtinContains(a[0]!, a[1]!)));
    m(type, '__iter__', (_rt, a) => ops.builtinGetIter(a[0]!));
  }
  for (const type of [t.list!, t.dict!]) {
    m(type, '__getitem__', (_rt, a) => ops.builtinGetItem(a[0]!, a[1]!));
    m(type, '__setitem__', (_rt, a) => {
      ops.builtinSetItem(a[0]!, a[1]!, a[2]!);
      return heap.newref(rt.None);
    });
    m(type, '__delitem__', (_rt, a) => {
      ops.builtinDelItem(a[0]!, a[1]!);
      return heap.newref(rt.None);
    });
  }

  // list
  m(t.list!, 'append', (_rt, a) => {
    ops.listAppend(self<PyList>(a), a[1]!);
    return heap.newref(rt.None);
  });
  m(t.list!, 'extend', (_rt, a) => {
    ops.listExtend(self<PyList>(a), a[1]!);
    return heap.newref(rt.None);
  });
  m(t.list!, 'pop', (_rt, a) => {
    const l = self<PyList>(a);
    if (!l.items.length) throw rt.error('IndexError', 'pop from empty list');
    let i = a[1] ? ssize(a[1]) : l.items.length - 1;
    if (i < 0) i += l.items.length;
    if (i < 0 || i >= l.items.length) throw rt.error('IndexError', 'pop index out of range');
    const [v] = l.items.splice(i, 1);
    ops.listResize(l, l.items.length);
    return v!;
  });
  m(t.list!, 'insert', (_rt, a) => {
    const l = self<PyList>(a);
    let i = ssize(a[1]!);
    if (i < 0) i = Math.max(0, i + l.items.length);
    ops.listResize(l, l.items.length + 1);
    l.items.splice(Math.min(i, l.items.length), 0, heap.newref(a[2]!));
    return heap.newref(rt.None);
  });
  m(t.list!, 'remove', (_rt, a) => {
    const l = self<PyList>(a);
    const i = l.items.findIndex((x) => p.eq(x, a[1]!));
    if (i < 0) throw rt.error('ValueError', rt.profile.version[1] >= 13 ? 'list.remove(x): x not in list' : 'list.remove(x): x not in list');
    const [v] = l.items.splice(i, 1);
    heap.decref(v!);
    return heap.newref(rt.None);
  });
  /** Mirrors list___init___impl(): empties the list, then extends it from the iterable. */
  m(t.list!, '__init__', (_rt, a) => {
    const l = self<PyList>(a);
    if (l.items.length) listClear(l);
    if (a[1]) ops.listInit(l, a[1]);
    return heap.newref(rt.None);
  });
  m(t.list!, 'clear', (_rt, a) => {
    listClear(self<PyList>(a));
    return heap.newref(rt.None);
  });
  /** Mirrors _list_clear(): the item array is freed, then the items are dropped last to first. */
  function listClear(l: PyList): void {
    const old = l.items;
    l.items = [];
    l.allocated = 0;
    for (let i = old.length - 1; i >= 0; i--) heap.decref(old[i]!);
  }
  /**
   * list_index_impl()/tuple_index_impl(): the first item equal to `value` in
   * [start, stop), the bounds converted by _PyEval_SliceIndexNotNone() and adjusted as
   * slice indices; -1 when there is none.
   */
  const indexIn = (items: PyObject[], a: PyObject[]): number => {
    let start = sliceIndexNotNone(rt, p, a[2], 0);
    let stop = sliceIndexNotNone(rt, p, a[3], Number.MAX_SAFE_INTEGER);
    if (start < 0) start = Math.max(0, start + items.length);
    if (stop < 0) stop = Math.max(0, stop + items.length);
    for (let i = start; i < Math.min(stop, items.length); i++) if (p.eq(items[i]!, a[1]!)) return i;
    return -1;
  };
  m(t.list!, 'index', (_rt, a) => {
    const i = indexIn(self<PyList>(a).items, a);
    if (i < 0) throw rt.error('ValueError', `${p.repr(a[1]!)} is not in list`);
    return rt.newInt(i);
  });
  m(t.list!, 'count', (_rt, a) => rt.newInt(self<PyList>(a).items.filter((x) => p.eq(x, a[1]!)).length));
  m(t.list!, 'reverse', (_rt, a) => {
    self<PyList>(a).items.reverse();
    return heap.newref(rt.None);
  });
  m(t.list!, 'sort', (_rt, a, kw) => {
    // 3.6's listsort() parsed "|Oi:sort" and then refused a key given by position.
    if (a.length > 1) throw rt.error('TypeError', 'must use keyword argument for key function');
    listSort(self<PyList>(a), kw);
    return heap.newref(rt.None);
  });
  m(t.list!, 'copy', (_rt, a) => rt.newList(self<PyList>(a).items.map((x) => heap.newref(x))));
  m(t.list!, '__sizeof__', (_rt, a) => rt.newInt(p.sizeof(a[0]!) - rt.preHeaderSize(a[0]!.ob_type)));
  // tuple
  m(t.tuple!, 'index', (_rt, a) => {
    const i = indexIn(self<PyTuple>(a).items, a);
    if (i < 0) throw rt.error('ValueError', 'tuple.index(x): x not in tuple');
    return rt.newInt(i);
  });
  m(t.tuple!, 'count', (_rt, a) => rt.newInt(self<PyTuple>(a).items.filter((x) => p.eq(x, a[1]!)).length));
  // dict
  const view = (name: string) => (_rt: Runtime, a: PyObject[]) => {
    const v = heap.allocate(new PyNative(t[name]!, [heap.newref(a[0]!)]), rt.sizes.fixed.dict_view);
    rt.track(v);
    return v;
  };
  // mappingproxy: each method is the underlying mapping's.
  for (const name of ['keys', 'values', 'items', 'get', 'copy']) {
    m(t.mappingproxy!, name, (_rt, a) => {
      const method = ops.getAttr((a[0] as PyNative).refs[0]!, name);
      try {
        return p.call(method, a.slice(1), null);
      } finally {
        heap.decref(method);
      }
    });
  }
  p.sequenceList = (o) => rt.newList(ops.collect(o));
  m(t.dict!, 'keys', view('dict_keys'));
  m(t.dict!, 'values', view('dict_values'));
  m(t.dict!, 'items', view('dict_items'));
  ops.defineClassMethod(t.dict!, 'fromkeys', (_rt, a) => {
    // dict_fromkeys: `cls()`, then each key set to the value (None by default).
    const cls = a[0] instanceof PyTypeObject ? a[0] : a[0]!.ob_type;
    const d = p.callType(cls, [], null);
    const value = a[2] ?? rt.None;
    try {
      const keys = ops.collect(a[1]!);
      try {
        for (const k of keys) {
          if (d instanceof PyDict && d.ob_type === t.dict) dictSetItem(rt, p, d, k, value);
          else ops.setItem(d, k, value);
        }
      } finally {
        for (const k of keys) heap.decref(k);
      }
    } catch (e) {
      heap.decref(d);
      throw e;
    }
    return d;
  });
  m(t.dict!, 'get', (_rt, a) => {
    return heap.newref(dictGetItem(p, self<PyDict>(a), a[1]!) ?? a[2] ?? rt.None);
  });
  m(t.dict!, 'setdefault', (_rt, a) => {
    const dd = self<PyDict>(a);
    const v = dictGetItem(p, dd, a[1]!);
    if (v) return heap.newref(v);
    dictSetItem(rt, p, dd, a[1]!, a[2] ?? rt.None);
    return heap.newref(a[2] ?? rt.None);
  });
  m(t.dict!, 'pop', (_rt, a) => {
    const dd = self<PyDict>(a);
    const v = dictGetItem(p, dd, a[1]!);
    if (!v) {
      if (a[2]) return heap.newref(a[2]);
      throw new PyErr(rt.newException(t.KeyError!, [heap.newref(a[1]!)]));
    }
    heap.incref(v);
    dictDelItem(rt, p, dd, a[1]!);
    return v;
  });
  m(t.dict!, 'popitem', (_rt, a) => {
    const dd = self<PyDict>(a);
    const last = [...dictItems(dd)].pop();
    if (!last) throw rt.error('KeyError', 'popitem(): dictionary is empty');
    const r = rt.newTuple([heap.newref(last.key), heap.newref(last.value)]);
    dictDelItem(rt, p, dd, last.key);
    return r;
  });
  /** dict.update and, for subclasses, dict___init__ (tp_init, given the call's tuple and dict): both are dict_update_common(). */
  const dictUpdateCommon: NativeFn = (_rt, a, kw) => {
    if (a[1]) ops.dictUpdateArg(self<PyDict>(a), a[1]);
    if (kw) for (const [k, v] of kw) p.dictSetStr(self<PyDict>(a), k, v);
    return heap.newref(rt.None);
  };
  m(t.dict!, '__init__', dictUpdateCommon);
  m(t.dict!, 'update', dictUpdateCommon);
  m(t.dict!, 'clear', (_rt, a) => {
    dictClear(rt, self<PyDict>(a));
    return heap.newref(rt.None);
  });
  m(t.dict!, 'copy', (_rt, a) => dictCopy(self<PyDict>(a)));
  // set
  m(t.set!, 'add', (_rt, a) => {
    ops.setAdd(self<PySet>(a), a[1]!);
    return heap.newref(rt.None);
  });
  m(t.set!, 'discard', (_rt, a) => {
    ops.setDiscard(self<PySet>(a), a[1]!);
    return heap.newref(rt.None);
  });
  m(t.set!, 'remove', (_rt, a) => {
    if (!ops.setDiscard(self<PySet>(a), a[1]!)) throw new PyErr(rt.newException(t.KeyError!, [heap.newref(a[1]!)]));
    return heap.newref(rt.None);
  });
  m(t.set!, 'clear', (_rt, a) => {
    ops.setClear(self<PySet>(a));
    return heap.newref(rt.None);
  });
  /** Mirrors set_init(): empties the set, then adds the iterable's items. */
  m(t.set!, '__init__', (_rt, a) => {
    const s = self<PySet>(a);
    if (s.entries.length) ops.setClear(s);
    if (a[1]) ops.setUpdate(s, a[1]);
    return heap.newref(rt.None);
  });
  m(t.set!, 'update', (_rt, a) => {
    for (const x of a.slice(1)) ops.setUpdate(self<PySet>(a), x);
    return heap.newref(rt.None);
  });
  m(t.set!, 'pop', (_rt, a) => {
    const s = self<PySet>(a);
    const e = s.entries[0];
    if (!e) throw rt.error('KeyError', 'pop from an empty set');
    heap.incref(e.key);
    ops.setDiscard(s, e.key);
    return e.key;
  });
  /** Each item of an iterable, borrowed for the callback (PyObject_GetIter + PyIter_Next). */
  const eachItem = (o: PyObject, f: (x: PyObject) => boolean | void) => {
    const items = ops.collect(o);
    try {
      for (const x of items) if (f(x) === false) return;
    } finally {
      for (const x of items) heap.decref(x);
    }
  };
  /** A new set of `so`'s type with `o`'s items (make_new_set_basetype()). */
  const newSetOf = (frozen: boolean, o: PyObject | null) => {
    const r = rt.newSet(frozen);
    if (o) ops.setUpdate(r, o);
    return r;
  };
  for (const st of [t.set!, t.frozenset!]) {
    const frozen = st === t.frozenset;
    // set_union(): a copy of the set, updated with each argument.
    m(st, 'union', (_rt, a) => {
      const r = newSetOf(frozen, a[0]!);
      for (const o of a.slice(1)) if (o !== a[0]) ops.setUpdate(r, o);
      return r;
    });
    // set_intersection_multi(): each argument in turn; a set is intersected as `&`, another iterable is walked.
    m(st, 'intersection', (_rt, a) => {
      let r = newSetOf(frozen, a[0]!);
      if (a.length === 1) return r;
      heap.decref(r);
      r = heap.newref(a[0]!) as PySet;
      for (const o of a.slice(1)) {
        let next: PySet;
        if (o instanceof PySet) next = ops.setOp(r, o, 'BitAnd') as PySet;
        else {
          next = rt.newSet(frozen);
          eachItem(o, (x) => {
            if (ops.setHas(r, x)) ops.setAdd(next, x);
          });
        }
        heap.decref(r);
        r = next;
      }
      return r;
    });
    // set_difference_multi(): the first argument as `-`, then the others discarded from that result.
    m(st, 'difference', (_rt, a) => {
      if (a.length === 1) return newSetOf(frozen, a[0]!);
      const first = a[1]!;
      let r: PySet;
      if (first instanceof PySet) r = ops.setOp(a[0] as PySet, first, 'Sub') as PySet;
      else {
        r = newSetOf(frozen, a[0]!);
        eachItem(first, (x) => void ops.setDiscard(r, x));
      }
      for (const o of a.slice(2)) eachItem(o, (x) => void ops.setDiscard(r, x));
      return r;
    });
    // set_symmetric_difference(): a new set of the argument, toggled by each item of the set.
    m(st, 'symmetric_difference', (_rt, a) => {
      const other = a[1] instanceof PySet ? a[1] : newSetOf(false, a[1]!);
      try {
        return ops.setOp(a[0] as PySet, other, 'BitXor')!;
      } finally {
        if (other !== a[1]) heap.decref(other);
      }
    });
    // set_issubset(): a non-set argument is made a set first.
    m(st, 'issubset', (_rt, a) => {
      const other = a[1] instanceof PySet ? a[1] : newSetOf(false, a[1]!);
      try {
        return rt.newBool(self<PySet>(a).entries.every((e) => ops.setHas(other, e.key)));
      } finally {
        if (other !== a[1]) heap.decref(other);
      }
    });
    // set_issuperset(): a set is asked the other way round; another iterable is walked.
    m(st, 'issuperset', (_rt, a) => {
      const so = self<PySet>(a);
      const o = a[1]!;
      if (o instanceof PySet) return rt.newBool(o.entries.every((e) => ops.setHas(so, e.key)));
      let all = true;
      eachItem(o, (x) => (all = ops.setHas(so, x)));
      return rt.newBool(all);
    });
    // set_isdisjoint(): the smaller set is walked; another iterable item by item.
    m(st, 'isdisjoint', (_rt, a) => {
      const so = self<PySet>(a);
      const o = a[1]!;
      if (o instanceof PySet) {
        const [walked, probed] = o.entries.length > so.entries.length ? [so, o] : [o, so];
        return rt.newBool(!walked.entries.some((e) => ops.setHas(probed, e.key)));
      }
      let disjoint = true;
      eachItem(o, (x) => (disjoint = !ops.setHas(so, x)));
      return rt.newBool(disjoint);
    });
    m(st, 'copy', (_rt, a) => {
      const s = rt.newSet(st === t.frozenset);
      ops.setUpdate(s, a[0]!);
      return s;
    });
  }
  // str
  const sv = (a: PyObject[]) => (a[0] as PyStr).value;
  /** Cased characters (Lu, Ll, Lt), as _PyUnicode_IsCased() reads them for title(). */
  const CASED = /[\p{Lu}\p{Ll}\p{Lt}]/u;
  m(t.str!, 'join', (_rt, a) => {
    // PyUnicode_Join(): PySequence_Fast(seq, "can only join an iterable").
    if (!ops.isIterable(a[1]!)) throw rt.error('TypeError', 'can only join an iterable');
    const items = ops.collect(a[1]!);
    try {
      const joined = items.map((x, i) => {
        if (!(x instanceof PyStr)) throw rt.error('TypeError', `sequence item ${i}: expected str instance, ${x.ob_type.tp_name} found`);
        return x.value;
      }).join(sv(a));
      // _PyUnicode_JoinArray: one exact str item is returned itself.
      return items.length === 1 ? rt.strResult(items[0] as PyStr, joined) : str(joined);
    } finally {
      for (const x of items) heap.decref(x);
    }
  });
  m(t.str!, 'upper', (_rt, a) => str(sv(a).toUpperCase()));
  m(t.str!, 'lower', (_rt, a) => str(sv(a).toLowerCase()));
  const same = (a: PyObject[], v: string) => rt.strResult(a[0] as PyStr, v);
  /** PyDict_Keys(): a new list of the keys. */
  const dictKeysList = (d: PyDict): PyObject => rt.newList([...dictItems(d)].map((e) => heap.newref(e.key)));
  /**
   * Mirrors Objects/typeobject.c merge_class_dict(): the class's `__dict__` (a new
   * mappingproxy) merged into `dict` by PyDict_Update() — the generic merge of a
   * non-dict, through its `keys()` — then each of `__bases__` in turn. pymem's
   * built-in types keep their methods outside their namespace, so those names are
   * added as the merge would.
   */
  const mergeClassDict = (dict: PyDict, cls: PyObject): void => {
    const classDict = ops.lookupAttr(cls, '__dict__');
    if (classDict) {
      try {
        if (classDict !== rt.None) ops.dictUpdate(dict, classDict);
      } finally {
        heap.decref(classDict);
      }
    }
    if (cls instanceof PyTypeObject) {
      for (const name of ops.methods.get(cls)?.keys() ?? []) {
        const k = rt.internString(name);
        if (!dictGetItem(p, dict, k)) dictSetItem(rt, p, dict, k, rt.None);
        heap.decref(k);
      }
    }
    const bases = ops.lookupAttr(cls, '__bases__');
    if (!bases) return;
    try {
      if (bases instanceof PyTuple) for (const base of bases.items) mergeClassDict(dict, base);
    } finally {
      heap.decref(bases);
    }
  };
  /** ADJUST_INDICES of Objects/stringlib: the start/end of find() and its kin, as slice bounds. */
  const adjustIndices = (start: number, end: number, len: number): [number, number] => {
    if (end > len) end = len;
    else if (end < 0) end = Math.max(0, end + len);
    if (start < 0) start = Math.max(0, start + len);
    return [start, end];
  };
  /**
   * The arguments of count(), find(), index(), rfind() and rindex() of str:
   * `sub` and the slice bounds. Up to 3.12 stringlib_parse_args_finds() converts
   * start and end (_PyEval_SliceIndex()) before ensure_unicode() checks `sub`;
   * 3.13's Argument Clinic converts them in order, `sub` first.
   */
  const findArgs = (a: PyObject[], name: string): { s: string; sub: string; start: number; end: number } => {
    const s = sv(a);
    const clinic = isArgumentClinic(`str.${name}`, minor);
    const sub = clinic ? strArgument(rt, a[1]!, name, 'argument 1', true) : '';
    const [start, end] = adjustIndices(sliceIndex(rt, p, a[2], 0), sliceIndex(rt, p, a[3], Number.MAX_SAFE_INTEGER), s.length);
    return { s, sub: clinic ? sub : strArgument(rt, a[1]!, name, 'argument 1', false), start, end };
  };
  /** any_find_slice(): the index of sub in s[start:end] (the last one `fromRight`), or -1. */
  const findSlice = (a: PyObject[], name: string, fromRight: boolean): number => {
    const { s, sub, start, end } = findArgs(a, name);
    if (end - start < sub.length) return -1;
    const seg = s.slice(start, end);
    const i = fromRight ? seg.lastIndexOf(sub) : seg.indexOf(sub);
    return i < 0 ? -1 : i + start;
  };
  /** replace(): at most `count` (all when negative) occurrences; an empty `old` matches around every character. */
  const replaceStr = (s: string, old: string, nw: string, count: number): string => {
    const limit = count < 0 ? Infinity : count;
    let n = 0;
    if (old === '') {
      let out = '';
      const chars = [...s];
      for (let i = 0; i <= chars.length; i++) {
        if (n < limit) {
          out += nw;
          n++;
        }
        if (i < chars.length) out += chars[i];
      }
      return out;
    }
    let out = '';
    let i = 0;
    for (let j = s.indexOf(old); j >= 0 && n < limit; j = s.indexOf(old, i), n++) {
      out += s.slice(i, j) + nw;
      i = j + old.length;
    }
    return out + s.slice(i);
  };
  /**
   * unicode_strip_impl()/do_argstrip(): `chars` is None or a str, else
   * "strip arg must be None or str" (named by the method).
   */
  const stripArg = (a: PyObject[], name: string): string | null => {
    const chars = a[1];
    if (chars === undefined || chars === rt.None) return null;
    if (!(chars instanceof PyStr)) throw rt.error('TypeError', `${name} arg must be None or str`);
    return chars.value;
  };
  for (const [name, left, right] of [['strip', true, true], ['lstrip', true, false], ['rstrip', false, true]] as const) {
    m(t.str!, name, (_rt, a) => {
      const chars = stripArg(a, name);
      const s = sv(a);
      return same(a, chars !== null ? stripChars(s, chars, left, right) : left && right ? s.trim() : left ? s.trimStart() : s.trimEnd());
    });
  }
  // unicode_replace_impl(): Argument Clinic's `unicode` converters (3.6/3.7 PyArg_ParseTuple("UU|n")), then count as Py_ssize_t.
  m(t.str!, 'replace', (_rt, a, kw) => {
    const old = strArgument(rt, a[1]!, 'replace', 'argument 1', true);
    const nw = strArgument(rt, a[2]!, 'replace', 'argument 2', true);
    const count = a[3] ?? kw?.get('count');
    return same(a, replaceStr(sv(a), old, nw, count ? ssize(count) : -1));
  });
  /**
   * unicode_startswith()/unicode_endswith() (3.13 Argument Clinic's
   * unicode_startswith_impl()): start and end are converted first
   * (_PyEval_SliceIndex()); the prefix is a str or a tuple whose items are tried in
   * order, each checked only when reached.
   */
  for (const [name, atEnd] of [['startswith', false], ['endswith', true]] as const) {
    m(t.str!, name, (_rt, a) => {
      const s = sv(a);
      const [start, end] = adjustIndices(sliceIndex(rt, p, a[2], 0), sliceIndex(rt, p, a[3], Number.MAX_SAFE_INTEGER), s.length);
      // tailmatch(): a start past the end never matches, not even an empty affix.
      const matches = (affix: string) => end - start >= affix.length && (atEnd ? s.slice(start, end).endsWith(affix) : s.slice(start, end).startsWith(affix));
      const arg = a[1]!;
      if (arg instanceof PyTuple) {
        for (const x of arg.items) {
          if (!(x instanceof PyStr)) throw rt.error('TypeError', `tuple for ${name} must only contain str, not ${x.ob_type.tp_name}`);
          if (matches(x.value)) return rt.newBool(true);
        }
        return rt.newBool(false);
      }
      if (!(arg instanceof PyStr)) throw rt.error('TypeError', `${name} first arg must be str or a tuple of str, not ${arg.ob_type.tp_name}`);
      return rt.newBool(matches(arg.value));
    });
  }
  m(t.str!, 'find', (_rt, a) => rt.newInt(findSlice(a, 'find', false)));
  m(t.str!, 'count', (_rt, a) => {
    // unicode_count_impl(): 0 when the sub does not fit the range; an empty sub counts len + 1.
    const { s, sub, start, end } = findArgs(a, 'count');
    if (end - start < sub.length) return rt.newInt(0);
    const seg = s.slice(start, end);
    return rt.newInt(sub === '' ? seg.length + 1 : seg.split(sub).length - 1);
  });
  m(t.str!, 'isidentifier', (_rt, a) => rt.newBool(/^[\p{L}_][\p{L}\p{N}_]*$/u.test(sv(a))));
  m(t.str!, 'isdigit', (_rt, a) => rt.newBool(/^\p{Nd}+$/u.test(sv(a))));
  m(t.str!, 'isalpha', (_rt, a) => rt.newBool(/^\p{L}+$/u.test(sv(a))));
  m(t.str!, 'format', (_rt, a, kw) => str(strFormat(sv(a), a.slice(1), kw)));
  m(t.str!, 'format_map', (_rt, a) => {
    return str(strFormat(sv(a), [], a[1]!));
  });
  /**
   * unicode_maketrans_impl(): a new dict from one argument (a dict whose keys, str of
   * length 1 or ints, become ints), or from two strs of equal length (and the
   * characters of a third mapped to None).
   */
  ops.defineStaticMethod(t.str!, 'maketrans', (_rt, a) => {
    const [x, y, z] = a;
    const d = rt.newDict();
    try {
      if (!y) {
        if (!(x instanceof PyDict)) throw rt.error('TypeError', 'if you give only one argument to maketrans it must be a dict');
        for (const e of [...dictItems(x)]) {
          let key: PyObject;
          if (e.key instanceof PyStr) {
            if (e.key.length !== 1) throw rt.error('ValueError', 'string keys in translate table must be of length 1');
            key = rt.newInt(e.key.value.codePointAt(0)!);
          } else if (e.key instanceof PyInt) key = heap.newref(e.key);
          else throw rt.error('TypeError', 'keys in translate table must be strings or integers');
          dictSetItem(rt, p, d, key, e.value);
          heap.decref(key);
        }
        return d;
      }
      if (!(x instanceof PyStr) || !(y instanceof PyStr)) throw rt.error('TypeError', 'maketrans() argument 2 must be str');
      const xs = [...x.value];
      const ys = [...y.value];
      if (xs.length !== ys.length) throw rt.error('ValueError', 'the first two maketrans arguments must have equal length');
      const put = (k: string, v: PyObject) => {
        const key = rt.newInt(k.codePointAt(0)!);
        dictSetItem(rt, p, d, key, v);
        heap.decref(key);
      };
      xs.forEach((c, i) => {
        const v = rt.newInt(ys[i]!.codePointAt(0)!);
        put(c, v);
        heap.decref(v);
      });
      if (z instanceof PyStr) for (const c of z.value) put(c, rt.None);
      return d;
    } catch (e) {
      heap.decref(d);
      throw e;
    }
  });
  /**
   * unicode_translate(): each character looked up in the table (`table[ord(c)]`): a
   * LookupError keeps it, None deletes it, an int or a str replaces it.
   */
  m(t.str!, 'translate', (_rt, a) => {
    const table = a[1]!;
    let out = '';
    for (const c of sv(a)) {
      const key = rt.newInt(c.codePointAt(0)!);
      let v: PyObject;
      try {
        v = ops.getItem(table, key);
      } catch (e) {
        if (e instanceof PyErr && rt.isInstance(e.exc, t.LookupError!)) {
          heap.decref(e.exc);
          out += c;
          continue;
        }
        throw e;
      } finally {
        heap.decref(key);
      }
      try {
        if (v === rt.None) continue;
        if (v instanceof PyInt) out += String.fromCodePoint(Number(v.value));
        else if (v instanceof PyStr) out += v.value;
        else throw rt.error('TypeError', 'character mapping must return integer, None or str');
      } finally {
        heap.decref(v);
      }
    }
    return rt.strResult(a[0] as PyStr, out);
  });
  /**
   * The `encoding` and `errors` of str.encode() and bytes.decode(): Argument Clinic's
   * `str` converters. NON-SPEC: pymem encodes and decodes UTF-8 whatever they name.
   */
  const codecArguments = (fname: string, a: PyObject[], kw: Kw): void => {
    ['encoding', 'errors'].forEach((name, i) => {
      const o = a[i + 1] ?? kw?.get(name);
      if (o !== undefined && !(o instanceof PyStr)) throw badArgument(rt, fname, keywordArgumentName(rt, i + 1, name), 'str', o);
    });
  };
  m(t.str!, 'encode', (_rt, a, kw) => {
    codecArguments('encode', a, kw);
    return rt.newBytes(new TextEncoder().encode(sv(a)));
  });
  m(t.str!, 'title', (_rt, a) => {
    // do_title(): a cased character after a cased one is lowered, any other is title-cased.
    let previousIsCased = false;
    let out = '';
    for (const c of sv(a)) {
      out += previousIsCased ? c.toLowerCase() : c.toUpperCase();
      previousIsCased = CASED.test(c);
    }
    return str(out);
  });
  m(t.str!, 'capitalize', (_rt, a) => str(sv(a).charAt(0).toUpperCase() + sv(a).slice(1).toLowerCase()));
  /** The fill character of center/ljust/rjust: convert_uc(), Argument Clinic's converter for it. */
  const fillChar = (o: PyObject | undefined): string => {
    if (!o) return ' ';
    if (!(o instanceof PyStr)) throw rt.error('TypeError', `The fill character must be a unicode character, not ${o.ob_type.tp_name}`);
    if ([...o.value].length !== 1) throw rt.error('TypeError', 'The fill character must be exactly one character long');
    return o.value;
  };
  m(t.str!, 'center', (_rt, a) => {
    const s = sv(a);
    const w = ssize(a[1]!);
    const fill = fillChar(a[2]);
    const total = Math.max(0, w - s.length);
    const left = Math.floor(total / 2) + (total & w & 1);
    // pad(): a str at least `width` long is returned itself (unicode_result_unchanged()), as by ljust/rjust/zfill.
    return same(a, fill.repeat(left) + s + fill.repeat(total - left));
  });
  m(t.str!, 'ljust', (_rt, a) => same(a, sv(a).padEnd(ssize(a[1]!), fillChar(a[2]))));
  m(t.str!, 'rjust', (_rt, a) => same(a, sv(a).padStart(ssize(a[1]!), fillChar(a[2]))));
  m(t.str!, 'zfill', (_rt, a) => {
    const s = sv(a);
    const w = ssize(a[1]!);
    if (s.length >= w) return same(a, s);
    const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
    return str(sign + '0'.repeat(w - s.length) + s.slice(sign.length));
  });
  m(t.bytes!, 'decode', (_rt, a, kw) => {
    codecArguments('decode', a, kw);
    return str(new TextDecoder().decode((a[0] as PyBytes).value));
  });
  // bytes methods over the bytes as latin-1 text (each byte one character), as
  // Objects/bytes_methods.c works byte by byte.
  const latin1 = (o: PyObject | undefined): string => {
    if (!(o instanceof PyBytes)) throw rt.error('TypeError', `a bytes-like object is required, not '${o?.ob_type.tp_name}'`);
    return String.fromCharCode(...o.value);
  };
  const bytesOf = (s: string) => rt.newBytes(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  /** A bytes result: the object itself when unchanged and exact (as bytes methods return it). */
  const bytesResult = (self: PyBytes, s: string) => (s === latin1(self) && self.ob_type === t.bytes ? heap.newref(self) : bytesOf(s));
  const bself = (a: PyObject[]) => a[0] as PyBytes;
  m(t.bytes!, 'upper', (_rt, a) => bytesOf(latin1(a[0]).replace(/[a-z]+/g, (x) => x.toUpperCase())));
  m(t.bytes!, 'lower', (_rt, a) => bytesOf(latin1(a[0]).replace(/[A-Z]+/g, (x) => x.toLowerCase())));
  m(t.bytes!, 'hex', (_rt, a) => str([...bself(a).value].map((x) => x.toString(16).padStart(2, '0')).join('')));
  /**
   * The arguments of bytes.count(), find() and rfind(): start and end converted first
   * (stringlib_parse_args_finds(), _PyEval_SliceIndex()), then `sub`, a bytes-like
   * object or an integer byte (parse_args_finds_byte()).
   */
  const bytesFindArgs = (a: PyObject[]): { hay: string; sub: string; start: number; end: number } => {
    const hay = latin1(a[0]);
    const [start, end] = adjustIndices(sliceIndex(rt, p, a[2], 0), sliceIndex(rt, p, a[3], Number.MAX_SAFE_INTEGER), hay.length);
    const subObj = a[1]!;
    if (subObj instanceof PyBytes) return { hay, sub: latin1(subObj), start, end };
    if (!(subObj instanceof PyInt || (rt.profile.bytesFindNamesIntegerArgument && p.special(subObj, '__index__')))) {
      throw rt.error('TypeError', rt.profile.bytesFindNamesIntegerArgument ? `argument should be integer or bytes-like object, not '${subObj.ob_type.tp_name}'` : `a bytes-like object is required, not '${subObj.ob_type.tp_name}'`);
    }
    const byte = ssize(subObj);
    if (byte < 0 || byte > 255) throw rt.error('ValueError', 'byte must be in range(0, 256)');
    return { hay, sub: String.fromCharCode(byte), start, end };
  };
  for (const [name, fromRight] of [['find', false], ['rfind', true]] as const) {
    m(t.bytes!, name, (_rt, a) => {
      const { hay, sub, start, end } = bytesFindArgs(a);
      if (end - start < sub.length) return rt.newInt(-1);
      const seg = hay.slice(start, end);
      const i = fromRight ? seg.lastIndexOf(sub) : seg.indexOf(sub);
      return rt.newInt(i < 0 ? -1 : i + start);
    });
  }
  m(t.bytes!, 'count', (_rt, a) => {
    const { hay, sub, start, end } = bytesFindArgs(a);
    if (end - start < sub.length) return rt.newInt(0);
    const seg = hay.slice(start, end);
    return rt.newInt(sub === '' ? seg.length + 1 : seg.split(sub).length - 1);
  });
  // _Py_bytes_startswith()/_Py_bytes_endswith(): start and end first, then a bytes-like
  // prefix or a tuple of them, the items tried in order.
  for (const [name, atEnd] of [['startswith', false], ['endswith', true]] as const) {
    m(t.bytes!, name, (_rt, a) => {
      const hay = latin1(a[0]);
      const [start, end] = adjustIndices(sliceIndex(rt, p, a[2], 0), sliceIndex(rt, p, a[3], Number.MAX_SAFE_INTEGER), hay.length);
      const matches = (affix: string) => end - start >= affix.length && (atEnd ? hay.slice(start, end).endsWith(affix) : hay.slice(start, end).startsWith(affix));
      const arg = a[1]!;
      if (arg instanceof PyTuple) return rt.newBool(arg.items.some((x) => matches(latin1(x))));
      if (!(arg instanceof PyBytes)) throw rt.error('TypeError', `${name} first arg must be bytes or a tuple of bytes, not ${arg.ob_type.tp_name}`);
      return rt.newBool(matches(latin1(arg)));
    });
  }
  m(t.bytes!, 'replace', (_rt, a) => {
    const count = a[3] ? Number(int(a[3])) : -1;
    return bytesResult(bself(a), replaceStr(latin1(a[0]), latin1(a[1]), latin1(a[2]), count));
  });
  m(t.bytes!, 'split', (_rt, a, kw) => {
    const sep = a[1] ?? kw?.get('sep');
    const hay = latin1(a[0]);
    const parts = sep && sep !== rt.None ? hay.split(latin1(sep)) : hay.split(/[ \t\n\r\x0b\x0c]+/).filter((x) => x !== '');
    return rt.newList(parts.map(bytesOf));
  });
  m(t.bytes!, 'strip', (_rt, a) => {
    const chars = a[1] && a[1] !== rt.None ? latin1(a[1]) : ' \t\n\r\x0b\x0c';
    let s0 = latin1(a[0]);
    while (s0 && chars.includes(s0[0]!)) s0 = s0.slice(1);
    while (s0 && chars.includes(s0[s0.length - 1]!)) s0 = s0.slice(0, -1);
    return bytesResult(bself(a), s0);
  });
  // bytes_join() (stringlib/join.h): PySequence_Fast(), then each item a bytes-like object.
  m(t.bytes!, 'join', (_rt, a) => {
    if (!ops.isIterable(a[1]!)) throw rt.error('TypeError', 'can only join an iterable');
    const items = ops.collect(a[1]!);
    try {
      return bytesOf(
        items
          .map((x, i) => {
            if (!(x instanceof PyBytes)) throw rt.error('TypeError', `sequence item ${i}: expected a bytes-like object, ${x.ob_type.tp_name} found`);
            return latin1(x);
          })
          .join(latin1(a[0])),
      );
    } finally {
      for (const x of items) heap.decref(x);
    }
  });
  ops.defineClassMethod(t.bytes!, 'fromhex', (_rt, a) => {
    // bytes_fromhex_impl(): Argument Clinic's `unicode` converter for its one parameter.
    if (!(a[1] instanceof PyStr)) throw badArgument(rt, 'fromhex', 'argument', 'str', a[1]!);
    // _PyBytes_FromHex(): pairs of hex digits, whitespace between pairs skipped; the
    // error names the position of the first character that is not a digit of a pair.
    const h = a[1].value;
    const out: number[] = [];
    const hexDigit = (c: string | undefined) => (c !== undefined && /^[0-9a-fA-F]$/.test(c) ? parseInt(c, 16) : -1);
    const bad = (i: number) => rt.error('ValueError', `non-hexadecimal number found in fromhex() arg at position ${i}`);
    for (let i = 0; i < h.length; i += 2) {
      while (i < h.length && ' \t\n\r\x0b\x0c'.includes(h[i]!)) i++;
      if (i >= h.length) break;
      const top = hexDigit(h[i]);
      if (top < 0) throw bad(i);
      const bot = hexDigit(h[i + 1]);
      if (bot < 0) throw bad(i + 1);
      out.push(top * 16 + bot);
    }
    return rt.newBytes(Uint8Array.from(out));
  });
  m(t.int!, 'bit_length', (_rt, a) => {
    const v = (a[0] as PyInt).value;
    return rt.newInt((v < 0n ? -v : v).toString(2).replace(/^0$/, '').length);
  });
  m(t.float!, 'is_integer', (_rt, a) => rt.newBool(Number.isInteger((a[0] as PyFloat).value)));
  const numberResult = (f: () => PyObject): PyObject => {
    try {
      return f();
    } catch (e) {
      if (e instanceof numbers.NumberError) throw rt.error(e.pyType, e.message);
      throw e;
    }
  };
  // int___round___impl(): without ndigits (or None) the int itself.
  m(t.int!, '__round__', (_rt, a) => {
    const x = a[0] as PyInt;
    if (!a[1] || a[1] === rt.None) return x.ob_type === t.int ? heap.newref(x) : rt.newInt(x.value);
    return numberResult(() => rt.newInt(numbers.intRound(x.value, int(a[1]!))));
  });
  m(t.float!, '__round__', (_rt, a) => {
    const x = (a[0] as PyFloat).value;
    if (!a[1] || a[1] === rt.None) return numberResult(() => rt.newInt(numbers.floatRoundToInt(x)));
    return numberResult(() => rt.newFloat(numbers.floatRound(x, Number(int(a[1]!)))));
  });
  // The __format__ methods PyObject_Format() binds: object___format___impl() takes only
  // an empty spec; str, int and float format by the mini-language.
  /** The format spec of a `__format__` call: its clinic "U" converter (3.6 PyArg_ParseTuple() "U:__format__"). */
  const formatSpec = (a: PyObject[]): string => {
    const spec = a[1]!;
    if (spec instanceof PyStr) return spec.value;
    throw rt.error('TypeError', `__format__() argument ${minor === 6 ? '1 ' : ''}must be str, not ${badArgumentName(rt, spec)}`);
  };
  // object_init_subclass(): METH_CLASS | METH_NOARGS, the end of every `__init_subclass__` chain.
  ops.defineClassMethod(t.object!, '__init_subclass__', () => heap.newref(rt.None));
  m(t.object!, '__format__', (_rt, a) => {
    const spec = formatSpec(a);
    if (spec !== '') throw rt.error('TypeError', `unsupported format string passed to ${a[0]!.ob_type.tp_name}.__format__`);
    return str(p.str(a[0]!));
  });
  // object___dir___impl(): a copy of the instance's `__dict__` (a new dict without
  // one) merged with its class's namespaces, as a list of keys.
  m(t.object!, '__dir__', (_rt, a) => {
    const self = a[0]!;
    const attrDict = ops.lookupAttr(self, '__dict__');
    const dict = attrDict instanceof PyDict ? dictCopy(attrDict) : rt.newDict();
    if (attrDict) heap.decref(attrDict);
    try {
      const cls = ops.getAttr(self, '__class__');
      try {
        mergeClassDict(dict, cls);
      } finally {
        heap.decref(cls);
      }
      return dictKeysList(dict);
    } finally {
      heap.decref(dict);
    }
  });
  // type___dir___impl(): the namespaces of the class and its bases.
  m(t.type!, '__dir__', (_rt, a) => {
    const dict = rt.newDict();
    try {
      mergeClassDict(dict, a[0]!);
      return dictKeysList(dict);
    } finally {
      heap.decref(dict);
    }
  });
  // module_dir(): the keys of the module's `__dict__`.
  m(t.module!, '__dir__', (_rt, a) => dictKeysList((a[0] as PyModule).dict));
  m(t.str!, '__format__', (_rt, a) => same(a, formatStr(sv(a), formatSpec(a))));
  for (const type of [t.int!, t.float!]) {
    m(type, '__format__', (_rt, a) => {
      const spec = formatSpec(a);
      return str(spec === '' ? p.str(a[0]!) : formatNumber(a[0]!, spec));
    });
  }
  m(t.object!, '__sizeof__', (_rt, a) => rt.newInt(p.sizeof(a[0]!) - rt.preHeaderSize(a[0]!.ob_type)));
  m(t.object!, '__repr__', (_rt, a) => {
    const o = a[0]!;
    const ty = o.ob_type;
    return str(`<${ty.isHeapType ? `${ty.moduleName}.${ty.qualname}` : ty.tp_name} object at 0x${o.addr.toString(16).padStart(12, '0')}>`);
  });
  /**
   * Mirrors Objects/typeobject.c object_init(): extra arguments are an error unless
   * the type overrides `__new__` and not `__init__` (they went to `__new__`).
   */
  m(t.object!, '__init__', (_rt, a, kw) => {
    const type = a[0]!.ob_type;
    if (a.length > 1 || (kw && kw.size)) {
      const ownInit = p.typeLookup(type, '__init__') !== null;
      const ownNew = p.typeLookup(type, '__new__') !== null;
      if (rt.profile.objectInitSaysNoParameters) {
        if (ownInit || !ownNew) throw rt.error('TypeError', 'object.__init__() takes no parameters');
      } else if (ownInit) {
        throw rt.error('TypeError', 'object.__init__() takes exactly one argument (the instance to initialize)');
      } else if (!ownNew) {
        throw rt.error('TypeError', `${type.tp_name}.__init__() takes exactly one argument (the instance to initialize)`);
      }
    }
    return heap.newref(rt.None);
  });
  /**
   * Mirrors Objects/typeobject.c tp_new_wrapper() on object_new(): `object.__new__(cls)`
   * (or `super().__new__(cls)`) makes the bare instance; extra arguments are an error
   * unless the type overrides `__init__` and not `__new__`. A subclass of list, dict
   * or set gets its built-in base's empty object.
   */
  ops.defineStaticMethod(t.object!, '__new__', (_rt, a, kw) => {
    const type = a[0];
    if (!(type instanceof PyTypeObject)) throw rt.error('TypeError', `object.__new__(X): X is not a type object (${type ? type.ob_type.tp_name : 'NULL'})`);
    if (!type.isHeapType) return p.callType(type, [], null);
    const builtinBase = type.mroCache.find((b) => b === t.list || b === t.dict || b === t.set);
    if (builtinBase) return newBuiltinSubtypeObject(type, builtinBase);
    if (a.length > 1 || (kw && kw.size)) {
      const ownInit = p.typeLookup(type, '__init__') !== null;
      const ownNew = p.typeLookup(type, '__new__') !== null;
      if (rt.profile.objectInitSaysNoParameters) {
        if (!ownInit || ownNew) throw rt.error('TypeError', 'object() takes no parameters');
      } else if (ownNew) {
        throw rt.error('TypeError', 'object.__new__() takes exactly one argument (the type to instantiate)');
      } else if (!ownInit) {
        throw rt.error('TypeError', `${type.tp_name}() takes no arguments`);
      }
    }
    return newInstance(type);
  });
  m(t.object!, '__eq__', (_rt, a) => (a[0] === a[1] ? rt.newBool(true) : heap.newref(rt.NotImplemented)));
  m(t.object!, '__ne__', (_rt, a) => (a[0] === a[1] ? rt.newBool(false) : heap.newref(rt.NotImplemented)));
  m(t.object!, '__hash__', (_rt, a) => rt.newInt(p.hash(a[0]!)));
  // PyObject_GenericGetAttr/SetAttr: what a class's own __getattribute__/__setattr__/__delattr__ delegate to.
  // Not suppressed: a missing attribute raises, so there is always a result.
  m(t.object!, '__getattribute__', (_rt, a) => ops.genericGetAttr(a[0]!, attrName(a[1]!))!);
  m(t.object!, '__setattr__', (_rt, a) => {
    ops.genericSetAttr(a[0]!, attrName(a[1]!), a[2]!);
    return heap.newref(rt.None);
  });
  m(t.object!, '__delattr__', (_rt, a) => {
    ops.genericDelAttr(a[0]!, attrName(a[1]!));
    return heap.newref(rt.None);
  });
  m(t.BaseException!, 'with_traceback', (_rt, a) => {
    const e = a[0] as PyException;
    const old = e.traceback;
    e.traceback = a[1] === rt.None ? null : heap.newref(a[1]!);
    heap.xdecref(old);
    return heap.newref(e);
  });
  m(t.BaseException!, '__init__', (_rt, a) => {
    const e = a[0] as PyException;
    const old = e.args;
    e.args = rt.newTuple(a.slice(1).map((x) => heap.newref(x)));
    heap.decref(old);
    return heap.newref(rt.None);
  });
  // generators
  /** What gen.send()/throw() return for what sendTo()/throwInto() gave (`value`, then `ops.sendDone`). */
  const genResult = (value: PyObject, done: boolean): PyObject => {
    if (!done) return value;
    if (value === rt.None) {
      heap.decref(value);
      throw rt.error('StopIteration');
    }
    const e = rt.newException(t.StopIteration!, [value]);
    throw new PyErr(e);
  };
  m(t.generator!, 'send', (_rt, a) => genResult(ops.sendTo(a[0] as PyGenerator, a[1] ?? rt.None), ops.sendDone));
  m(t.generator!, 'throw', (_rt, a) => {
    const g = a[0] as PyGenerator;
    let e = a[1]!;
    let exc: PyException;
    // _gen_throw(): only an exception class or instance can be thrown.
    const isExceptionClass = e instanceof PyTypeObject && e.isSubtype(t.BaseException!);
    if (!isExceptionClass && !e.ob_type.isSubtype(t.BaseException!)) {
      throw rt.error('TypeError', `exceptions must be classes or instances deriving from BaseException, not ${e.ob_type.tp_name}`);
    }
    if (e instanceof PyTypeObject) exc = p.call(e, a[2] && a[2] !== rt.None ? [a[2]] : [], null) as PyException;
    else exc = heap.newref(e) as PyException;
    return genResult(ops.throwInto(g, new PyErr(exc)), ops.sendDone);
  });
  m(t.generator!, 'close', (_rt, a) => {
    ops.closeGenerator(a[0] as PyGenerator);
    return heap.newref(rt.None);
  });
  // dict.fromkeys is a class method: see ops.defineClassMethod(t.dict, 'fromkeys') above.
  // more str methods
  const splitWhitespace = (s: string, maxsplit: number, fromRight: boolean): string[] => {
    const parts = s.split(/\s+/).filter((x) => x.length);
    if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
    if (!fromRight) {
      let rest = s.trimStart();
      const out: string[] = [];
      for (let i = 0; i < maxsplit; i++) {
        const m = /\s+/.exec(rest)!;
        out.push(rest.slice(0, m.index));
        rest = rest.slice(m.index + m[0].length);
      }
      out.push(rest);
      return out;
    }
    let rest = s.trimEnd();
    const out: string[] = [];
    for (let i = 0; i < maxsplit; i++) {
      const m = /\s+(?=\S*$)/.exec(rest)!;
      out.unshift(rest.slice(m.index + m[0].length));
      rest = rest.slice(0, m.index);
    }
    out.unshift(rest);
    return out;
  };
  const splitImpl = (fromRight: boolean): NativeFn => (_rt, a, kw) => {
    const s = sv(a);
    const sep = a[1] ?? kw?.get('sep') ?? rt.None;
    const msObj = a[2] ?? kw?.get('maxsplit');
    // unicode_split_impl(): Argument Clinic converts sep (str or None) before maxsplit.
    if (sep !== rt.None && !(sep instanceof PyStr)) throw rt.error('TypeError', `must be str or None, not ${sep.ob_type.tp_name}`);
    const maxsplit = msObj ? ssize(msObj) : -1;
    let parts: string[];
    if (sep === rt.None) parts = splitWhitespace(s, maxsplit, fromRight);
    else {
      const sp = (sep as PyStr).value;
      if (!sp) throw rt.error('ValueError', 'empty separator');
      const all = s.split(sp);
      if (maxsplit < 0 || all.length <= maxsplit + 1) parts = all;
      else if (!fromRight) parts = [...all.slice(0, maxsplit), all.slice(maxsplit).join(sp)];
      else parts = [all.slice(0, all.length - maxsplit).join(sp), ...all.slice(all.length - maxsplit)];
    }
    return rt.newList(parts.map(str));
  };
  m(t.str!, 'split', splitImpl(false));
  m(t.str!, 'rsplit', splitImpl(true));
  m(t.str!, 'splitlines', (_rt, a) => {
    const keep = a[1] ? p.isTrue(a[1]) : false;
    const out: string[] = [];
    const re = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;
    const s = sv(a);
    let last = 0;
    for (let mm = re.exec(s); mm; mm = re.exec(s)) {
      out.push(s.slice(last, keep ? mm.index + mm[0].length : mm.index));
      last = mm.index + mm[0].length;
    }
    if (last < s.length) out.push(s.slice(last));
    return rt.newList(out.map(str));
  });
  // stringlib partition()/rpartition(): a separator not found gives the str itself
  // and the empty str twice; found, the separator object itself sits in the middle.
  m(t.str!, 'partition', (_rt, a) => {
    const s = sv(a);
    const sep = strArgument(rt, a[1]!, 'partition', 'argument', false);
    if (!sep) throw rt.error('ValueError', 'empty separator');
    const i = s.indexOf(sep);
    if (i < 0) return rt.newTuple([heap.newref(a[0]!), str(''), str('')]);
    return rt.newTuple([str(s.slice(0, i)), heap.newref(a[1]!), str(s.slice(i + sep.length))]);
  });
  m(t.str!, 'rpartition', (_rt, a) => {
    const s = sv(a);
    const sep = strArgument(rt, a[1]!, 'rpartition', 'argument', false);
    if (!sep) throw rt.error('ValueError', 'empty separator');
    const i = s.lastIndexOf(sep);
    if (i < 0) return rt.newTuple([str(''), str(''), heap.newref(a[0]!)]);
    return rt.newTuple([str(s.slice(0, i)), heap.newref(a[1]!), str(s.slice(i + sep.length))]);
  });
  m(t.str!, 'rfind', (_rt, a) => rt.newInt(findSlice(a, 'rfind', true)));
  for (const [name, fromRight] of [['index', false], ['rindex', true]] as const) {
    m(t.str!, name, (_rt, a) => {
      const i = findSlice(a, name, fromRight);
      if (i < 0) throw rt.error('ValueError', 'substring not found');
      return rt.newInt(i);
    });
  }
  m(t.str!, 'expandtabs', (_rt, a, kw) => {
    // unicode_expandtabs_impl(): a str without tabs is returned itself.
    const s = sv(a);
    const tabsize = a[1] ?? kw?.get('tabsize');
    const size = tabsize ? Number(integerArgument(rt, p, tabsize, 'int')) : 8;
    if (!s.includes('\t')) return same(a, s);
    let out = '';
    let column = 0;
    for (const c of s) {
      if (c === '\t') {
        if (size > 0) {
          const n = size - (column % size);
          out += ' '.repeat(n);
          column += n;
        }
      } else {
        out += c;
        column = c === '\n' || c === '\r' ? 0 : column + 1;
      }
    }
    return str(out);
  });
  m(t.str!, 'istitle', (_rt, a) => {
    // unicode_istitle_impl(): upper/title case only after uncased, lower case only after cased.
    let cased = false;
    let previousIsCased = false;
    for (const c of sv(a)) {
      if (/[\p{Lu}\p{Lt}]/u.test(c)) {
        if (previousIsCased) return rt.newBool(false);
        previousIsCased = cased = true;
      } else if (/\p{Ll}/u.test(c)) {
        if (!previousIsCased) return rt.newBool(false);
        previousIsCased = cased = true;
      } else previousIsCased = false;
    }
    return rt.newBool(cased);
  });
  m(t.str!, 'isdecimal', (_rt, a) => rt.newBool(/^\p{Nd}+$/u.test(sv(a))));
  m(t.str!, 'isnumeric', (_rt, a) => rt.newBool(/^\p{N}+$/u.test(sv(a))));
  // Py_UNICODE_ISPRINTABLE: no "Other" or "Separator" character but the space.
  m(t.str!, 'isprintable', (_rt, a) => rt.newBool(/^(?:[^\p{C}\p{Z}]| )*$/u.test(sv(a))));
  if (STR_METHOD_SINCE.isascii <= rt.profile.version[1]) m(t.str!, 'isascii', (_rt, a) => rt.newBool(/^[\0-\x7f]*$/.test(sv(a))));
  if (STR_METHOD_SINCE.removeprefix <= rt.profile.version[1]) {
    m(t.str!, 'removeprefix', (_rt, a) => {
      const s = sv(a);
      const prefix = strArgument(rt, a[1]!, 'removeprefix', 'argument', true);
      return same(a, s.startsWith(prefix) ? s.slice(prefix.length) : s);
    });
    m(t.str!, 'removesuffix', (_rt, a) => {
      const s = sv(a);
      const suffix = strArgument(rt, a[1]!, 'removesuffix', 'argument', true);
      return same(a, suffix && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s);
    });
  }
  m(t.str!, 'isspace', (_rt, a) => rt.newBool(/^\s+$/u.test(sv(a))));
  m(t.str!, 'isupper', (_rt, a) => rt.newBool(/\p{Lu}/u.test(sv(a)) && !/\p{Ll}/u.test(sv(a))));
  m(t.str!, 'islower', (_rt, a) => rt.newBool(/\p{Ll}/u.test(sv(a)) && !/\p{Lu}/u.test(sv(a))));
  m(t.str!, 'isalnum', (_rt, a) => rt.newBool(/^[\p{L}\p{N}]+$/u.test(sv(a))));
  m(t.str!, 'swapcase', (_rt, a) => str([...sv(a)].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('')));
  // Full case folding (CaseFolding.txt, _PyUnicode_ToFoldedFull): a lower-case letter
  // that folds further (ß → ss, ς → σ, µ → μ) folds like its upper case lowered; the
  // Turkish dotless ı folds to itself.
  m(t.str!, 'casefold', (_rt, a) => str([...sv(a)].map((c) => { const l = c.toLowerCase(); return l !== c || c === 'ı' ? l : c.toUpperCase().toLowerCase(); }).join('')));
  // property.setter/getter/deleter return a copy with one accessor replaced.
  for (const [name, idx] of [['getter', 0], ['setter', 1], ['deleter', 2]] as const) {
    m(t.property!, name, (_rt, a) => {
      const prop = a[0] as PyNative;
      const refs = [prop.refs[0] ?? rt.None, prop.refs[1] ?? rt.None, prop.refs[2] ?? rt.None];
      refs[idx] = a[1]!;
      const np = heap.allocate(new PyNative(t.property!, refs.map((r) => heap.newref(r))), rt.sizes.fixed.property);
      rt.track(np);
      return np;
    });
  }
  m(t.type!, '__subclasses__', (_rt, a) => {
    // type___subclasses___impl(): a new list, appended the live classes of `tp_subclasses`.
    const cls = a[0] as PyTypeObject;
    const l = rt.newList([]);
    if (cls.tp_subclasses) {
      for (const e of dictItems(cls.tp_subclasses)) {
        const sub = (e.value as PyWeakref).target;
        if (sub) ops.listAppend(l, sub);
      }
    }
    return l;
  });
  m(t.type!, 'mro', (_rt, a) => rt.newList((a[0] as PyTypeObject).mroCache.map((x) => heap.newref(x))));

  // ---------------------------------------------------------------- format() and str % args

  ops.format = (v, spec) => {
    // PyObject_Format()'s fast path: an exact str with an empty spec is returned itself.
    if (spec === '' && v.ob_type === t.str) return heap.newref(v);
    // PyObject_Format(): an exact int with an empty spec is str()'d; anything else calls
    // its bound `__format__` (_PyObject_LookupSpecial()).
    if (spec === '' && v.ob_type === t.int) return str(p.str(v));
    const fm = ops.lookupSpecial(v, '__format__')!;
    const s = str(spec);
    const argTuple = fm instanceof PyMethod && rt.profile.cCallOfMethodPacksArguments ? rt.newTuple([heap.newref(s)]) : null;
    try {
      return p.call(fm, [s], null);
    } finally {
      if (argTuple) heap.decref(argTuple);
      heap.decref(s);
      heap.decref(fm);
    }
  };
  /**
   * `str % args`: PyUnicode_Format() (Objects/unicodeobject.c). A tuple gives
   * the arguments in order; any other mapping (not a tuple or str) is the
   * source of `%(key)` lookups and is never "not all converted"; anything else
   * is the one argument.
   */
  ops.ops_strMod = (fmt, arg) => {
    const isTuple = arg instanceof PyTuple;
    const args = isTuple ? arg.items : [arg];
    // PyMapping_Check(): any type with mp_subscript.
    const mapping = !isTuple && !(arg instanceof PyStr) && (arg instanceof PyDict || arg instanceof PyList || arg instanceof PyBytes || arg.ob_type === t.range || p.special(arg, '__getitem__') !== null) ? arg : null;
    const f = fmt.value;
    let argIdx = 0;
    const nextArg = (): PyObject => {
      if (argIdx >= args.length) throw rt.error('TypeError', 'not enough arguments for format string');
      return args[argIdx++]!;
    };
    let out = '';
    let i = 0;
    while (i < f.length) {
      const pct = f.indexOf('%', i);
      if (pct < 0) {
        out += f.slice(i);
        break;
      }
      out += f.slice(i, pct);
      i = pct + 1;
      let keyed: PyObject | null = null;
      if (f[i] === '(') {
        if (!mapping) throw rt.error('TypeError', 'format requires a mapping');
        let depth = 1;
        const keyStart = ++i;
        while (i < f.length && depth > 0) {
          if (f[i] === '(') depth++;
          else if (f[i] === ')') depth--;
          i++;
        }
        if (depth > 0) throw rt.error('ValueError', 'incomplete format key');
        const key = str(f.slice(keyStart, i - 1));
        try {
          keyed = ops.getItem(mapping, key);
        } finally {
          heap.decref(key);
        }
      }
      try {
        let flags = '';
        while (i < f.length && '-+ #0'.includes(f[i]!)) flags += f[i++];
        const count = (): number | undefined => {
          if (f[i] === '*') {
            i++;
            const a = nextArg();
            if (!(a instanceof PyInt)) throw rt.error('TypeError', '* wants int');
            return Number(a.value);
          }
          const m = /^\d+/.exec(f.slice(i));
          if (!m) return undefined;
          i += m[0].length;
          return Number(m[0]);
        };
        let width = count() ?? 0;
        if (width < 0) {
          flags += '-';
          width = -width;
        }
        let prec: number | undefined;
        if (f[i] === '.') {
          i++;
          prec = count() ?? 0;
        }
        // Length modifiers are accepted and ignored, as in C.
        while (i < f.length && 'hlL'.includes(f[i]!)) i++;
        if (i >= f.length) throw rt.error('ValueError', 'incomplete format');
        const conv = f[i++]!;
        if (conv === '%') {
          out += '%';
          continue;
        }
        const a = keyed ?? nextArg();
        out += printfOne(a, conv, flags, width, prec, i - 1);
      } finally {
        if (keyed) heap.decref(keyed);
      }
    }
    if (argIdx < args.length && !mapping) throw rt.error('TypeError', 'not all arguments converted during string formatting');
    return str(out);
  };

  /** One conversion of PyUnicode_Format(): the value's text, then the width and flags. */
  function printfOne(a: PyObject, conv: string, flags: string, width: number, prec: number | undefined, at: number): string {
    let s: string;
    let numeric = true;
    switch (conv) {
      case 's':
      case 'r':
      case 'a':
        s = conv === 's' ? p.str(a) : conv === 'r' ? p.repr(a) : ops.ascii(a);
        if (prec !== undefined) s = Array.from(s).slice(0, prec).join('');
        numeric = false;
        break;
      case 'c':
        if (a instanceof PyStr && Array.from(a.value).length === 1) s = a.value;
        else if (a instanceof PyInt) {
          if (a.value < 0n || a.value > 0x10ffffn) throw rt.error('OverflowError', '%c arg not in range(0x110000)');
          s = String.fromCodePoint(Number(a.value));
        } else throw rt.error('TypeError', '%c requires int or char');
        numeric = false;
        break;
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        let n: bigint;
        if (a instanceof PyInt) n = a.value;
        else if (a instanceof PyFloat && 'diu'.includes(conv)) {
          if (!Number.isFinite(a.value)) throw rt.error(Number.isNaN(a.value) ? 'ValueError' : 'OverflowError', Number.isNaN(a.value) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
          n = BigInt(Math.trunc(a.value));
        } else {
          const what = 'diu'.includes(conv) ? `${rt.profile.printfIntegerArgumentIs} is required` : 'an integer is required';
          throw rt.error('TypeError', `%${conv} format: ${what}, not ${a.ob_type.tp_name}`);
        }
        const neg = n < 0n;
        let body = (neg ? -n : n).toString(conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10);
        if (conv === 'X') body = body.toUpperCase();
        if (prec !== undefined && body.length < prec) body = body.padStart(prec, '0');
        if (flags.includes('#') && 'oxX'.includes(conv)) body = (conv === 'o' ? '0o' : conv === 'x' ? '0x' : '0X') + body;
        s = (neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + body;
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        if (!(a instanceof PyInt || a instanceof PyFloat)) throw rt.error('TypeError', `must be real number, not ${a.ob_type.tp_name}`);
        const sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
        s = formatNumber(a, `${sign}${flags.includes('#') ? '#' : ''}.${prec ?? 6}${conv}`);
        break;
      }
      default: {
        const code = conv.codePointAt(0)!;
        throw rt.error('ValueError', `unsupported format character '${conv}' (0x${code.toString(16)}) at index ${at}`);
      }
    }
    const n = Array.from(s).length;
    if (n >= width) return s;
    if (flags.includes('-')) return s + ' '.repeat(width - n);
    if (numeric && flags.includes('0')) {
      const signLen = /^[-+ ]/.test(s) ? 1 : 0;
      const prefixLen = signLen + (/^[-+ ]?0[xXo]/.test(s) ? 2 : 0);
      return s.slice(0, prefixLen) + '0'.repeat(width - n) + s.slice(prefixLen);
    }
    return ' '.repeat(width - n) + s;
  }

  function formatStr(s: string, spec: string): string {
    const mt = /^(?:(.)?([<>^]))?(\d*)(?:\.(\d+))?s?$/.exec(spec);
    if (!mt) throw rt.error('ValueError', `Invalid format specifier '${spec}' for object of type 'str'`);
    const [, fill = ' ', align = '<', width = '', prec] = mt;
    let v = prec !== undefined ? Array.from(s).slice(0, Number(prec)).join('') : s;
    const w = Number(width || 0);
    const n = Array.from(v).length;
    if (n < w) {
      const pad = w - n;
      if (align === '<') v = v + fill.repeat(pad);
      else if (align === '>') v = fill.repeat(pad) + v;
      else v = fill.repeat(pad >> 1) + v + fill.repeat(pad - (pad >> 1));
    }
    return v;
  }

  function formatNumber(v: PyObject, spec: string): string {
    const mt = /^(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\d*)([,_])?(?:\.(\d+))?([bcdeEfFgGnoxX%])?$/.exec(spec);
    if (!mt) throw rt.error('ValueError', `Invalid format specifier '${spec}' for object of type '${v.ob_type.tp_name}'`);
    let [, fill, align, sign = '-', alt, zero, width = '', group, prec, type] = mt;
    if (zero && !align) {
      fill = '0';
      align = '=';
    }
    fill ??= ' ';
    let body: string;
    let neg = false;
    if (v instanceof PyInt && (!type || 'bcdoxXn'.includes(type))) {
      if (prec !== undefined) throw rt.error('ValueError', 'Precision not allowed in integer format specifier');
      let x = v.value;
      neg = x < 0n;
      if (neg) x = -x;
      const base = type === 'b' ? 2 : type === 'o' ? 8 : type === 'x' || type === 'X' ? 16 : 10;
      body = type === 'c' ? String.fromCodePoint(Number(x)) : x.toString(base);
      if (type === 'X') body = body.toUpperCase();
      if (group) body = groupDigits(body, group, base === 10 ? 3 : 4);
      if (alt && base !== 10) body = (type === 'b' ? '0b' : type === 'o' ? '0o' : type === 'x' ? '0x' : '0X') + body;
    } else {
      let x = v instanceof PyInt ? numbers.intToFloat(v.value) : v instanceof PyFloat ? v.value : NaN;
      if (!(v instanceof PyInt || v instanceof PyFloat)) throw rt.error('ValueError', `Unknown format code '${type}' for object of type '${v.ob_type.tp_name}'`);
      if (type && 'bcdoxX'.includes(type)) throw rt.error('ValueError', `Unknown format code '${type}' for object of type 'float'`);
      neg = x < 0 || Object.is(x, -0);
      if (neg) x = -x;
      const pr = prec !== undefined ? Number(prec) : 6;
      if (!Number.isFinite(x)) body = Number.isNaN(x) ? 'nan' : 'inf';
      else if (type === 'f' || type === 'F') body = toFixedExact(x, pr);
      else if (type === '%') body = toFixedExact(x * 100, pr) + '%';
      else if (type === 'e' || type === 'E') body = toExp(x, pr);
      else if (type === 'g' || type === 'G' || (!type && prec !== undefined)) body = toGeneral(x, prec !== undefined ? Math.max(1, Number(prec)) : 6, !type);
      else body = text.floatRepr(x);
      if (type === 'E' || type === 'G' || type === 'F') body = body.toUpperCase();
      if (group) {
        const [ip, fp] = body.split('.');
        body = groupDigits(ip!, group, 3) + (fp !== undefined ? `.${fp}` : '');
      }
    }
    const signStr = neg ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '';
    const w = Number(width || 0);
    const total = signStr.length + body.length;
    if (total >= w) return signStr + body;
    const pad = w - total;
    align ??= '>';
    if (align === '=') return signStr + fill.repeat(pad) + body;
    if (align === '<') return signStr + body + fill.repeat(pad);
    if (align === '^') return fill.repeat(pad >> 1) + signStr + body + fill.repeat(pad - (pad >> 1));
    return fill.repeat(pad) + signStr + body;
  }

  /** `named`: the keywords of str.format(), or the mapping of str.format_map(), asked with `mapping[name]` (PyObject_GetItem). */
  function strFormat(fmt: string, args: PyObject[], named: Kw | PyObject): string {
    let auto = 0;
    // A format spec may hold replacement fields itself (`{:>{width}}`), formatted first
    // with the same arguments (MarkupIterator, one level deep).
    const expand = (text: string): string => text.replace(/\{\{|\}\}|\{([^{}!:]*)(?:!([rsa]))?(?::((?:[^{}]|\{[^{}]*\})*))?\}/g, (whole, field: string | undefined, conv: string | undefined, rawSpec: string | undefined) => {
      const spec = rawSpec?.includes('{') ? expand(rawSpec) : rawSpec;
      if (whole === '{{') return '{';
      if (whole === '}}') return '}';
      let v: PyObject | undefined;
      // field_name: arg_name ("." attribute | "[" element_index "]")* (FieldNameIterator).
      const fieldText = field ?? '';
      const head = /^[^.[]*/.exec(fieldText)![0];
      const rest = [...fieldText.slice(head.length).matchAll(/\.([^.[]*)|\[([^\]]*)\]/g)];
      let cur: PyObject;
      if (head !== '' && !/^\d+$/.test(head) && named instanceof PyObject) {
        const key = str(head);
        try {
          cur = ops.getItem(named, key);
        } finally {
          heap.decref(key);
        }
      } else {
        if (head === '') v = args[auto++];
        else if (/^\d+$/.test(head)) v = args[Number(head)];
        else v = (named as Kw)?.get(head);
        if (!v) throw head === '' || /^\d+$/.test(head) ? rt.error('IndexError', rt.profile.formatNamesReplacementIndex ? `Replacement index ${head || auto - 1} out of range for positional args tuple` : 'tuple index out of range') : new PyErr(rt.newException(t.KeyError!, [str(head)]));
        cur = heap.newref(v);
      }
      for (const [, attr, index] of rest) {
        let nxt: PyObject;
        if (attr !== undefined) nxt = ops.getAttr(cur, attr);
        else {
          // An element index of digits is an int, anything else a str key.
          const key = /^\d+$/.test(index!) ? rt.newInt(BigInt(index!)) : str(index!);
          try {
            nxt = ops.getItem(cur, key);
          } finally {
            heap.decref(key);
          }
        }
        heap.decref(cur);
        cur = nxt;
      }
      try {
        if (conv) {
          const s = conv === 'r' ? p.repr(cur) : conv === 's' ? p.str(cur) : ops.ascii(cur);
          return formatStr(s, spec ?? '');
        }
        const r = ops.format(cur, spec ?? '') as PyStr;
        const s = r.value;
        heap.decref(r);
        return s;
      } finally {
        heap.decref(cur);
      }
    });
    return expand(fmt);
  }

  return d;
}

function stripChars(s: string, chars: string, left: boolean, right: boolean): string {
  let a = 0;
  let b = s.length;
  if (left) while (a < b && chars.includes(s[a]!)) a++;
  if (right) while (b > a && chars.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

function groupDigits(digits: string, sep: string, n: number): string {
  const out: string[] = [];
  for (let i = digits.length; i > 0; i -= n) out.unshift(digits.slice(Math.max(0, i - n), i));
  return out.join(sep);
}

/** Correctly rounded fixed-point formatting (round-half-even on the exact binary value). */
export function toFixedExact(x: number, prec: number): string {
  const { mantissa, exponent } = exactOf(x);
  // value = mantissa * 2^exponent; scaled = value * 10^prec
  let num = mantissa * 10n ** BigInt(prec);
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  let q = num / den;
  const r = num % den;
  if (r * 2n > den || (r * 2n === den && q % 2n === 1n)) q += 1n;
  let s = q.toString().padStart(prec + 1, '0');
  if (prec > 0) s = `${s.slice(0, -prec)}.${s.slice(-prec)}`;
  return s;
}

function exactOf(x: number): { mantissa: bigint; exponent: number } {
  if (x === 0) return { mantissa: 0n, exponent: 0 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const e = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (e === 0) return { mantissa: m, exponent: -1074 };
  m |= 1n << 52n;
  return { mantissa: m, exponent: e - 1075 };
}

function toExp(x: number, prec: number): string {
  if (x === 0) return `${toFixedExact(0, prec)}e+00`;
  let e = Math.floor(Math.log10(x));
  let mant = toFixedExact(x / 10 ** e, prec);
  if (Number(mant) >= 10) {
    e += 1;
    mant = toFixedExact(x / 10 ** e, prec);
  }
  return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function toGeneral(x: number, prec: number, noType: boolean): string {
  if (x === 0) return noType ? '0.0' : '0';
  const e = Number(toExp(x, prec - 1).split('e')[1]);
  let s: string;
  if (e < -4 || e >= prec) {
    s = toExp(x, prec - 1);
    let [m, ex] = s.split('e');
    if (m!.includes('.')) m = m!.replace(/0+$/, '').replace(/\.$/, '');
    s = `${m}e${ex}`;
  } else {
    s = toFixedExact(x, Math.max(0, prec - 1 - e));
    if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, noType ? '.0' : '');
  }
  return s;
}

export type { PyModule };
