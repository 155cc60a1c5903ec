/**
 * The `pymem` command.
 *
 *   pymem run [--python X.Y] [--max-steps N] [--max-memory BYTES] [--trace OUT] FILE
 *   pymem trace inspect|show|export …, pymem diff --python A,B FILE (see trace-commands.ts)
 *
 * Reads FILE, runs it with the engine (`@pymem/python`) in a worker thread with the
 * engine's resource limits (`ENGINE_WORKER_LIMITS`: a large stack, see protocol.ts), copies the program's output to this process's
 * stdout/stderr as the worker posts it, and exits with the program's exit status.
 * Argument errors follow argparse: usage line, `pymem: error: …`, exit status 2.
 */
import { readFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { WorkerInput, WorkerMessage } from './protocol';
import { runTraceCommand, type Engine } from './trace-commands';

const VERSION = __PYMEM_CLI_VERSION__;

/**
 * The engine's version list, loaded by main() (lazily, so that `--version` works
 * and a broken engine build is reported as an internal error, not a JS stack).
 */
let SUPPORTED_VERSIONS: readonly string[] = [];
let DEFAULT_VERSION = '';
/** The engine worker's `resourceLimits`, loaded with the version list. */
let WORKER_LIMITS: ResourceLimits = {};

const MAIN_USAGE = 'usage: pymem [-h] [--version] {run,trace,diff} ...';
const RUN_USAGE = 'usage: pymem run [-h] [--python X.Y] [--max-steps N] [--max-memory BYTES] [--trace OUT] FILE';

const MAIN_HELP = `${MAIN_USAGE}

Run a Python program on a simulated CPython heap and see its memory.

commands:
  run          run a Python program (see 'pymem run --help')
  trace        read a trace: inspect, show a step, export (see 'pymem trace --help')
  diff         run a program under two versions and show where memory differs

options:
  -h, --help   show this help message and exit
  --version    show pymem's version and exit
`;

function runHelp(): string {
  return `${RUN_USAGE}

Run FILE on a simulated CPython X.Y heap. The program's output goes to stdout and
stderr, and its exit status is pymem's.

positional arguments:
  FILE                 the Python program to run ('-' reads it from stdin)

options:
  -h, --help           show this help message and exit
  --python X.Y         the CPython version to model: ${SUPPORTED_VERSIONS.join(', ')}
                       (default: ${DEFAULT_VERSION})
  --max-steps N        stop the program after N instructions (default: no limit)
  --max-memory BYTES   the simulated heap's limit, beyond which allocation raises
                       MemoryError; K, M, G suffixes are powers of 1024
                       (default: 1G)
  --trace OUT          record every memory event to OUT: binary (.pymemtrace),
                       or JSON lines when OUT ends in .jsonl

environment:
  PYMEM_CHECK_INVARIANTS=1   run the heap invariant checker (slow; on in CI)
  PYMEM_DEBUG=1              show the JavaScript stack of an internal error
`;
}

/** An argument error: reported argparse-style with exit status 2. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

interface RunCommand {
  file: string;
  version: string;
  maxSteps: number | undefined;
  maxMemory: number | undefined;
  trace: string | undefined;
}

type Command = { kind: 'help'; text: string } | { kind: 'version' } | { kind: 'run'; run: RunCommand };

/** Parses the command line (without `node` and the script). Throws UsageError. */
function parseCommandLine(args: string[]): Command {
  // Like argparse, -h/--help and --version act as soon as they are seen, even next
  // to arguments that are otherwise wrong.
  let command: string | undefined;
  for (const arg of args) {
    if (arg === '--') break;
    if (arg === '-h' || arg === '--help') {
      return { kind: 'help', text: command === 'run' ? runHelp() : MAIN_HELP };
    }
    if (arg === '--version') return { kind: 'version' };
    if (command === undefined && !arg.startsWith('-')) command = arg;
  }
  const usage = command === 'run' ? RUN_USAGE : MAIN_USAGE;

  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        python: { type: 'string' },
        'max-steps': { type: 'string' },
        'max-memory': { type: 'string' },
        trace: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(describeParseArgsError(error), usage);
  }
  const { values, positionals } = parsed;

  if (positionals.length === 0) {
    throw new UsageError('the following arguments are required: command', MAIN_USAGE);
  }
  const [name, ...rest] = positionals;
  if (name !== 'run') {
    throw new UsageError(`argument command: invalid choice: '${name}' (choose from run, trace, diff)`, MAIN_USAGE);
  }
  if (rest.length === 0) throw new UsageError('the following arguments are required: FILE', RUN_USAGE);
  if (rest.length > 1) throw new UsageError(`unrecognized arguments: ${rest.slice(1).join(' ')}`, RUN_USAGE);

  const version = values.python ?? DEFAULT_VERSION;
  if (!SUPPORTED_VERSIONS.includes(version)) {
    throw new UsageError(
      `argument --python: invalid choice: '${version}' (choose from ${SUPPORTED_VERSIONS.join(', ')})`,
      RUN_USAGE,
    );
  }
  return {
    kind: 'run',
    run: {
      file: rest[0]!,
      version,
      maxSteps: values['max-steps'] === undefined ? undefined : parseCount('--max-steps', values['max-steps']),
      maxMemory: values['max-memory'] === undefined ? undefined : parseBytes(values['max-memory']),
      trace: values.trace,
    },
  };
}

/** Turns a `node:util` parseArgs error into argparse's wording. */
function describeParseArgsError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-{1,2}[^' ,=]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unrecognized arguments: ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (message.includes('does not take an argument')) {
      return `argument ${option === '-h' ? '-h/--help' : option}: ignored explicit argument`;
    }
    return `argument ${option}: expected one argument`;
  }
  return message;
}

function parseCount(option: string, text: string): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new UsageError(`argument ${option}: invalid positive int value: '${text}'`, RUN_USAGE);
  }
  return value;
}

function parseBytes(text: string): number {
  const match = /^(\d+)\s*([KMG]?)(?:i?B)?$/i.exec(text);
  const scale = { '': 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30 }[(match?.[2] ?? '').toUpperCase()];
  const value = match && scale !== undefined ? Number(match[1]) * scale : NaN;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new UsageError(
      `argument --max-memory: invalid size: '${text}' (a number of bytes, optionally with a K, M or G suffix)`,
      RUN_USAGE,
    );
  }
  return value;
}

/** strerror() texts for the errors opening a file can give. */
const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EMFILE: 'Too many open files',
  EIO: 'Input/output error',
};

/**
 * Reads the program. A file that cannot be opened gets CPython's message for it
 * (`python3: can't open file 'x.py': [Errno 2] No such file or directory`) and, like
 * CPython (checked with python3.11: `python3 nonexist.py; echo $?` prints 2), exit
 * status 2. The file name is shown as given, not made absolute as CPython ≥ 3.10 does.
 */
function readProgram(file: string): Buffer | undefined {
  try {
    return readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const errno = (osConstants.errno as Record<string, number>)[code];
    const reason = STRERROR[code] ?? (error instanceof Error ? error.message : String(error));
    const detail = errno === undefined ? reason : `[Errno ${errno}] ${reason}`;
    process.stderr.write(`pymem: can't open file '${file}': ${detail}\n`);
    process.exitCode = 2;
    return undefined;
  }
}

/**
 * Decodes the program as UTF-8 (a BOM is dropped). Invalid UTF-8 gets CPython's
 * SyntaxError for it (Parser/tokenizer.c; like python3.11, no `File` line), exit
 * status 1, and undefined.
 */
function decodeProgram(bytes: Buffer, path: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    const byte = `\\x${bytes[offset]!.toString(16).padStart(2, '0')}`;
    process.stderr.write(
      `SyntaxError: Non-UTF-8 code starting with '${byte}' in file ${path} on line ${line}, ` +
        'but no encoding declared; see https://peps.python.org/pep-0263/ for details\n',
    );
    process.exitCode = 1;
    return undefined;
  }
}

/** The offset of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

function internalError(message: string, stack: string | undefined): void {
  process.stderr.write(`pymem: internal error: ${message}\n`);
  if (process.env['PYMEM_DEBUG'] === '1' && stack) process.stderr.write(`${stack}\n`);
  process.exitCode = 1;
}

/** Runs the program in the worker, copying its output here as it arrives. */
function run(command: RunCommand): void {
  const bytes = readProgram(command.file);
  if (bytes === undefined) return;
  const path = command.file === '-' ? '<stdin>' : command.file;
  const source = decodeProgram(bytes, path);
  if (source === undefined) return;

  const inFlightBuffer = new SharedArrayBuffer(4);
  const inFlight = new Int32Array(inFlightBuffer);
  const input: WorkerInput = {
    source,
    path,
    cwd: command.file === '-' ? undefined : process.cwd(),
    argv: [command.file],
    version: command.version,
    maxSteps: command.maxSteps,
    maxMemory: command.maxMemory,
    checkInvariants: process.env['PYMEM_CHECK_INVARIANTS'] === '1',
    trace: command.trace === undefined ? undefined : { path: command.trace, format: command.trace.endsWith('.jsonl') ? 'jsonl' : 'pymemtrace' },
    inFlight: inFlightBuffer,
  };
  const worker = new Worker(new URL('./worker.js', import.meta.url), {
    workerData: input,
    resourceLimits: WORKER_LIMITS,
  });

  let finished = false;
  worker.on('message', (message: WorkerMessage) => {
    switch (message.type) {
      case 'write': {
        const { chunks, size } = message;
        const written = (): void => {
          Atomics.sub(inFlight, 0, size);
          Atomics.notify(inFlight, 0);
        };
        chunks.forEach(([stream, text], i) => {
          const out = stream === 'stdout' ? process.stdout : process.stderr;
          if (i === chunks.length - 1) out.write(text, written);
          else out.write(text);
        });
        break;
      }
      case 'exit':
        finished = true;
        process.exitCode = message.exitCode;
        break;
      case 'internal-error':
        finished = true;
        internalError(message.message, message.stack);
        break;
    }
  });
  worker.on('error', (error) => {
    if (finished) return;
    finished = true;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    internalError(message, error instanceof Error ? error.stack : undefined);
  });
  worker.on('exit', (code) => {
    if (!finished) internalError(`the engine's worker thread stopped unexpectedly (exit code ${code})`, undefined);
  });
}

/** A reader that closed the pipe (`pymem run x.py | head`) ends pymem quietly. */
function exitQuietlyOnEpipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

async function main(): Promise<void> {
  exitQuietlyOnEpipe(process.stdout);
  exitQuietlyOnEpipe(process.stderr);
  const args = process.argv.slice(2);
  if (args.length === 1 && args[0] === '--version') {
    process.stdout.write(`pymem ${VERSION}\n`);
    return;
  }
  if (args[0] === 'trace' || args[0] === 'diff') {
    process.exitCode = await runTraceCommand(args, async () => (await import('@pymem/python')) as unknown as Engine);
    return;
  }
  try {
    const engine = await import('@pymem/python');
    if (!Array.isArray(engine.SUPPORTED_VERSIONS) || typeof engine.DEFAULT_VERSION !== 'string') {
      throw new Error('@pymem/python does not export SUPPORTED_VERSIONS and DEFAULT_VERSION');
    }
    SUPPORTED_VERSIONS = engine.SUPPORTED_VERSIONS;
    DEFAULT_VERSION = engine.DEFAULT_VERSION;
    WORKER_LIMITS = engine.ENGINE_WORKER_LIMITS;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    internalError(`cannot load the engine: ${message}`, error instanceof Error ? error.stack : undefined);
    return;
  }
  let command: Command;
  try {
    command = parseCommandLine(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.usage}\npymem: error: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  switch (command.kind) {
    case 'help':
      process.stdout.write(command.text);
      return;
    case 'version':
      process.stdout.write(`pymem ${VERSION}\n`);
      return;
    case 'run':
      run(command.run);
      return;
  }
}

await main();
