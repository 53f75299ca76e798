"""The built wheel works on its own: fresh environment, packaged sample, headless export."""

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_installs_and_exports_the_sample(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    wheels = list(dist.glob("glossator-*.whl"))
    assert len(wheels) == 1
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    for shipped in ("glossator/resources/samples/deepseek-r1-news.txt", "glossator/resources/icons/glossator.svg",
                    "glossator/resources/models/checkworthiness.npz", "glossator/resources/models/checkworthiness.json",
                    "glossator/ui/main_window.py", "glossator/core/nlp/claims_component.py",
                    "glossator/cli/dispatch.py"):
        assert shipped in names, shipped
    assert not [n for n in names if n.startswith(("tests/", "bench/", "packaging/"))]

    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheels[0])],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]

    out = tmp_path / "sample.md"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["GLOSSATOR_DB"] = str(tmp_path / "library.db")
    run = subprocess.run([str(env_dir / "bin" / "glossator"), "demo", "-o", str(out)],
                         capture_output=True, text=True, env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    md = out.read_text(encoding="utf-8")
    assert "title: " in md and "DeepSeek R1 AI Model Disrupts Global Tech Market" in md
    assert "Marc Andreessen" in md and "## Claims" in md
    # The package came from the wheel, not from this checkout.
    where = subprocess.run([str(python), "-c", "import glossator; print(glossator.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path)
    assert str(env_dir) in where.stdout
    # The desktop window's modules are in the wheel too.
    ui = subprocess.run([str(python), "-c", "import glossator.ui.main_window, glossator.ui.panels.claims_panel"],
                        capture_output=True, text=True, cwd=tmp_path, env=dict(env, QT_QPA_PLATFORM="offscreen"))
    assert ui.returncode == 0, ui.stderr[-2000:]
