#!/usr/bin/env bash
# Prints a Python 3.10 interpreter for the Rasa environment, or explains how to get one.
# Order: $PYTHON310, a working python3.10 on PATH, then pyenv's 3.10.x.
set -u
ok() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; }
if [ -n "${PYTHON310:-}" ]; then
  if ok "$PYTHON310"; then echo "$PYTHON310"; exit 0; fi
  echo "PYTHON310=$PYTHON310 is not a working Python 3.10" >&2; exit 1
fi
if command -v python3.10 >/dev/null 2>&1 && ok python3.10; then command -v python3.10; exit 0; fi
if command -v pyenv >/dev/null 2>&1; then
  for p in $(ls -d "$(pyenv root)"/versions/3.10.*/bin/python 2>/dev/null | sort -V -r); do
    if ok "$p"; then echo "$p"; exit 0; fi
  done
fi
cat >&2 <<'MSG'
Rasa 3.6 needs Python 3.10, and none was found.
Install one (e.g. `pyenv install 3.10.13`, or your system's python3.10 package),
or point PYTHON310 at it: `make PYTHON310=/path/to/python3.10 run`.
MSG
exit 1
