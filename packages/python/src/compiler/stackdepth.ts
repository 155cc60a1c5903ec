/**
 * `co_stacksize`: the deepest the value stack gets on any path through a code
 * object, as Python/compile.c `stackdepth` (3.11+: Python/flowgraph.c)
 * computes it from each instruction's stack effect, following every jump
 * and every exception handler.
 *
 * pymem's instruction set is CPython's with a few shapes simplified (see
 * opcodes.ts). Where a simplification changes the depth of CPython 3.11+ —
 * the only versions where the depth is observable, because a generator
 * embeds its frame (`sys.getsizeof`) — the effect is corrected here:
 * - a call's `NULL` slot (`PUSH_NULL`, or the low bit of `LOAD_GLOBAL`/`LOAD_ATTR`);
 * - keyword names: 3.11/3.12 pass them with `KW_NAMES`, not on the stack (3.13 does, as pymem);
 * - an exception handler holds, besides the raised exception, the one being
 *   handled before (`PUSH_EXC_INFO`) and for a `with` block `lasti`;
 * - a generator starts with the value `RETURN_GENERATOR` leaves for its
 *   first `send`, and from 3.12 runs inside an implicit handler that turns
 *   `StopIteration` into `RuntimeError` (two slots: the exception and `lasti`).
 */
import { Op, type Instr } from './opcodes';

/** The deepest value stack of `instrs` under CPython `minor` (3.x). */
export function stackDepth(instrs: readonly Instr[], minor: number, isGenerator: boolean, nullStarts: ReadonlyMap<number, number>, nullCalls: ReadonlySet<number>): number {
  const modern = minor >= 11;
  // The depth each instruction is reached with, by pymem's own instructions
  // (stackdepth_push: the first path decides), and the slots CPython's
  // handler has on top that pymem's does not (`phantom`, see handlerSlots).
  const depthAt = new Int32Array(instrs.length).fill(-1);
  const phantomAt = new Int32Array(instrs.length);
  const work: number[] = [];
  const visit = (pc: number, depth: number, phantom: number) => {
    if (pc >= instrs.length || depthAt[pc]! >= 0) return;
    depthAt[pc] = depth;
    phantomAt[pc] = phantom;
    work.push(pc);
  };
  // RETURN_GENERATOR leaves one value (popped before the body runs).
  let max = isGenerator && modern ? 1 : 0;
  visit(0, 0, 0);
  while (work.length) {
    const pc = work.pop()!;
    const ins = instrs[pc]!;
    // The NULL slots go on before this instruction runs.
    const depth = depthAt[pc]! + (modern ? (nullStarts.get(pc) ?? 0) : 0);
    const phantom = ins.op === Op.POP_EXCEPT ? 0 : phantomAt[pc]!;
    max = Math.max(max, depth + phantom);
    const jump = jumpEffect(ins);
    if (jump !== null) {
      const handler = ins.op === Op.SETUP_FINALLY || ins.op === Op.SETUP_WITH;
      const jumpPhantom = handler ? handlerSlots(ins.op, minor) : phantom;
      max = Math.max(max, depth + jump + jumpPhantom);
      visit(ins.arg, depth + jump, jumpPhantom);
    }
    if (ends(ins.op)) continue;
    const next = depth + effect(ins, instrs[pc + 1], minor) - (modern && nullCalls.has(pc) ? 1 : 0);
    max = Math.max(max, next + phantom);
    visit(pc + 1, next, phantom);
  }
  if (isGenerator && minor >= 12) max = Math.max(max, 2);
  return max;
}

/**
 * What CPython 3.11+'s handler holds that pymem's does not, until
 * `POP_EXCEPT`: the exception being handled before (`PUSH_EXC_INFO`), and
 * for a `with` block the `lasti` its cleanup re-raises with.
 */
function handlerSlots(op: Op, minor: number): number {
  if (minor < 11) return 0;
  return op === Op.SETUP_WITH ? 2 : 1;
}

/** Instructions after which execution does not fall through. */
function ends(op: Op): boolean {
  return op === Op.JUMP || op === Op.RETURN_VALUE || op === Op.RAISE_VARARGS || op === Op.RERAISE;
}

/** The stack effect when the instruction jumps, or null when it cannot. */
function jumpEffect(ins: Instr): number | null {
  switch (ins.op) {
    case Op.JUMP:
    case Op.JUMP_IF_FALSE_OR_POP:
    case Op.JUMP_IF_TRUE_OR_POP:
      return 0;
    case Op.POP_JUMP_IF_FALSE:
    case Op.POP_JUMP_IF_TRUE:
    case Op.FOR_ITER:
    case Op.JUMP_IF_NOT_EXC_MATCH:
      return -1;
    case Op.SETUP_FINALLY:
    case Op.SETUP_CLEANUP:
    case Op.SETUP_WITH:
      // The handler finds the exception on the stack (for `with`, above the
      // __exit__ that replaced the context manager).
      return 1;
    default:
      return null;
  }
}

/** The stack effect of falling through `ins` (`next` is the instruction after it). */
function effect(ins: Instr, next: Instr | undefined, minor: number): number {
  const arg = ins.arg;
  switch (ins.op) {
    case Op.NOP:
    case Op.ROT_TWO:
    case Op.ROT_THREE:
    case Op.ROT_FOUR:
    case Op.DELETE_NAME:
    case Op.DELETE_GLOBAL:
    case Op.DELETE_FAST:
    case Op.DELETE_DEREF:
    case Op.LOAD_ATTR:
    case Op.UNARY_OP:
    case Op.LIST_TO_TUPLE:
    case Op.GET_ITER:
    case Op.YIELD_VALUE:
    case Op.GET_YIELD_FROM_ITER:
    case Op.SETUP_FINALLY:
    case Op.SETUP_CLEANUP:
    case Op.SWAP:
    case Op.POP_BLOCK:
    case Op.POP_EXCEPT:
    case Op.SETUP_ANNOTATIONS:
    case Op.GEN_START:
    case Op.JUMP:
      return 0;
    case Op.LOAD_CONST:
      // 3.11/3.12 pass keyword names with KW_NAMES, not as a value on the stack.
      return next && (next.op === Op.CALL_KW || next.op === Op.CALL_METHOD_KW) && (minor === 11 || minor === 12) ? 0 : 1;
    case Op.DUP_TOP:
    case Op.LOAD_NAME:
    case Op.LOAD_GLOBAL:
    case Op.LOAD_FAST:
    case Op.LOAD_FAST_AND_CLEAR:
    case Op.LOAD_DEREF:
    case Op.LOAD_CLASSDEREF:
    case Op.LOAD_CLOSURE:
    case Op.LOAD_METHOD:
    case Op.FOR_ITER:
    case Op.SETUP_WITH:
    case Op.WITH_EXCEPT_START:
    case Op.IMPORT_FROM:
    case Op.LOAD_BUILD_CLASS:
    case Op.LOAD_ASSERTION_ERROR:
      return 1;
    case Op.DUP_TOP_TWO:
      return 2;
    case Op.POP_TOP:
    case Op.STORE_NAME:
    case Op.STORE_GLOBAL:
    case Op.STORE_FAST:
    case Op.STORE_FAST_MAYBE_NULL:
    case Op.STORE_DEREF:
    case Op.DELETE_ATTR:
    case Op.BINARY_OP:
    case Op.INPLACE_OP:
    case Op.COMPARE_OP:
    case Op.IS_OP:
    case Op.CONTAINS_OP:
    case Op.BINARY_SUBSCR:
    case Op.LIST_APPEND:
    case Op.SET_ADD:
    case Op.LIST_EXTEND:
    case Op.SET_UPDATE:
    case Op.DICT_UPDATE:
    case Op.DICT_MERGE:
    case Op.POP_JUMP_IF_FALSE:
    case Op.POP_JUMP_IF_TRUE:
    case Op.JUMP_IF_FALSE_OR_POP:
    case Op.JUMP_IF_TRUE_OR_POP:
    case Op.RETURN_VALUE:
    case Op.YIELD_FROM:
    case Op.RERAISE:
    case Op.JUMP_IF_NOT_EXC_MATCH:
    case Op.IMPORT_NAME:
      return -1;
    case Op.STORE_ATTR:
    case Op.DELETE_SUBSCR:
    case Op.MAP_ADD:
      return -2;
    case Op.STORE_SUBSCR:
      return -3;
    case Op.BUILD_SLICE:
    case Op.BUILD_TUPLE:
    case Op.BUILD_LIST:
    case Op.BUILD_SET:
    case Op.BUILD_STRING:
    case Op.BUILD_LIST_UNPACK:
    case Op.BUILD_TUPLE_UNPACK:
    case Op.BUILD_TUPLE_UNPACK_WITH_CALL:
    case Op.BUILD_SET_UNPACK:
    case Op.BUILD_MAP_UNPACK_WITH_CALL:
      return 1 - arg;
    case Op.BUILD_MAP:
      return 1 - 2 * arg;
    case Op.BUILD_CONST_KEY_MAP:
      return -arg;
    case Op.FORMAT_VALUE:
      return arg & 4 ? -1 : 0;
    case Op.UNPACK_SEQUENCE:
      return arg - 1;
    case Op.UNPACK_EX:
      return (arg & 0xff) + (arg >> 8);
    case Op.CALL:
      return -arg;
    case Op.CALL_KW:
      return -arg - (minor === 11 || minor === 12 ? 0 : 1);
    case Op.CALL_METHOD:
      return -arg - 1;
    case Op.CALL_METHOD_KW:
      return -arg - 1 - (minor === 11 || minor === 12 ? 0 : 1);
    case Op.CALL_FUNCTION_EX:
      return -1 - (arg & 1);
    case Op.MAKE_FUNCTION:
      return -((arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1) + ((arg >> 3) & 1));
    case Op.RAISE_VARARGS:
      return -arg;
  }
}
