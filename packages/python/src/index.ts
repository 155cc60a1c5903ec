/**
 * @pymem/python: a Python subset — parser, compiler and VM — running on
 * pymem's simulated CPython heap.
 */
export { runProgram, SUPPORTED_VERSIONS, DEFAULT_VERSION, ENGINE_WORKER_LIMITS } from './run';
export type { RunOptions, RunResult } from './run';
export { parseModule, PySyntaxError, UnsupportedSyntax } from './parser/index';
export { compileModule } from './compiler/compiler';
export type { CodeUnit, ConstDesc, CompileOptions } from './compiler/compiler';
