import { SCHEMA_VERSION } from '@pymem/trace';

/** What the page knows about a chosen file before reading it (a subset of `File`). */
export interface FileFacts {
  readonly name: string;
  readonly size: number;
}

/** What the page shows for a chosen trace file: label/value rows and a note. */
export interface TraceFileSummary {
  readonly rows: ReadonlyArray<readonly [label: string, value: string]>;
  readonly note: string;
}

/** `0 bytes`, `1 byte`, `999 bytes`, `1.5 KiB`, `12.0 MiB` — binary units, one decimal. */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`not a file size: ${bytes}`);
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * The summary of a chosen trace file. `@pymem/trace` has no decoder yet, so the
 * viewer shows only what the browser tells it about the file and says so — it
 * never invents a header.
 */
export function describeTraceFile(file: FileFacts): TraceFileSummary {
  return {
    rows: [
      ['File', file.name],
      ['Size', formatSize(file.size)],
    ],
    note:
      `Traces are not yet readable here: @pymem/trace (event schema version ${SCHEMA_VERSION}) ` +
      'has no decoder yet, so the viewer can show only the file name and size.',
  };
}

/** The footer line: which trace schema this build of the viewer understands. */
export function schemaLine(): string {
  return `Built against the pymem trace event schema, version ${SCHEMA_VERSION}.`;
}
