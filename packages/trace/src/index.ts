export { SCHEMA_VERSION, MemorySink } from './events';
export type {
  TraceEvent,
  TraceHeader,
  TraceSink,
  AllocEvent,
  RefEvent,
  DeallocEvent,
  FinalizeEvent,
  WeakrefClearedEvent,
  TrackEvent,
  CollectEvent,
  FrameEvent,
  BindEvent,
  LineEvent,
  OutputEvent,
} from './events';
