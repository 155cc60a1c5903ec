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
