#!/usr/bin/env bash
# Build the one-folder desktop application in dist/glossator/ and report its size.
#   packaging/build.sh
# It uses the project's .venv (made by packaging/bootstrap.py) and adds PyInstaller to it.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 packaging/bootstrap.py app --version >/dev/null
PY=.venv/bin/python
"$PY" -m pip install --quiet --disable-pip-version-check "pyinstaller>=6.10,<7"
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/glossator.spec
"$PY" packaging/make_icons.py dist/glossator/share/icons/hicolor
mkdir -p dist/glossator/share/applications dist/glossator/share/metainfo
cp packaging/linux/io.github.glossator.Glossator.desktop dist/glossator/share/applications/
cp packaging/linux/io.github.glossator.Glossator.metainfo.xml dist/glossator/share/metainfo/
end=$(date +%s)
echo "built dist/glossator/glossator in $((end - start)) s; size $(du -sh dist/glossator | cut -f1)"
