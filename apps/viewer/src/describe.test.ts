import { SCHEMA_VERSION } from '@pymem/trace';
import { describe, expect, it } from 'vitest';
import { describeTraceFile, formatSize, schemaLine } from './describe';

describe('formatSize', () => {
  it('counts bytes below 1 KiB', () => {
    expect(formatSize(0)).toBe('0 bytes');
    expect(formatSize(1)).toBe('1 byte');
    expect(formatSize(1023)).toBe('1023 bytes');
  });
  it('uses binary units with one decimal above', () => {
    expect(formatSize(1024)).toBe('1.0 KiB');
    expect(formatSize(1536)).toBe('1.5 KiB');
    expect(formatSize(12 * 1024 * 1024)).toBe('12.0 MiB');
  });
  it('refuses what is not a size', () => {
    expect(() => formatSize(-1)).toThrow(RangeError);
    expect(() => formatSize(Number.NaN)).toThrow(RangeError);
  });
});

describe('describeTraceFile', () => {
  it('shows the name and size, and says traces are not yet readable', () => {
    const summary = describeTraceFile({ name: 'article.pymem', size: 2048 });
    expect(summary.rows).toEqual([
      ['File', 'article.pymem'],
      ['Size', '2.0 KiB'],
    ]);
    expect(summary.note).toContain('not yet readable');
    expect(summary.note).toContain(`schema version ${SCHEMA_VERSION}`);
  });
});

it('names the schema version from @pymem/trace', () => {
  expect(schemaLine()).toBe(`Built against the pymem trace event schema, version ${SCHEMA_VERSION}.`);
});
