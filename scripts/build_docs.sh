#!/usr/bin/env bash
# Build the documentation site into site/ with warnings as errors (mkdocs build --strict).
#
#   bash scripts/build_docs.sh               # execute the notebook first, then build
#   bash scripts/build_docs.sh --no-execute  # render the notebook's code without running it
#
# Needs the `docs` extra (pip install ".[docs]"). The API reference is read statically from the
# docstrings (python/presslens/*.py and the compiled functions' stubs in _core.pyi), so it needs
# no build of the extension. Executing the notebook does: presslens installed with pandas,
# matplotlib, nbclient and ipykernel (the `test` extra), as in CI.
# Uses the `python` on PATH (set PYTHON=... to choose another interpreter).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python}"
EXECUTE=1
for arg in "$@"; do
  case "$arg" in
    --no-execute) EXECUTE=0 ;;
    *) echo "usage: $0 [--no-execute]" >&2; exit 2 ;;
  esac
done

NOTEBOOK=examples/media_analysis.ipynb
OUT=docs/media_analysis.ipynb   # generated, git-ignored
if [ "$EXECUTE" = 1 ]; then
  echo "executing $NOTEBOOK (in examples/, as a reader would) -> $OUT"
  "$PYTHON" - "$NOTEBOOK" "$OUT" <<'EOF'
import sys

import nbformat
from nbclient import NotebookClient

src, out = sys.argv[1], sys.argv[2]
nb = nbformat.read(src, as_version=4)
NotebookClient(nb, timeout=600, kernel_name="python3",
               resources={"metadata": {"path": "examples"}}).execute()
nbformat.write(nb, out)
EOF
else
  echo "copying $NOTEBOOK unexecuted -> $OUT"
  cp "$NOTEBOOK" "$OUT"
fi

# Material for MkDocs prints a banner about its end of life on every build; it is not a warning
# about these docs.
NO_MKDOCS_2_WARNING=1 "$PYTHON" -m mkdocs build --strict --clean
# The compiled functions' reference must come from the stubs (python/presslens/_core.pyi, with
# their examples), not from importing a build that happens to sit in python/presslens/.
for page in sentences quotes sentiment; do
  grep -q '&gt;&gt;&gt;' "site/api/$page/index.html" || {
    echo "site/api/$page/index.html shows no examples: were the stubs read?" >&2; exit 1; }
done
echo "docs built: site/index.html"
