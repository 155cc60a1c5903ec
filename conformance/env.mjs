// Shared by record.mjs and run.mjs: the versions and the scrubbed environment every
// case runs in, so CPython and pymem see exactly the same inputs.

/** CPython versions the suite covers, oldest first. */
export const SUPPORTED = ['3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13'];

/** The whole environment of a case run; nothing of the host leaks in. */
export const CASE_ENV = Object.freeze({
  PATH: '/usr/bin:/bin',
  PYTHONHASHSEED: '0',
  LC_ALL: 'C.UTF-8',
  PYTHONIOENCODING: 'utf-8',
  PYTHONDONTWRITEBYTECODE: '1',
  PYTHONNOUSERSITE: '1',
});

/**
 * From 3.9 CPython makes the main script's path absolute, so tracebacks and warnings
 * name `/abs/path/conformance/cases/<case>.py`. The recorder and the runner both strip
 * the cases directory from stdout and stderr, so goldens say `<case>.py` whatever the
 * checkout's location (as 3.6-3.8 print it anyway).
 */
export function normalizeOutput(text, casesDir) {
  return text.split(`${casesDir}/`).join('');
}
