// A small unified diff (LCS over lines) for the conformance runner's failure reports.

/**
 * Returns a unified diff of two texts, `---`/`+++` headers and hunks with three lines
 * of context, or '' when they are equal.
 */
export function unifiedDiff(a, b, nameA = 'expected', nameB = 'actual', context = 3) {
  if (a === b) return '';
  const x = splitLines(a);
  const y = splitLines(b);
  // Trim the common prefix and suffix so the quadratic table stays small.
  let pre = 0;
  while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
  let suf = 0;
  while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf]) suf++;
  const xs = x.slice(pre, x.length - suf);
  const ys = y.slice(pre, y.length - suf);
  const ops = [];
  for (let i = 0; i < pre; i++) ops.push([' ', x[i], i, i]);
  if (xs.length * ys.length > 4_000_000) {
    // Too large for the table: report the middle as replaced wholesale.
    xs.forEach((l, i) => ops.push(['-', l, pre + i, null]));
    ys.forEach((l, j) => ops.push(['+', l, null, pre + j]));
  } else {
    const n = xs.length;
    const m = ys.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i][j] = xs[i] === ys[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && xs[i] === ys[j]) {
        ops.push([' ', xs[i], pre + i, pre + j]);
        i++;
        j++;
      } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push(['-', xs[i], pre + i, null]);
        i++;
      } else {
        ops.push(['+', ys[j], null, pre + j]);
        j++;
      }
    }
  }
  for (let k = 0; k < suf; k++) ops.push([' ', x[x.length - suf + k], x.length - suf + k, y.length - suf + k]);

  const out = [`--- ${nameA}`, `+++ ${nameB}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k][0] === ' ') {
      k++;
      continue;
    }
    let start = Math.max(0, k - context);
    let end = k;
    // Extend the hunk while changes are within 2*context lines of each other.
    while (end < ops.length) {
      if (ops[end][0] !== ' ') {
        end++;
        continue;
      }
      let run = end;
      while (run < ops.length && ops[run][0] === ' ') run++;
      if (run < ops.length && run - end <= 2 * context) end = run;
      else {
        end = Math.min(ops.length, end + context);
        break;
      }
    }
    const hunk = ops.slice(start, end);
    const aStart = firstLine(ops, start, 2);
    const bStart = firstLine(ops, start, 3);
    const aLen = hunk.filter((o) => o[0] !== '+').length;
    const bLen = hunk.filter((o) => o[0] !== '-').length;
    out.push(`@@ -${aStart + (aLen ? 1 : 0)},${aLen} +${bStart + (bLen ? 1 : 0)},${bLen} @@`);
    for (const [tag, line] of hunk) out.push(tag + line);
    k = end;
  }
  return out.join('\n');
}

function firstLine(ops, from, idx) {
  for (let k = from; k < ops.length; k++) if (ops[k][idx] !== null) return ops[k][idx];
  // Only insertions/deletions at the very end: position after the last line.
  for (let k = from - 1; k >= 0; k--) if (ops[k][idx] !== null) return ops[k][idx] + 1;
  return 0;
}

/** Splits into lines, marking a missing final newline the way diff(1) does. */
function splitLines(s) {
  if (s === '') return [];
  const lines = s.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\n\\ No newline at end of file';
  return lines;
}
