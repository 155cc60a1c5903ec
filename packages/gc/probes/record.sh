#!/bin/sh
# Records what each CPython version prints for the probes (run by hand;
# the tests embed the results and do not need the interpreters).
cd "$(dirname "$0")"
for v in 3.6.15 3.7.16 3.8.18 3.9.18 3.10.13 3.11.7 3.12.1 3.13.0; do
  for p in gc_semantics gc_finalizer_breaks gc_run_when_disabled; do
    PYTHONHASHSEED=0 "$(pyenv root)/versions/$v/bin/python3" "$p.py" > "expected/$p-${v%.*}.out" 2>&1
  done
done
