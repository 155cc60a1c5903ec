/**
 * The binary encoding (`.pymemtrace`): compact, streaming, seekable.
 *
 *   file     = MAGIC  u(schemaVersion)  str(profile)  str(path)  str(source)  record*  END u(eventCount)
 *   record   = tag fields…                  one event
 *            | KEYFRAME u(length) body      the full state at a step (see encodeKeyframe)
 *
 * Integers are LEB128 varints. Step numbers are implicit (one record, one
 * event). Addresses go through a small cache of recent addresses, indexed by
 * a hash of the address: one that is in it is written as its slot (one
 * byte); any other as the zigzag difference from the previous address
 * written, offset past the slots. An `incref`/`decref` whose count is the
 * previous count ± 1 (the usual case) of a cached address is one byte: the
 * tag carries the slot. An allocation's type and size are one entry of a
 * table of shapes, its summary is coded against its type (`int 1000` is the
 * integer, `list len 3` the length). Strings other than output go through a
 * string table: the first time as `u(0) str`, after that as `u(index + 1)`.
 * Lines are differences from the previous line. A keyframe resets all of
 * these, so decoding can start at any keyframe.
 *
 * The writer never holds the trace: it keeps the current state (the size of
 * the live heap, for the keyframes) and a buffer it flushes every 64 KiB.
 */
import { ByteReader, ByteWriter, zigzag, unzigzag } from './bytes';
import { EVENT_KINDS, SCHEMA_VERSION, type PhaseObject, type TraceEvent, type TraceHeader, type TraceSink } from './events';
import { TraceState } from './state';
import { AddressMap } from './tables';

/** The first 8 bytes of every binary trace. */
export const MAGIC = Uint8Array.of(0x89, 0x50, 0x59, 0x4d, 0x54, 0x52, 0x0d, 0x0a); // \x89 P Y M T R \r \n

const TAG: Record<TraceEvent['kind'], number> = Object.fromEntries(EVENT_KINDS.map((k, i) => [k, i + 1])) as Record<TraceEvent['kind'], number>;
/** incref/decref with an explicit count, owner or slot. */
const TAG_REF_FULL = 0x40;
/** incref (0x80 | slot) or decref (0xc0 | slot) of a cached address, count ± 1. */
const TAG_REF_CACHED = 0x80;
const TAG_DECREF_BIT = 0x40;
const TAG_KEYFRAME = 0x7e;
const TAG_END = 0x7f;
/** Strings longer than this are written inline, never added to the table. */
const MAX_TABLED_LENGTH = 64;
const MAX_TABLE_SIZE = 1 << 16;
/** Slots of the address cache (a power of two; a slot fits in the low bits of a cached-reference tag). */
const CACHE_SLOTS = 64;
/** The default of BinaryWriterOptions.keyframeInterval. */
const KEYFRAME_INTERVAL = 32768;
/** Keyframes wait for this many events per entry of the state, so a big heap's keyframes stay a small part of the file. */
const EVENTS_PER_STATE_ENTRY = 8;

/** The cache slot of an address: the high bits of a multiplicative hash (addresses are 8- or 16-byte aligned). */
function slotOf(id: number): number {
  return Math.imul(id >>> 3, 0x9e3779b1) >>> 26;
}

/** How an allocation's summary is written against its type (the low 3 bits of the shape field). */
const enum SummaryCode {
  /** The summary is the type name. */
  Type = 0,
  /** `<type> <integer>`: s(integer). */
  Integer = 1,
  /** `<type> len <n>`: u(n). */
  Length = 2,
  /** `<type> <rest>`: str(rest). */
  Rest = 3,
  /** Anything else: str(summary). */
  Other = 4,
}
const INTEGER = /^-?[1-9][0-9]{0,14}$|^0$/;

/**
 * What encoder and decoder both track between keyframes: the previous
 * address and line, and the address cache.
 */
class CodecContext {
  lastId = 0;
  lastLine = 0;
  readonly cache = new Float64Array(CACHE_SLOTS).fill(-1);

  reset(): void {
    this.lastId = 0;
    this.lastLine = 0;
    this.cache.fill(-1);
  }
}
const FLUSH_AT = 1 << 16;

/** Options of a binary writer. */
export interface BinaryWriterOptions {
  /**
   * Events between keyframes. By default a keyframe follows at least 32768
   * events and eight events per entry of the state, so keyframes of a large
   * heap cost about a byte an event; `openTrace` adds keyframes of its own in
   * memory where these are sparse. Given, it is the exact interval (tests).
   */
  keyframeInterval?: number;
}

/** Writes a trace in the binary encoding, chunk by chunk, to `out`. */
export class BinaryTraceWriter implements TraceSink {
  private w = new ByteWriter(FLUSH_AT + 1024);
  private readonly state = new TraceState();
  private readonly table = new Map<string, number>();
  /** Allocation shapes: type → size → index. */
  private readonly shapes = new Map<string, Map<number, number>>();
  /** Shapes in `shapes`. */
  private shapeCount = 0;
  private readonly ctx = new CodecContext();
  private sinceKeyframe = 0;
  private readonly interval: number;
  private readonly perEntry: number;
  private closed = false;
  /** Bytes handed to `out` so far. */
  bytesWritten = 0;

  constructor(
    header: TraceHeader,
    private readonly out: (chunk: Uint8Array) => void,
    options: BinaryWriterOptions = {},
  ) {
    this.interval = Math.max(1, options.keyframeInterval ?? KEYFRAME_INTERVAL);
    this.perEntry = options.keyframeInterval === undefined ? EVENTS_PER_STATE_ENTRY : 0;
    const w = this.w;
    w.bytes(MAGIC);
    w.u(header.schemaVersion);
    w.str(header.profile);
    w.str(header.path);
    w.str(header.source);
  }

  /** Events written so far. */
  get eventCount(): number {
    return this.state.step;
  }

  event(e: TraceEvent): void {
    this.beginRecord();
    this.encode(e);
    this.state.apply(e);
    if (this.w.pos >= FLUSH_AT) this.flush();
  }

  /** `event({ kind, id, refcnt })`, encoded as `encode` does, without the event object. */
  ref(kind: 'incref' | 'decref', id: number, refcnt: number): void {
    this.beginRecord();
    // One lookup: the state changes first and tells the count before, which the encoding needs.
    this.encodeRef(kind, id, refcnt, this.state.applyRefcnt(id, refcnt), undefined, undefined);
    if (this.w.pos >= FLUSH_AT) this.flush();
  }

  /** `event({ kind, owner, target })`, encoded as `encode` does, without the event object. */
  edge(kind: 'edge-add' | 'edge-remove', owner: number, target: number): void {
    this.beginRecord();
    this.w.byte(TAG[kind]);
    this.id(owner);
    this.id(target);
    this.state.applyEdge(kind, owner, target);
    if (this.w.pos >= FLUSH_AT) this.flush();
  }

  /** `event({ kind, depth, id })`, encoded as `encode` does, without the event object. */
  stack(kind: 'stack-take' | 'stack-release', depth: number, id: number): void {
    this.beginRecord();
    this.w.byte(TAG[kind]);
    this.w.u(depth);
    this.id(id);
    this.state.applyStack(kind, depth, id);
    if (this.w.pos >= FLUSH_AT) this.flush();
  }

  /** `event({ kind: 'line', line })`, encoded as `encode` does, without the event object. */
  line(line: number): void {
    this.beginRecord();
    this.encodeLine(line);
    this.state.applyLine(line);
    if (this.w.pos >= FLUSH_AT) this.flush();
  }

  /** `event({ kind: 'alloc', id, type, size, summary })`, encoded as `encode` does, without the event object. */
  alloc(id: number, type: string, size: number, summary: string): void {
    this.beginRecord();
    this.encodeAlloc(id, type, size, summary);
    this.state.applyAlloc(id, type, size, summary);
    if (this.w.pos >= FLUSH_AT) this.flush();
  }

  /** `event({ kind: 'dealloc', id })`, encoded as `encode` does, without the event object. */
  dealloc(id: number): void {
    this.beginRecord();
    this.w.byte(TAG.dealloc);
    this.id(id);
    this.state.applyDealloc(id);
    if (this.w.pos >= FLUSH_AT) this.flush();
  }

  /** `event({ kind, id, generation })`, encoded as `encode` does, without the event object. */
  track(kind: 'track' | 'untrack', id: number, generation: number): void {
    this.beginRecord();
    this.w.byte(TAG[kind]);
    this.id(id);
    this.w.s(generation);
    this.state.applyTrack(kind, id, generation);
    if (this.w.pos >= FLUSH_AT) this.flush();
  }

  /** `event({ kind, depth, name, line })`, encoded as `encode` does, without the event object. */
  frame(kind: 'frame-push' | 'frame-pop', depth: number, name: string, line: number | undefined): void {
    this.beginRecord();
    this.encodeFrame(kind, depth, name, line);
    this.state.applyFrame(kind, depth, name, line);
    if (this.w.pos >= FLUSH_AT) this.flush();
  }

  /** `event({ kind, scope, depth, name, id })`, encoded as `encode` does, without the event object. */
  bind(kind: 'bind' | 'unbind', scope: 'local' | 'global', depth: number, name: string, id: number | undefined): void {
    this.beginRecord();
    this.encodeBind(kind, scope, depth, name, id);
    this.state.applyBind(kind, scope, depth, name, id);
    if (this.w.pos >= FLUSH_AT) this.flush();
  }

  /** Before each record: a keyframe when one is due. */
  private beginRecord(): void {
    if (this.closed) throw new Error('the trace writer is closed');
    const st = this.state;
    if (this.sinceKeyframe >= this.interval && this.sinceKeyframe >= this.perEntry * (st.objects.size + st.edgeCount + st.globals.size)) this.writeKeyframe();
    this.sinceKeyframe++;
  }

  /** Writes the end record and hands over the last bytes. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.w.byte(TAG_END);
    this.w.u(this.state.step);
    this.flush();
  }

  private flush(): void {
    if (this.w.pos === 0) return;
    const chunk = this.w.view().slice();
    this.bytesWritten += chunk.length;
    this.w.reset();
    this.out(chunk);
  }

  /** An address: its cache slot, or past the slots the difference from the previous one. */
  private id(n: number): void {
    const ctx = this.ctx;
    const slot = slotOf(n);
    if (ctx.cache[slot] === n) this.w.u(slot);
    else {
      this.w.u(CACHE_SLOTS + zigzag(n - ctx.lastId));
      ctx.cache[slot] = n;
    }
    ctx.lastId = n;
  }

  private str(s: string): void {
    const i = this.table.get(s);
    if (i !== undefined) {
      this.w.u(i + 1);
      return;
    }
    this.w.u(0);
    this.w.str(s);
    if (s.length <= MAX_TABLED_LENGTH && this.table.size < MAX_TABLE_SIZE) this.table.set(s, this.table.size);
  }

  private encode(e: TraceEvent): void {
    const w = this.w;
    switch (e.kind) {
      case 'alloc':
        this.encodeAlloc(e.id, e.type, e.size, e.summary);
        return;
      case 'incref':
      case 'decref':
        this.encodeRef(e.kind, e.id, e.refcnt, this.state.objects.get(e.id)?.refcnt, e.owner, e.slot);
        return;
      case 'refcnt-set':
        w.byte(TAG[e.kind]);
        this.id(e.id);
        w.u(e.refcnt);
        return;
      case 'edge-add':
      case 'edge-remove':
        w.byte(TAG[e.kind]);
        this.id(e.owner);
        this.id(e.target);
        return;
      case 'dealloc':
      case 'finalize':
        w.byte(TAG[e.kind]);
        this.id(e.id);
        return;
      case 'weakref-cleared':
        w.byte(TAG[e.kind]);
        this.id(e.weakref);
        this.id(e.target);
        w.byte(e.callback ? 1 : 0);
        return;
      case 'weakref-callback':
        w.byte(TAG[e.kind]);
        this.id(e.weakref);
        return;
      case 'track':
      case 'untrack':
      case 'generation':
        w.byte(TAG[e.kind]);
        this.id(e.id);
        w.s(e.generation);
        return;
      case 'gc-start':
      case 'gc-phase':
      case 'gc-end': {
        w.byte(TAG[e.kind]);
        w.s(e.generation);
        const flags = (e.phase !== undefined ? 1 : 0) | (e.objects !== undefined ? 2 : 0) | (e.collected !== undefined ? 4 : 0) | (e.uncollectable !== undefined ? 8 : 0);
        w.u(flags);
        if (e.phase !== undefined) this.str(e.phase);
        if (e.objects !== undefined) {
          w.u(e.objects.length);
          for (const o of e.objects) {
            this.id(o.id);
            w.u(o.gc_refs === undefined ? 0 : 1 + (o.gc_refs >= 0 ? o.gc_refs * 2 : -o.gc_refs * 2 - 1));
          }
        }
        if (e.collected !== undefined) w.u(e.collected);
        if (e.uncollectable !== undefined) w.u(e.uncollectable);
        return;
      }
      case 'frame-push':
      case 'frame-pop':
        this.encodeFrame(e.kind, e.depth, e.name, e.line);
        return;
      case 'bind':
      case 'unbind':
        this.encodeBind(e.kind, e.scope, e.depth, e.name, e.id);
        return;
      case 'stack-take':
      case 'stack-release':
        w.byte(TAG[e.kind]);
        w.u(e.depth);
        this.id(e.id);
        return;
      case 'line':
        this.encodeLine(e.line);
        return;
      case 'output':
        w.byte(TAG.output);
        w.byte(e.stream === 'stdout' ? 0 : 1);
        w.str(e.text);
        return;
    }
  }

  private encodeAlloc(id: number, type: string, size: number, summary: string): void {
    const w = this.w;
    w.byte(TAG.alloc);
    this.id(id);
    const sizes = this.shapes.get(type);
    const shape = sizes?.get(size);
    let code = SummaryCode.Other;
    let rest = '';
    if (summary === type) code = SummaryCode.Type;
    else if (summary.length > type.length + 1 && summary.startsWith(type) && summary.charCodeAt(type.length) === 0x20) {
      rest = summary.slice(type.length + 1);
      code = INTEGER.test(rest) ? SummaryCode.Integer : rest.startsWith('len ') && INTEGER.test(rest.slice(4)) && rest[4] !== '-' ? SummaryCode.Length : SummaryCode.Rest;
    }
    w.u((shape === undefined ? 0 : shape + 1) * 8 + code);
    if (shape === undefined) {
      this.str(type);
      w.u(size);
      if (sizes) sizes.set(size, this.shapeCount);
      else this.shapes.set(type, new Map([[size, this.shapeCount]]));
      this.shapeCount++;
    }
    if (code === SummaryCode.Integer) w.s(Number(rest));
    else if (code === SummaryCode.Length) w.u(Number(rest.slice(4)));
    else if (code === SummaryCode.Rest) this.str(rest);
    else if (code === SummaryCode.Other) this.str(summary);
  }

  private encodeFrame(kind: 'frame-push' | 'frame-pop', depth: number, name: string, line: number | undefined): void {
    const w = this.w;
    w.byte(TAG[kind]);
    w.u(depth);
    this.str(name);
    w.u(line === undefined ? 0 : line + 1);
  }

  private encodeBind(kind: 'bind' | 'unbind', scope: 'local' | 'global', depth: number, name: string, id: number | undefined): void {
    const w = this.w;
    w.byte(TAG[kind]);
    w.u(depth * 4 + ((scope === 'global' ? 1 : 0) | (id !== undefined ? 2 : 0)));
    this.str(name);
    if (id !== undefined) this.id(id);
  }

  private encodeLine(line: number): void {
    this.w.byte(TAG.line);
    this.w.s(line - this.ctx.lastLine);
    this.ctx.lastLine = line;
  }

  /** An incref or decref; `known` is the count the trace gave the object before it (undefined if none). */
  private encodeRef(kind: 'incref' | 'decref', id: number, refcnt: number, known: number | undefined, owner: number | undefined, slot: string | undefined): void {
    const w = this.w;
    const implicit = known !== undefined && refcnt === known + (kind === 'incref' ? 1 : -1) && owner === undefined && slot === undefined;
    if (implicit) {
      const cached = slotOf(id);
      if (this.ctx.cache[cached] === id) {
        w.byte(TAG_REF_CACHED | (kind === 'decref' ? TAG_DECREF_BIT : 0) | cached);
        this.ctx.lastId = id;
        return;
      }
      w.byte(TAG[kind]);
      this.id(id);
      return;
    }
    w.byte(TAG_REF_FULL);
    w.u((kind === 'decref' ? 1 : 0) | (owner !== undefined ? 2 : 0) | (slot !== undefined ? 4 : 0));
    this.id(id);
    w.u(refcnt);
    if (owner !== undefined) this.id(owner);
    if (slot !== undefined) this.str(slot);
  }

  /** A keyframe (see encodeKeyframe); the events after it start from fresh tables. */
  private writeKeyframe(): void {
    this.sinceKeyframe = 0;
    const body = encodeKeyframe(this.state);
    const w = this.w;
    w.byte(TAG_KEYFRAME);
    w.u(body.length);
    w.bytes(body);
    this.table.clear();
    this.shapes.clear();
    this.shapeCount = 0;
    this.ctx.reset();
  }
}

/**
 * The body of a keyframe: the full state at a step. Fields: step, frames
 * (depth, name, line, locals, value stack), globals, objects (address, type, size,
 * summary, refcnt, flags, generation, allocStep), edges (owner, targets),
 * the collection in progress. Strings go through a table of its own and
 * addresses are differences from the previous one, so a keyframe decodes
 * alone.
 */
export function encodeKeyframe(st: TraceState): Uint8Array {
  const body = new ByteWriter(1024 + st.objects.size * 16 + st.edgeCount * 3);
  const table = new Map<string, number>();
  let lastId = 0;
  const str = (s: string): void => {
    const i = table.get(s);
    if (i !== undefined) return body.u(i + 1);
    body.u(0);
    body.str(s);
    if (s.length <= MAX_TABLED_LENGTH && table.size < MAX_TABLE_SIZE) table.set(s, table.size);
  };
  const id = (n: number): void => {
    body.s(n - lastId);
    lastId = n;
  };
  body.u(st.step);
  body.u(st.frames.length);
  for (const f of st.frames) {
    body.u(f.depth);
    str(f.name);
    body.u(f.line);
    body.u(f.locals.size);
    for (const [name, v] of f.locals) {
      str(name);
      id(v);
    }
    body.u(f.stack.length);
    for (const v of f.stack) id(v);
  }
  body.u(st.globals.size);
  for (const [name, v] of st.globals) {
    str(name);
    id(v);
  }
  body.u(st.objects.size);
  for (const o of st.objects.values()) {
    id(o.id);
    str(o.type);
    body.u(o.size);
    str(o.summary);
    body.u(o.refcnt);
    body.u((o.tracked ? 1 : 0) | (o.finalized ? 2 : 0));
    body.s(o.generation);
    body.u(o.allocStep);
  }
  body.u(st.edges.size);
  for (const [owner, targets] of st.edges) {
    id(owner);
    body.u(targets.length);
    for (const t of targets) id(t);
  }
  if (st.collecting) {
    body.u(1);
    body.s(st.collecting.generation);
    if (st.collecting.phase === null) body.u(0);
    else {
      body.u(1);
      str(st.collecting.phase);
    }
  } else body.u(0);
  return body.view().slice();
}

/** Decodes a keyframe body (encodeKeyframe) from `r`, which ends where the body does. */
export function decodeKeyframe(r: ByteReader): TraceState {
  const table: string[] = [];
  let lastId = 0;
  const str = (): string => {
    const at = r.pos;
    const ref = r.u();
    if (ref === 0) {
      const s = r.str();
      if (s.length <= MAX_TABLED_LENGTH && table.length < MAX_TABLE_SIZE) table.push(s);
      return s;
    }
    const s = table[ref - 1];
    if (s === undefined) r.fail(`a string reference (${ref}) points past the string table (corrupt data)`, at);
    return s;
  };
  const id = (): number => {
    lastId += r.s();
    if (!Number.isSafeInteger(lastId)) r.fail('an object address is out of range (corrupt data)');
    return lastId;
  };
  const st = new TraceState();
  st.step = r.u();
  const nframes = r.count('a keyframe frame list');
  for (let i = 0; i < nframes; i++) {
    const depth = r.u();
    const name = str();
    const line = r.u();
    const locals = new Map<string, number>();
    const nl = r.count('a frame binding list');
    for (let j = 0; j < nl; j++) {
      const k = str();
      locals.set(k, id());
    }
    const stack: number[] = [];
    const ns = r.count('a frame value stack');
    for (let j = 0; j < ns; j++) stack.push(id());
    st.frames.push({ depth, name, line, locals, stack });
  }
  const ng = r.count('a keyframe globals list');
  for (let i = 0; i < ng; i++) {
    const k = str();
    st.globals.set(k, id());
  }
  const no = r.count('a keyframe object list');
  for (let i = 0; i < no; i++) {
    const oid = id();
    const type = str();
    const size = r.u();
    const summary = str();
    const refcnt = r.u();
    const flags = r.u();
    const generation = r.s();
    const allocStep = r.u();
    st.objects.set(oid, { id: oid, type, size, summary, refcnt, tracked: (flags & 1) !== 0, finalized: (flags & 2) !== 0, generation, allocStep });
  }
  const ne = r.count('a keyframe edge list');
  for (let i = 0; i < ne; i++) {
    const owner = id();
    const nt = r.count('an edge list');
    const targets: number[] = [];
    for (let j = 0; j < nt; j++) targets.push(id());
    st.edges.set(owner, targets);
    st.edgeCount += nt;
  }
  if (r.u() === 1) {
    const generation = r.s();
    st.collecting = { generation, phase: r.u() === 1 ? str() : null };
  }
  if (r.pos !== r.end) r.fail('a keyframe is longer or shorter than its length says (corrupt data)');
  return st;
}

/** The state held by the keyframe record whose tag byte is at `offset` (one BinaryCursor reported). */
export function keyframeAt(bytes: Uint8Array, offset: number): TraceState {
  const r = new ByteReader(bytes, offset + 1);
  const n = r.u();
  return decodeKeyframe(new ByteReader(bytes, r.pos, r.pos + n));
}

/** Reads a binary trace's header; the cursor is left at the first record. */
export function readBinaryHeader(bytes: Uint8Array): { header: TraceHeader; start: number } {
  const r = new ByteReader(bytes);
  for (let i = 0; i < MAGIC.length; i++) {
    if (r.remaining === 0) r.fail('the file ends inside the pymemtrace signature (truncated file)');
    if (r.byte() !== MAGIC[i]) r.fail('not a pymem trace: the pymemtrace signature is missing', i);
  }
  const at = r.pos;
  const schemaVersion = r.u();
  if (schemaVersion !== SCHEMA_VERSION) {
    r.fail(`the trace has schema version ${schemaVersion}; this reader reads version ${SCHEMA_VERSION}`, at);
  }
  const profile = r.str();
  const path = r.str();
  const source = r.str();
  return { header: { schemaVersion, profile, path, source }, start: r.pos };
}

/** Where a keyframe is and which step it holds. */
export interface KeyframeRef {
  readonly step: number;
  /** Offset of the keyframe's tag byte. */
  readonly offset: number;
}

/** An allocation shape: a type and a size. */
interface Shape {
  readonly type: string;
  readonly size: number;
}

/**
 * Where a cursor stands between two records, with what it needs to go on
 * from there: `openTrace` keeps these with its in-memory keyframes. The
 * tables are shared with the cursor (they only grow until a keyframe, which
 * starts new ones), so a position costs little more than its cache.
 */
export interface CursorPosition {
  /** Offset of the next record. */
  readonly offset: number;
  readonly step: number;
  readonly table: readonly string[];
  readonly tableLength: number;
  readonly shapes: readonly Shape[];
  readonly shapesLength: number;
  readonly lastId: number;
  readonly lastLine: number;
  readonly cache: Float64Array;
}

/**
 * Decodes the records of a binary trace one by one. `next()` returns the
 * next event, or null at the end record; keyframes met on the way are
 * reported to `onKeyframe` and skipped.
 */
export class BinaryCursor {
  readonly r: ByteReader;
  private table: string[] = [];
  private shapes: Shape[] = [];
  private readonly ctx = new CodecContext();
  /** The counts the implicit incref/decref encoding is relative to, while no state is replayed alongside. */
  private readonly refcnts = new AddressMap<number>();
  /** The state the reader applies each event to before it asks for the next (see `replayInto`). */
  private replayed: TraceState | null = null;
  /** Events decoded since the start (or the keyframe's step when started there). */
  step = 0;
  /** The event count of the end record, once it is read. */
  endCount: number | null = null;
  /** Offset of the record being decoded. */
  recordOffset = 0;
  onKeyframe: ((k: KeyframeRef) => void) | null = null;

  constructor(bytes: Uint8Array, start: number) {
    this.r = new ByteReader(bytes, start);
  }

  /** The next record is a keyframe (which starts new tables). */
  atKeyframe(): boolean {
    const r = this.r;
    return r.pos < r.end && r.buf[r.pos] === TAG_KEYFRAME;
  }

  /** Where the cursor stands (between records). */
  position(): CursorPosition {
    const ctx = this.ctx;
    // Before a keyframe the tables are about to be dropped: holding on to them would keep every segment's strings alive.
    if (this.atKeyframe()) return { offset: this.r.pos, step: this.step, table: [], tableLength: 0, shapes: [], shapesLength: 0, lastId: 0, lastLine: 0, cache: new Float64Array(CACHE_SLOTS).fill(-1) };
    return { offset: this.r.pos, step: this.step, table: this.table, tableLength: this.table.length, shapes: this.shapes, shapesLength: this.shapes.length, lastId: ctx.lastId, lastLine: ctx.lastLine, cache: ctx.cache.slice() };
  }

  /** Goes on from `p`, where the state was `state` (see `replayInto`). */
  resume(p: CursorPosition, state: TraceState): void {
    this.r.pos = p.offset;
    this.step = p.step;
    this.endCount = null;
    this.table = p.table.slice(0, p.tableLength);
    this.shapes = p.shapes.slice(0, p.shapesLength);
    this.ctx.lastId = p.lastId;
    this.ctx.lastLine = p.lastLine;
    this.ctx.cache.set(p.cache);
    this.replayInto(state);
  }

  /**
   * The caller applies each event to `state` before it asks for the next, so
   * the implied counts are read from the state's objects instead of a tally
   * of the cursor's own (one map fewer to keep, and nothing to rebuild on resume).
   */
  replayInto(state: TraceState): void {
    this.replayed = state;
    this.refcnts.clear();
  }

  private id(): number {
    const r = this.r;
    const at = r.pos;
    const v = r.u();
    const ctx = this.ctx;
    if (v < CACHE_SLOTS) {
      const n = ctx.cache[v]!;
      if (n < 0) r.fail(`an address refers to empty slot ${v} of the address cache (corrupt data)`, at);
      ctx.lastId = n;
      return n;
    }
    const n = ctx.lastId + unzigzag(v - CACHE_SLOTS);
    if (!(n >= 0 && Number.isSafeInteger(n))) r.fail('an object address is out of range (corrupt data)', at);
    ctx.cache[slotOf(n)] = n;
    ctx.lastId = n;
    return n;
  }

  private str(): string {
    const r = this.r;
    const at = r.pos;
    const ref = r.u();
    if (ref === 0) {
      const s = r.str();
      if (s.length <= MAX_TABLED_LENGTH && this.table.length < MAX_TABLE_SIZE) this.table.push(s);
      return s;
    }
    const s = this.table[ref - 1];
    if (s === undefined) r.fail(`a string reference (${ref}) points past the string table (corrupt data)`, at);
    return s;
  }

  /** The next event; null after the end record. */
  next(): TraceEvent | null {
    const r = this.r;
    for (;;) {
      if (this.endCount !== null) return null;
      this.recordOffset = r.pos;
      if (r.remaining === 0) r.fail(`the trace ends after ${this.step} events without its end record (truncated file)`);
      const tag = r.byte();
      if (tag === TAG_KEYFRAME) {
        const at = r.pos;
        const n = r.u();
        if (n > r.remaining) r.fail(`a keyframe claims ${n} bytes but only ${r.remaining} remain (truncated or corrupt)`, at);
        // Only its step is needed when reading straight through.
        const step = new ByteReader(r.buf, r.pos, r.pos + n).u();
        if (step !== this.step) r.fail(`a keyframe says it is at step ${step} but ${this.step} events precede it (corrupt data)`, at);
        this.onKeyframe?.({ step, offset: this.recordOffset });
        r.pos += n;
        this.resetTables();
        continue;
      }
      if (tag === TAG_END) {
        const at = r.pos;
        const count = r.u();
        if (count !== this.step) r.fail(`the end record counts ${count} events but the trace has ${this.step} (corrupt data)`, at);
        if (r.remaining !== 0) r.fail(`${r.remaining} unexpected bytes after the end record`);
        this.endCount = count;
        return null;
      }
      const e = this.decode(tag);
      this.step++;
      if (this.replayed === null) this.track(e);
      return e;
    }
  }

  private resetTables(): void {
    // New arrays, not cleared ones: positions taken before share the old.
    this.table = [];
    this.shapes = [];
    this.ctx.reset();
  }

  /** Mirrors TraceState.apply for the counts alone. */
  private track(e: TraceEvent): void {
    switch (e.kind) {
      case 'alloc':
        this.refcnts.set(e.id, 1);
        return;
      case 'incref':
      case 'decref':
      case 'refcnt-set':
        if (this.refcnts.has(e.id)) this.refcnts.set(e.id, e.refcnt);
        return;
      case 'dealloc':
        this.refcnts.delete(e.id);
        return;
      default:
        return;
    }
  }

  /** An incref/decref with the count implied: the previous count ± 1. */
  private implied(kind: 'incref' | 'decref', id: number): TraceEvent {
    const known = this.replayed === null ? this.refcnts.get(id) : this.replayed.objects.get(id)?.refcnt;
    if (known === undefined) return this.r.fail(`a ${kind} of an object the trace never allocated, with an implied count (corrupt data)`, this.recordOffset);
    return { kind, id, refcnt: known + (kind === 'incref' ? 1 : -1) };
  }

  private decode(tag: number): TraceEvent {
    const r = this.r;
    if (tag >= TAG_REF_CACHED) {
      const slot = tag & (CACHE_SLOTS - 1);
      const id = this.ctx.cache[slot]!;
      if (id < 0) r.fail(`a reference record names empty slot ${slot} of the address cache (corrupt data)`, this.recordOffset);
      this.ctx.lastId = id;
      return this.implied(tag & TAG_DECREF_BIT ? 'decref' : 'incref', id);
    }
    if (tag === TAG_REF_FULL) {
      const flags = r.u();
      if (flags > 7) r.fail(`bad flags ${flags} in a reference record (corrupt data)`, this.recordOffset + 1);
      const id = this.id();
      const refcnt = r.u();
      const owner = flags & 2 ? this.id() : undefined;
      const slot = flags & 4 ? this.str() : undefined;
      const kind = flags & 1 ? 'decref' : 'incref';
      return owner === undefined ? (slot === undefined ? { kind, id, refcnt } : { kind, id, refcnt, slot }) : slot === undefined ? { kind, id, refcnt, owner } : { kind, id, refcnt, owner, slot };
    }
    const kind = EVENT_KINDS[tag - 1];
    if (kind === undefined) r.fail(`unknown record tag 0x${tag.toString(16)} (corrupt data, or a trace from a newer pymem)`, this.recordOffset);
    switch (kind) {
      case 'alloc': {
        const id = this.id();
        const at = r.pos;
        const v = r.u();
        const code = v % 8;
        const ref = (v - code) / 8;
        let shape: Shape;
        if (ref === 0) {
          shape = { type: this.str(), size: r.u() };
          this.shapes.push(shape);
        } else {
          const known = this.shapes[ref - 1];
          if (known === undefined) r.fail(`an allocation shape reference (${ref}) points past the shape table (corrupt data)`, at);
          shape = known;
        }
        const { type, size } = shape;
        let summary: string;
        switch (code) {
          case SummaryCode.Type:
            summary = type;
            break;
          case SummaryCode.Integer:
            summary = `${type} ${r.s()}`;
            break;
          case SummaryCode.Length:
            summary = `${type} len ${r.u()}`;
            break;
          case SummaryCode.Rest:
            summary = `${type} ${this.str()}`;
            break;
          case SummaryCode.Other:
            summary = this.str();
            break;
          default:
            return r.fail(`bad summary code ${code} in an alloc record (corrupt data)`, at);
        }
        return { kind, id, type, size, summary };
      }
      case 'incref':
      case 'decref':
        return this.implied(kind, this.id());
      case 'refcnt-set': {
        const id = this.id();
        return { kind, id, refcnt: r.u() };
      }
      case 'edge-add':
      case 'edge-remove': {
        const owner = this.id();
        return { kind, owner, target: this.id() };
      }
      case 'dealloc':
      case 'finalize':
        return { kind, id: this.id() };
      case 'weakref-cleared': {
        const weakref = this.id();
        const target = this.id();
        const cb = r.byte();
        if (cb > 1) r.fail('bad callback flag in a weakref-cleared record (corrupt data)', r.pos - 1);
        return { kind, weakref, target, callback: cb === 1 };
      }
      case 'weakref-callback':
        return { kind, weakref: this.id() };
      case 'track':
      case 'untrack':
      case 'generation': {
        const id = this.id();
        return { kind, id, generation: r.s() };
      }
      case 'gc-start':
      case 'gc-phase':
      case 'gc-end': {
        const generation = r.s();
        const flagsAt = r.pos;
        const flags = r.u();
        if (flags > 15) r.fail(`bad flags ${flags} in a ${kind} record (corrupt data)`, flagsAt);
        const e: { kind: typeof kind; generation: number; phase?: string; objects?: PhaseObject[]; collected?: number; uncollectable?: number } = { kind, generation };
        if (flags & 1) e.phase = this.str();
        if (flags & 2) {
          const n = r.count(`a ${kind} record's object list`);
          const objects: PhaseObject[] = [];
          for (let i = 0; i < n; i++) {
            const id = this.id();
            const refs = r.u();
            objects.push(refs === 0 ? { id } : { id, gc_refs: (refs - 1) % 2 === 0 ? (refs - 1) / 2 : -refs / 2 });
          }
          e.objects = objects;
        }
        if (flags & 4) e.collected = r.u();
        if (flags & 8) e.uncollectable = r.u();
        return e;
      }
      case 'frame-push':
      case 'frame-pop': {
        const depth = r.u();
        const name = this.str();
        const line = r.u();
        return line === 0 ? { kind, depth, name } : { kind, depth, name, line: line - 1 };
      }
      case 'bind':
      case 'unbind': {
        const v = r.u();
        const flags = v % 4;
        const depth = (v - flags) / 4;
        const name = this.str();
        const scope = flags & 1 ? 'global' : 'local';
        return flags & 2 ? { kind, scope, depth, name, id: this.id() } : { kind, scope, depth, name };
      }
      case 'stack-take':
      case 'stack-release': {
        const depth = r.u();
        return { kind, depth, id: this.id() };
      }
      case 'line': {
        const line = this.ctx.lastLine + r.s();
        if (line < 0) r.fail('a line number is negative (corrupt data)', this.recordOffset);
        this.ctx.lastLine = line;
        return { kind, line };
      }
      case 'output': {
        const s = r.byte();
        if (s > 1) r.fail('bad stream in an output record (corrupt data)', r.pos - 1);
        return { kind, stream: s === 0 ? 'stdout' : 'stderr', text: r.str() };
      }
    }
  }
}
