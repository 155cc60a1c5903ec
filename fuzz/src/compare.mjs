// Comparing a pymem run with a CPython run, and naming the difference.

/**
 * True when the two outcomes are equal: stdout, stderr and exit status, byte for byte
 * (the same three things conformance/run.mjs compares).
 */
export function same(cpython, pymem) {
  return cpython.stdout === pymem.stdout && cpython.stderr === pymem.stderr && cpython.status === pymem.status;
}

/** The first line where `a` and `b` differ: [index, lineA, lineB] (undefined = no line). */
export function firstDifferentLine(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return [i, x[i], y[i]];
  return undefined;
}

/** The label of an output line: its first word, digits made `N`, or `<eof>`. */
function label(line) {
  if (line === undefined) return '<eof>';
  const word = line.split(' ')[0];
  return word.replace(/\d+/g, 'N') || '<blank>';
}

/** The last line of a traceback-like stderr text: the error, digits and addresses blurred. */
function errorLine(stderr) {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  const last = lines[lines.length - 1] ?? '';
  return last
    .replace(/0x[0-9a-f]+/g, '0x…')
    .replace(/line \d+/g, 'line N')
    .replace(/\d+/g, 'N')
    .slice(0, 120);
}

/**
 * A short name for the class of a mismatch, stable across programs that fail for the
 * same reason: which stream differs first, and
 *   - stdout: the labels of the first differing lines (`rc`/`rc`, `del`/`<eof>`, …) —
 *     every observation the generator prints starts with a label;
 *   - stderr: pymem's last stderr line (the error), or CPython's when pymem's is empty;
 *   - status: the two statuses.
 * An error pymem printed where CPython printed none (or pymem's own NotImplementedError,
 * internal error, timeout) wins: it explains the rest of the difference.
 */
export function signature(cpython, pymem) {
  if (pymem.status === 'timeout') return 'pymem: timeout';
  const pyErr = errorLine(pymem.stderr);
  if (cpython.stderr !== pymem.stderr && pymem.stderr !== '') {
    if (cpython.stderr === '' || /internal error|NotImplementedError|RecursionError|MemoryError|SyntaxError/.test(pyErr))
      return `pymem stderr: ${pyErr}`;
  }
  if (cpython.stdout !== pymem.stdout) {
    const [, a, b] = firstDifferentLine(cpython.stdout, pymem.stdout);
    return `stdout: ${label(a)} / ${label(b)}`;
  }
  if (cpython.stderr !== pymem.stderr) {
    return pymem.stderr !== '' ? `pymem stderr: ${pyErr}` : `cpython stderr: ${errorLine(cpython.stderr)}`;
  }
  return `status: ${cpython.status} / ${pymem.status}`;
}

/** A readable account of a mismatch: the first differing line of each differing stream. */
export function describe(cpython, pymem) {
  const parts = [];
  for (const k of ['stdout', 'stderr']) {
    if (cpython[k] === pymem[k]) continue;
    const [i, a, b] = firstDifferentLine(cpython[k], pymem[k]);
    parts.push(`${k} line ${i + 1}: cpython ${JSON.stringify(a ?? '<eof>')} / pymem ${JSON.stringify(b ?? '<eof>')}`);
  }
  if (cpython.status !== pymem.status) parts.push(`status: cpython ${cpython.status} / pymem ${pymem.status}`);
  return parts.join('; ');
}
