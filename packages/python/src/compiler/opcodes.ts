/**
 * pymem's instruction set: CPython's, simplified where the difference is not
 * observable in memory (one `BINARY_OP` with an operator argument, as 3.11+
 * has; a block stack for `try` as up to 3.10). Each instruction's reference
 * discipline (what it increfs and decrefs) is CPython's; the VM documents it
 * per opcode.
 */
export const enum Op {
  NOP,
  POP_TOP,
  ROT_TWO,
  ROT_THREE,
  ROT_FOUR,
  DUP_TOP,
  DUP_TOP_TWO,
  LOAD_CONST,
  LOAD_NAME,
  STORE_NAME,
  DELETE_NAME,
  LOAD_GLOBAL,
  STORE_GLOBAL,
  DELETE_GLOBAL,
  LOAD_FAST,
  STORE_FAST,
  DELETE_FAST,
  LOAD_DEREF,
  STORE_DEREF,
  DELETE_DEREF,
  LOAD_CLOSURE,
  LOAD_CLASSDEREF,
  LOAD_ATTR,
  STORE_ATTR,
  DELETE_ATTR,
  LOAD_METHOD,
  BINARY_OP,
  INPLACE_OP,
  UNARY_OP,
  COMPARE_OP,
  IS_OP,
  CONTAINS_OP,
  BINARY_SUBSCR,
  STORE_SUBSCR,
  DELETE_SUBSCR,
  BUILD_SLICE,
  BUILD_TUPLE,
  BUILD_LIST,
  BUILD_SET,
  BUILD_MAP,
  BUILD_CONST_KEY_MAP,
  BUILD_STRING,
  LIST_APPEND,
  SET_ADD,
  MAP_ADD,
  LIST_EXTEND,
  SET_UPDATE,
  DICT_UPDATE,
  DICT_MERGE,
  LIST_TO_TUPLE,
  FORMAT_VALUE,
  UNPACK_SEQUENCE,
  UNPACK_EX,
  JUMP,
  POP_JUMP_IF_FALSE,
  POP_JUMP_IF_TRUE,
  JUMP_IF_FALSE_OR_POP,
  JUMP_IF_TRUE_OR_POP,
  GET_ITER,
  FOR_ITER,
  CALL,
  CALL_KW,
  CALL_METHOD,
  CALL_METHOD_KW,
  CALL_FUNCTION_EX,
  MAKE_FUNCTION,
  RETURN_VALUE,
  YIELD_VALUE,
  GET_YIELD_FROM_ITER,
  YIELD_FROM,
  RAISE_VARARGS,
  SETUP_FINALLY,
  POP_BLOCK,
  POP_EXCEPT,
  RERAISE,
  JUMP_IF_NOT_EXC_MATCH,
  SETUP_WITH,
  WITH_EXCEPT_START,
  IMPORT_NAME,
  IMPORT_FROM,
  LOAD_BUILD_CLASS,
  LOAD_ASSERTION_ERROR,
  SETUP_ANNOTATIONS,
  GEN_START,
  // Up to 3.8: starred displays and calls (3.9+ compiles them to LIST_EXTEND/SET_UPDATE/DICT_MERGE).
  BUILD_LIST_UNPACK,
  BUILD_TUPLE_UNPACK,
  BUILD_SET_UNPACK,
  BUILD_TUPLE_UNPACK_WITH_CALL,
  BUILD_MAP_UNPACK_WITH_CALL,
  // 3.12+: a list, set or dict comprehension inlined in the code that uses it (PEP 709).
  /** Pushes a fast local and unbinds it (the unbound marker when it has no value). */
  LOAD_FAST_AND_CLEAR,
  /** STORE_FAST that unbinds the local when the value is the unbound marker. */
  STORE_FAST_MAYBE_NULL,
  /** Swaps the top of the stack with the `arg`-th item (1-based). */
  SWAP,
  /** SETUP_FINALLY of a cleanup handler, which takes no `exc_info` slot (no PUSH_EXC_INFO). */
  SETUP_CLEANUP,
}

/** `MAKE_FUNCTION` flags, as CPython's. */
export const MAKE_FUNCTION_DEFAULTS = 0x01;
export const MAKE_FUNCTION_KWDEFAULTS = 0x02;
export const MAKE_FUNCTION_ANNOTATIONS = 0x04;
export const MAKE_FUNCTION_CLOSURE = 0x08;

/** `co_flags` bits, as CPython's. */
export const CO_OPTIMIZED = 0x0001;
export const CO_NEWLOCALS = 0x0002;
export const CO_VARARGS = 0x0004;
export const CO_VARKEYWORDS = 0x0008;
export const CO_NESTED = 0x0010;
export const CO_GENERATOR = 0x0020;

/** Operators of `BINARY_OP`/`INPLACE_OP` (the AST's names). */
export const BINARY_OPERATORS = [
  'Add', 'Sub', 'Mult', 'MatMult', 'Div', 'Mod', 'Pow', 'LShift', 'RShift', 'BitOr', 'BitXor', 'BitAnd', 'FloorDiv',
] as const;
export type BinaryOperator = (typeof BINARY_OPERATORS)[number];

/** Operators of `COMPARE_OP`. */
export const COMPARE_OPERATORS = ['Lt', 'LtE', 'Eq', 'NotEq', 'Gt', 'GtE'] as const;

/** Operators of `UNARY_OP`. */
export const UNARY_OPERATORS = ['Invert', 'Not', 'UAdd', 'USub'] as const;

/** One instruction, with the source span it came from (for tracebacks and line events). */
export interface Instr {
  op: Op;
  arg: number;
  lineno: number;
  col: number;
  endLineno: number;
  endCol: number;
  /**
   * Where a 3.11+ traceback splits its underline (a UTF-8 column): the end of
   * a binary operation's left operand, of a subscript's value or of a call's
   * callee; -1 when the instruction has no anchor.
   */
  anchor: number;
  anchorKind: AnchorKind;
}

/** What the traceback's secondary `^` marks: a binary operator, or a bracketed suffix (`[...]`, `(...)`). */
export const enum AnchorKind {
  None,
  BinaryOperator,
  Subscript,
  Call,
  /** A call to a plain name that is the whole value of a `return` or an assignment (3.13 shows no carets). */
  PlainCallStatement,
}
