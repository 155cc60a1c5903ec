/**
 * The JSON-lines encoding: readable, greppable, one JSON object a line.
 * The first line is the header, with `"format": "pymemtrace-jsonl"`; every
 * other line is one event, exactly the `TraceEvent` object.
 */
import { TraceFormatError } from './errors';
import { EVENT_KINDS, SCHEMA_VERSION, type TraceEvent, type TraceHeader, type TraceSink } from './events';

/** The `format` field of a JSON-lines trace's header line. */
export const JSONL_FORMAT = 'pymemtrace-jsonl';

const encoder = new TextEncoder();
const FLUSH_AT = 1 << 16;

/** Writes a trace as JSON lines, chunk by chunk, to `out`. */
export class JsonlTraceWriter implements TraceSink {
  private pending: string[] = [];
  private pendingLength = 0;
  eventCount = 0;

  constructor(
    header: TraceHeader,
    private readonly out: (chunk: Uint8Array) => void,
  ) {
    this.push(JSON.stringify({ format: JSONL_FORMAT, ...header }));
  }

  event(e: TraceEvent): void {
    this.eventCount++;
    this.push(JSON.stringify(e));
  }

  close(): void {
    this.flush();
  }

  private push(line: string): void {
    this.pending.push(line, '\n');
    this.pendingLength += line.length + 1;
    if (this.pendingLength >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const chunk = encoder.encode(this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
    this.out(chunk);
  }
}

const KINDS = new Set<string>(EVENT_KINDS);
const decoder = new TextDecoder('utf-8', { fatal: true });

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

/**
 * Reads a JSON-lines trace: the header at once, then its events one at a
 * time (validated field by field; a bad line is a TraceFormatError with the
 * byte offset of the line).
 */
export function readJsonl(bytes: Uint8Array): { header: TraceHeader; events: Iterable<TraceEvent> } {
  // Lines are found on the bytes, so offsets are byte offsets.
  const lineAt = (pos: number, lineNo: number): { text: string; at: number; next: number } | null => {
    while (pos < bytes.length) {
      const at = pos;
      let end = bytes.indexOf(0x0a, pos);
      if (end < 0) end = bytes.length;
      pos = end + 1;
      lineNo++;
      let text: string;
      try {
        text = decoder.decode(bytes.subarray(at, end));
      } catch {
        throw new TraceFormatError(`line ${lineNo} is not valid UTF-8`, at);
      }
      if (text.trim() === '') continue;
      return { text, at, next: pos };
    }
    return null;
  };
  const first = lineAt(0, 0);
  if (!first) throw new TraceFormatError('the file is empty: not a pymem trace', 0);
  const header = readHeaderLine(first.text.replace(/^\uFEFF/, ''), first.at);
  return {
    header,
    events: {
      *[Symbol.iterator]() {
        let pos = first.next;
        let lineNo = 1;
        for (;;) {
          const line = lineAt(pos, lineNo);
          if (!line) return;
          pos = line.next;
          lineNo++;
          let v: unknown;
          try {
            v = JSON.parse(line.text);
          } catch {
            throw new TraceFormatError(`line ${lineNo} is not JSON (truncated or corrupt)`, line.at);
          }
          yield checkEvent(v, lineNo, line.at);
        }
      },
    },
  };
}

/** Reads and checks the header line of a JSON-lines trace. */
export function readHeaderLine(text: string, at = 0): TraceHeader {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new TraceFormatError('not a pymem trace: the first line is not JSON', at);
  }
  const h = v as Record<string, unknown>;
  if (typeof h !== 'object' || h === null || h['format'] !== JSONL_FORMAT) {
    throw new TraceFormatError(`not a pymem trace: the first line has no "format": "${JSONL_FORMAT}"`, at);
  }
  if (h['schemaVersion'] !== SCHEMA_VERSION) {
    throw new TraceFormatError(`the trace has schema version ${JSON.stringify(h['schemaVersion'])}; this reader reads version ${SCHEMA_VERSION}`, at);
  }
  for (const k of ['profile', 'path', 'source'] as const) {
    if (typeof h[k] !== 'string') throw new TraceFormatError(`the header's "${k}" is not a string`, at);
  }
  return { schemaVersion: SCHEMA_VERSION, profile: h['profile'] as string, path: h['path'] as string, source: h['source'] as string };
}

/** Checks that a parsed line is a well-formed event. */
function checkEvent(v: unknown, lineNo: number, at: number): TraceEvent {
  const bad = (what: string): never => {
    throw new TraceFormatError(`line ${lineNo}: ${what}`, at);
  };
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad('not a JSON object');
  const o = v as Record<string, unknown>;
  const kind = o['kind'];
  if (typeof kind !== 'string' || !KINDS.has(kind)) bad(`unknown event kind ${JSON.stringify(kind)}`);
  const int = (k: string, optional = false): void => {
    if (optional && o[k] === undefined) return;
    if (!isInt(o[k])) bad(`${kind}: "${k}" is not an integer`);
  };
  const nat = (k: string, optional = false): void => {
    int(k, optional);
    if (o[k] !== undefined && (o[k] as number) < 0) bad(`${kind}: "${k}" is negative`);
  };
  const str = (k: string, optional = false): void => {
    if (optional && o[k] === undefined) return;
    if (typeof o[k] !== 'string') bad(`${kind}: "${k}" is not a string`);
  };
  const e = o as unknown as TraceEvent;
  switch (e.kind) {
    case 'alloc':
      nat('id'); str('type'); nat('size'); str('summary');
      break;
    case 'incref':
    case 'decref':
      nat('id'); nat('refcnt'); nat('owner', true); str('slot', true);
      break;
    case 'refcnt-set':
      nat('id'); nat('refcnt');
      break;
    case 'edge-add':
    case 'edge-remove':
      nat('owner'); nat('target');
      break;
    case 'dealloc':
    case 'finalize':
      nat('id');
      break;
    case 'weakref-cleared':
      nat('weakref'); nat('target');
      if (typeof o['callback'] !== 'boolean') bad(`${kind}: "callback" is not a boolean`);
      break;
    case 'weakref-callback':
      nat('weakref');
      break;
    case 'track':
    case 'untrack':
    case 'generation':
      nat('id'); int('generation');
      break;
    case 'gc-start':
    case 'gc-phase':
    case 'gc-end': {
      int('generation'); str('phase', true); nat('collected', true); nat('uncollectable', true);
      const objs = o['objects'];
      if (objs !== undefined) {
        if (!Array.isArray(objs)) bad(`${kind}: "objects" is not an array`);
        for (const x of objs as unknown[]) {
          const p = x as Record<string, unknown>;
          if (typeof p !== 'object' || p === null || !isInt(p['id']) || (p['id'] as number) < 0 || (p['gc_refs'] !== undefined && !isInt(p['gc_refs']))) bad(`${kind}: a bad entry in "objects"`);
        }
      }
      break;
    }
    case 'frame-push':
    case 'frame-pop':
      nat('depth'); str('name'); nat('line', true);
      break;
    case 'bind':
    case 'unbind':
      nat('depth'); str('name'); nat('id', true);
      if (o['scope'] !== 'local' && o['scope'] !== 'global') bad(`${kind}: "scope" is neither "local" nor "global"`);
      break;
    case 'stack-take':
    case 'stack-release':
      nat('depth'); nat('id');
      break;
    case 'line':
      nat('line');
      break;
    case 'output':
      str('text');
      if (o['stream'] !== 'stdout' && o['stream'] !== 'stderr') bad(`${kind}: "stream" is neither "stdout" nor "stderr"`);
      break;
  }
  return e;
}
