export { SCHEMA_VERSION, EVENT_KINDS, MemorySink } from './events';
export type {
  TraceEvent,
  TraceHeader,
  TraceSink,
  AllocEvent,
  RefEvent,
  RefcntSetEvent,
  EdgeEvent,
  DeallocEvent,
  FinalizeEvent,
  WeakrefClearedEvent,
  WeakrefCallbackEvent,
  TrackEvent,
  GenerationEvent,
  PhaseObject,
  CollectEvent,
  FrameEvent,
  BindEvent,
  StackEvent,
  LineEvent,
  OutputEvent,
} from './events';
export { TraceFormatError, TraceQueryError } from './errors';
export { BinaryTraceWriter, MAGIC } from './binary';
export type { BinaryWriterOptions } from './binary';
export { JsonlTraceWriter, JSONL_FORMAT } from './jsonl';
export { TraceState } from './state';
export { AddressMap, AddressTable } from './tables';
export type { ObjectState, FrameState, CollectionState } from './state';
export { openTrace, readTrace, detectFormat, encodeBinary, concat } from './replay';
export type { Trace, TraceReader, TraceFormat, TraceSummary, StepState, ObjectLife, RootPath } from './replay';
export { toChromeTrace, toHeapSnapshot } from './export';
export type { ChromeTraceOptions } from './export';
