/**
 * The trace commands of `pymem`:
 *
 *   pymem trace inspect FILE [--json]
 *   pymem trace show FILE --step N
 *   pymem trace export FILE --format chrome|heapsnapshot|jsonl|pymemtrace [--step N] -o OUT
 *   pymem diff --python A,B FILE
 *
 * Every trace command reads either encoding. A file that is not a readable
 * trace gets `pymem: error: FILE: … (at byte offset N)` and exit status 1;
 * argument errors get the usage line and exit status 2, as `run`'s do.
 * Long work shows a progress bar on a terminal (stderr) and nothing when piped.
 */
import { readFileSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  BinaryTraceWriter,
  JsonlTraceWriter,
  TraceFormatError,
  TraceQueryError,
  SCHEMA_VERSION,
  openTrace,
  toChromeTrace,
  toHeapSnapshot,
  type Trace,
  type TraceEvent,
  type TraceHeader,
  type TraceSink,
} from '@pymem/trace';

export const TRACE_USAGE = 'usage: pymem trace [-h] {inspect,show,export} ...';
export const INSPECT_USAGE = 'usage: pymem trace inspect [-h] [--json] FILE';
export const SHOW_USAGE = 'usage: pymem trace show [-h] --step N FILE';
export const EXPORT_USAGE = 'usage: pymem trace export [-h] --format {chrome,heapsnapshot,jsonl,pymemtrace} [--step N] -o OUT FILE';
export const DIFF_USAGE = 'usage: pymem diff [-h] --python A,B FILE';

const TRACE_HELP = `${TRACE_USAGE}

Read a trace written by 'pymem run --trace' (binary .pymemtrace or JSON lines).

commands:
  inspect FILE [--json]          summary: steps, events, objects, collections, peak, top types
  show FILE --step N             the frames and the heap at step N (the state after N events)
  export FILE --format F -o OUT  convert: chrome (Perfetto / chrome://tracing),
                                 heapsnapshot (Chrome DevTools Memory panel; --step N,
                                 default the last step), jsonl, pymemtrace
`;

const DIFF_HELP = `${DIFF_USAGE}

Run FILE under two CPython version profiles and show where their memory histories
diverge, line by line: objects one version allocates that the other does not, and
output (refcounts, collect() results) that differs.
`;

/** An argument error: usage line, `pymem: error: …`, exit status 2. */
export class TraceUsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

/** A failure with a clear message and exit status 1. */
class CommandError extends Error {}

/** The engine's entry, loaded by the caller. */
export interface Engine {
  runProgram(options: {
    source: string;
    path: string;
    version?: string;
    maxSteps?: number;
    write: (stream: 'stdout' | 'stderr', text: string) => void;
    trace?: TraceSink;
  }): { exitCode: number };
  SUPPORTED_VERSIONS: readonly string[];
}

/** A progress bar on stderr when it is a terminal; silent otherwise. */
class Progress {
  private readonly on = process.stderr.isTTY === true && process.env['CI'] === undefined;
  private last = -1;
  constructor(private readonly label: string) {}
  update(fraction: number): void {
    if (!this.on) return;
    const pct = Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
    if (pct === this.last) return;
    this.last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    process.stderr.write(`\r${this.label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${pct}%`);
  }
  done(): void {
    if (this.on && this.last >= 0) process.stderr.write(`\r${' '.repeat(this.label.length + 40)}\r`);
  }
}

type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parse(args: string[], usage: string, options: Options): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-{1,2}[^' ,=]+)/.exec(message)?.[1];
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) throw new TraceUsageError(`unrecognized arguments: ${option}`, usage);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) throw new TraceUsageError(`argument ${option}: expected one argument`, usage);
    throw new TraceUsageError(message, usage);
  }
}

function oneFile(positionals: string[], usage: string): string {
  if (positionals.length === 0) throw new TraceUsageError('the following arguments are required: FILE', usage);
  if (positionals.length > 1) throw new TraceUsageError(`unrecognized arguments: ${positionals.slice(1).join(' ')}`, usage);
  return positionals[0]!;
}

function parseStep(text: string | undefined, usage: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new TraceUsageError(`argument --step: invalid non-negative int value: '${text}'`, usage);
  return Number(text);
}

function loadTrace(file: string): Trace {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CommandError(`${file}: cannot read the file${code === 'ENOENT' ? ': No such file or directory' : code ? ` (${code})` : ''}`);
  }
  try {
    return openTrace(bytes);
  } catch (error) {
    if (error instanceof TraceFormatError) throw new CommandError(`${file}: ${error.message}`);
    throw error;
  }
}

const hex = (n: number): string => `0x${n.toString(16)}`;

function inspect(file: string, json: boolean): void {
  const t = loadTrace(file);
  const s = t.summary;
  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          file,
          format: t.format,
          bytes: t.byteLength,
          schemaVersion: t.header.schemaVersion,
          profile: t.header.profile,
          path: t.header.path,
          steps: s.steps,
          events: s.events,
          objects: s.objects,
          deallocations: s.deallocations,
          collections: s.collections,
          collectionsByGeneration: s.collectionsByGeneration,
          collected: s.collected,
          finalizers: s.finalizers,
          lines: s.lines,
          peakLiveObjects: s.peakLiveObjects,
          peakLiveStep: s.peakLiveStep,
          liveAtEnd: s.liveAtEnd,
          topTypes: s.topTypes,
          eventsByKind: s.eventsByKind,
          keyframes: s.keyframes,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const lines = [
    `${file}: ${t.format === 'jsonl' ? 'JSON-lines' : 'binary'} trace, schema ${t.header.schemaVersion}, ${t.byteLength} bytes (${(t.byteLength / Math.max(1, s.events)).toFixed(2)} bytes/event)`,
    `program:      ${t.header.path} on CPython ${t.header.profile}`,
    `steps:        ${s.steps} (step N is the state after N events; ${s.lines} lines executed)`,
    `events:       ${s.events}`,
    `objects:      ${s.objects} allocated, ${s.deallocations} freed, ${s.liveAtEnd} live at the end`,
    `peak:         ${s.peakLiveObjects} live objects at step ${s.peakLiveStep}`,
    `collections:  ${s.collections} (generation 0: ${s.collectionsByGeneration[0]}, 1: ${s.collectionsByGeneration[1]}, 2: ${s.collectionsByGeneration[2]}), ${s.collected} objects collected`,
    `finalizers:   ${s.finalizers} __del__ calls`,
    `top types:    ${s.topTypes.map((x) => `${x.type} ${x.allocations}`).join(', ')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function show(file: string, step: number): void {
  const t = loadTrace(file);
  let st;
  try {
    st = t.stateAt(step);
  } catch (error) {
    if (error instanceof TraceQueryError) throw new CommandError(`${file}: ${error.message}`);
    throw error;
  }
  const out: string[] = [];
  out.push(`step ${step} of ${t.eventCount}${st.lastEvent ? `, after ${describeEvent(st.lastEvent)}` : ''}`);
  if (st.collecting) out.push(`collecting generation ${st.collecting.generation}${st.collecting.phase ? `, phase ${st.collecting.phase}` : ''}`);
  const name = (id: number): string => {
    const o = st.objects.get(id);
    return o ? `${o.summary} (${o.type} ${hex(id)})` : `<freed ${hex(id)}>`;
  };
  out.push('', 'frames (innermost last):');
  for (const f of st.frames) {
    out.push(`  ${f.name}, line ${f.line} (depth ${f.depth})`);
    const binds = f.depth === 1 && st.frames[0] === f ? st.globals : f.locals;
    for (const [k, v] of binds) out.push(`    ${k} = ${name(v)}`);
    if (f.stack.length) out.push(`    value stack (a call): ${f.stack.map(name).join(', ')}`);
  }
  if (st.frames.length === 0 && st.globals.size) {
    out.push('  (no frame) globals:');
    for (const [k, v] of st.globals) out.push(`    ${k} = ${name(v)}`);
  }
  out.push('', `heap: ${st.objects.size} live objects`);
  const sorted = [...st.objects.values()].sort((a, b) => a.id - b.id);
  for (const o of sorted) {
    const flags = o.tracked ? `gen ${o.generation}` : 'untracked';
    const refs = (st.edges.get(o.id) ?? []).map(hex);
    out.push(`  ${hex(o.id)} ${o.type} refcnt=${o.refcnt} size=${o.size} ${flags}${o.finalized ? ' finalized' : ''} ${o.summary}${refs.length ? ` -> ${refs.slice(0, 8).join(' ')}${refs.length > 8 ? ` … (${refs.length})` : ''}` : ''}`);
  }
  if (st.output) out.push('', 'output so far:', ...st.output.replace(/\n$/, '').split('\n').map((l) => `  | ${l}`));
  process.stdout.write(`${out.join('\n')}\n`);
}

function describeEvent(e: TraceEvent): string {
  switch (e.kind) {
    case 'alloc':
      return `alloc ${e.type} ${hex(e.id)}`;
    case 'incref':
    case 'decref':
    case 'refcnt-set':
      return `${e.kind} ${hex(e.id)} -> ${e.refcnt}`;
    case 'edge-add':
    case 'edge-remove':
      return `${e.kind} ${hex(e.owner)} -> ${hex(e.target)}`;
    case 'dealloc':
    case 'finalize':
      return `${e.kind} ${hex(e.id)}`;
    case 'weakref-cleared':
    case 'weakref-callback':
      return `${e.kind} ${hex(e.weakref)}`;
    case 'track':
    case 'untrack':
    case 'generation':
      return `${e.kind} ${hex(e.id)} (generation ${e.generation})`;
    case 'gc-start':
    case 'gc-phase':
    case 'gc-end':
      return `${e.kind} generation ${e.generation}${e.phase ? ` ${e.phase}` : ''}`;
    case 'frame-push':
    case 'frame-pop':
      return `${e.kind} ${e.name}`;
    case 'bind':
    case 'unbind':
      return `${e.kind} ${e.name}`;
    case 'stack-take':
    case 'stack-release':
      return `${e.kind} ${hex(e.id)}`;
    case 'line':
      return `line ${e.line}`;
    case 'output':
      return `output ${JSON.stringify(e.text.slice(0, 40))}`;
  }
}

const FORMATS = ['chrome', 'heapsnapshot', 'jsonl', 'pymemtrace'] as const;

function exportTrace(file: string, format: (typeof FORMATS)[number], step: number | undefined, out: string): void {
  const t = loadTrace(file);
  if (step !== undefined && step > t.eventCount) throw new CommandError(`${file}: step ${step} is out of range: the trace has steps 0 to ${t.eventCount}`);
  const progress = new Progress(`exporting ${format}`);
  try {
    switch (format) {
      case 'chrome':
        progress.update(0);
        write(out, toChromeTrace(t));
        break;
      case 'heapsnapshot':
        progress.update(0);
        write(out, toHeapSnapshot(t, step ?? t.eventCount));
        break;
      case 'jsonl':
      case 'pymemtrace':
        streamTo(out, format, t.header, (sink) => {
          let n = 0;
          for (const e of t.events()) {
            sink.event(e);
            if (++n % 65536 === 0) progress.update(n / t.eventCount);
          }
        });
        break;
    }
  } finally {
    progress.done();
  }
}

function write(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new CommandError(`${path}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** Streams events to a new trace file in `format`. */
export function streamTo(path: string, format: 'jsonl' | 'pymemtrace', header: TraceHeader, fill: (sink: TraceSink) => void): void {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (error) {
    throw new CommandError(`${path}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const out = (chunk: Uint8Array): void => {
      writeSync(fd, chunk);
    };
    const w = format === 'jsonl' ? new JsonlTraceWriter(header, out) : new BinaryTraceWriter(header, out);
    fill(w);
    w.close();
  } finally {
    closeSync(fd);
  }
}

/** One executed line of a run: what it allocated and printed. */
interface LineRecord {
  line: number;
  allocs: Map<string, number>;
  output: string;
  collected: number[];
}

/** Runs a program with a light sink that groups allocations and output by executed line. */
function profileRun(engine: Engine, source: string, path: string, version: string): { records: LineRecord[]; exitCode: number } {
  const records: LineRecord[] = [{ line: 0, allocs: new Map(), output: '', collected: [] }];
  let cur = records[0]!;
  const sink: TraceSink = {
    event(e) {
      switch (e.kind) {
        case 'line':
          cur = { line: e.line, allocs: new Map(), output: '', collected: [] };
          records.push(cur);
          return;
        case 'alloc':
          cur.allocs.set(e.type, (cur.allocs.get(e.type) ?? 0) + 1);
          return;
        case 'output':
          cur.output += e.text;
          return;
        case 'gc-end':
          cur.collected.push(e.collected ?? 0);
          return;
        default:
          return;
      }
    },
  };
  const r = engine.runProgram({ source, path, version, write: () => {}, trace: sink, maxSteps: 50_000_000 });
  return { records, exitCode: r.exitCode };
}

function diff(engine: Engine, file: string, versions: [string, string]): void {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new CommandError(`${file}: cannot read the file`);
  }
  const progress = new Progress('running');
  progress.update(0);
  const [a, b] = versions;
  const ra = profileRun(engine, source, file, a);
  progress.update(0.5);
  const rb = profileRun(engine, source, file, b);
  progress.update(1);
  progress.done();
  const out: string[] = [`pymem diff: ${file} on CPython ${a} and ${b}`];
  const n = Math.max(ra.records.length, rb.records.length);
  let differences = 0;
  const fmt = (m: Map<string, number>): string => [...m].sort().map(([t, c]) => `${t}×${c}`).join(', ') || 'nothing';
  const srcLines = source.split('\n');
  for (let i = 1; i < n; i++) {
    const x = ra.records[i];
    const y = rb.records[i];
    if (!x || !y) {
      out.push(`${x ? b : a} stops after ${i - 1} executed lines; ${x ? a : b} goes on`);
      differences++;
      break;
    }
    if (x.line !== y.line) {
      out.push(`execution diverges at executed line ${i}: ${a} runs line ${x.line}, ${b} runs line ${y.line}`);
      differences++;
      break;
    }
    const notes: string[] = [];
    const onlyA = new Map<string, number>();
    const onlyB = new Map<string, number>();
    for (const t of new Set([...x.allocs.keys(), ...y.allocs.keys()])) {
      const d = (x.allocs.get(t) ?? 0) - (y.allocs.get(t) ?? 0);
      if (d > 0) onlyA.set(t, d);
      if (d < 0) onlyB.set(t, -d);
    }
    if (onlyA.size) notes.push(`${a} allocates ${fmt(onlyA)} more`);
    if (onlyB.size) notes.push(`${b} allocates ${fmt(onlyB)} more`);
    if (x.collected.join() !== y.collected.join()) notes.push(`collections free ${x.collected.join(', ') || 'none'} in ${a}, ${y.collected.join(', ') || 'none'} in ${b}`);
    if (x.output !== y.output) notes.push(`output differs:\n      ${a}: ${JSON.stringify(x.output)}\n      ${b}: ${JSON.stringify(y.output)}`);
    if (notes.length) {
      differences++;
      out.push(`line ${x.line}: ${(srcLines[x.line - 1] ?? '').trim()}`);
      for (const note of notes) out.push(`    ${note}`);
    }
  }
  const total = (r: LineRecord[]) => r.reduce((s, x) => s + [...x.allocs.values()].reduce((p, q) => p + q, 0), 0);
  out.push(`${differences} executed line${differences === 1 ? '' : 's'} differ; ${a} allocates ${total(ra.records)} objects in all, ${b} ${total(rb.records)} (start-up included)`);
  if (ra.exitCode !== rb.exitCode) out.push(`exit status: ${a} ${ra.exitCode}, ${b} ${rb.exitCode}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

/**
 * Runs `pymem trace …` or `pymem diff …` (`args` starts with the command
 * name). Returns the exit status; prints its own errors.
 */
export function runTraceCommand(args: string[], engine: () => Promise<Engine>): Promise<number> | number {
  try {
    if (args[0] === 'diff') return runDiff(args.slice(1), engine);
    const [sub, ...rest] = args.slice(1);
    if (sub === undefined || sub === '-h' || sub === '--help') {
      if (sub === undefined) throw new TraceUsageError('the following arguments are required: command', TRACE_USAGE);
      process.stdout.write(TRACE_HELP);
      return 0;
    }
    switch (sub) {
      case 'inspect': {
        const { values, positionals } = parse(rest, INSPECT_USAGE, { json: { type: 'boolean' } });
        if (values['help']) return help(INSPECT_USAGE);
        inspect(oneFile(positionals, INSPECT_USAGE), values['json'] === true);
        return 0;
      }
      case 'show': {
        const { values, positionals } = parse(rest, SHOW_USAGE, { step: { type: 'string' } });
        if (values['help']) return help(SHOW_USAGE);
        const file = oneFile(positionals, SHOW_USAGE);
        const step = parseStep(values['step'] as string | undefined, SHOW_USAGE);
        if (step === undefined) throw new TraceUsageError('the following arguments are required: --step', SHOW_USAGE);
        show(file, step);
        return 0;
      }
      case 'export': {
        const { values, positionals } = parse(rest, EXPORT_USAGE, { format: { type: 'string' }, step: { type: 'string' }, output: { type: 'string', short: 'o' } });
        if (values['help']) return help(EXPORT_USAGE);
        const file = oneFile(positionals, EXPORT_USAGE);
        const format = values['format'] as string | undefined;
        if (format === undefined) throw new TraceUsageError('the following arguments are required: --format', EXPORT_USAGE);
        if (!(FORMATS as readonly string[]).includes(format)) throw new TraceUsageError(`argument --format: invalid choice: '${format}' (choose from ${FORMATS.join(', ')})`, EXPORT_USAGE);
        const out = values['output'] as string | undefined;
        if (out === undefined) throw new TraceUsageError('the following arguments are required: -o/--output', EXPORT_USAGE);
        exportTrace(file, format as (typeof FORMATS)[number], parseStep(values['step'] as string | undefined, EXPORT_USAGE), out);
        return 0;
      }
      default:
        throw new TraceUsageError(`argument command: invalid choice: '${sub}' (choose from inspect, show, export)`, TRACE_USAGE);
    }
  } catch (error) {
    return report(error);
  }
}

async function runDiff(args: string[], loadEngine: () => Promise<Engine>): Promise<number> {
  try {
    const { values, positionals } = parse(args, DIFF_USAGE, { python: { type: 'string' } });
    if (values['help']) {
      process.stdout.write(DIFF_HELP);
      return 0;
    }
    const file = oneFile(positionals, DIFF_USAGE);
    const spec = values['python'] as string | undefined;
    if (spec === undefined) throw new TraceUsageError('the following arguments are required: --python', DIFF_USAGE);
    const engine = await loadEngine();
    const versions = spec.split(',');
    const bad = versions.find((v) => !engine.SUPPORTED_VERSIONS.includes(v));
    if (versions.length !== 2 || bad !== undefined) {
      throw new TraceUsageError(`argument --python: expected two versions A,B from ${engine.SUPPORTED_VERSIONS.join(', ')}, got '${spec}'`, DIFF_USAGE);
    }
    diff(engine, file, versions as [string, string]);
    return 0;
  } catch (error) {
    return report(error);
  }
}

function help(usage: string): number {
  process.stdout.write(`${usage}\n`);
  return 0;
}

function report(error: unknown): number {
  if (error instanceof TraceUsageError) {
    process.stderr.write(`${error.usage}\npymem: error: ${error.message}\n`);
    return 2;
  }
  if (error instanceof CommandError) {
    process.stderr.write(`pymem: error: ${error.message}\n`);
    return 1;
  }
  throw error;
}

/** The header of a trace written by `pymem run --trace`. */
export function traceHeader(profile: string, path: string, source: string): TraceHeader {
  return { schemaVersion: SCHEMA_VERSION, profile, path, source };
}
