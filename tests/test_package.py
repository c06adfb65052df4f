"""What the package says about itself: one NOTICE naming every bundled data file, the
licence files pyproject.toml lists, and `python -m seedread`."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bundled_data_files() -> list[str]:
    """Every file under the package's data/ folder, as NOTICE names it (data/…)."""
    data = Path(str(resources.files("seedread") / "data"))
    return sorted(str(path.relative_to(data.parent)) for path in data.rglob("*")
                  if path.is_file() and "__pycache__" not in path.parts)


def test_notice_names_every_bundled_data_file():
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    named = set(re.findall(r"data/[\w./-]+\w", notice))
    files = bundled_data_files()
    assert len(files) >= 15
    assert [f for f in files if f not in named] == []


def test_the_licence_files_pyproject_lists_exist_and_the_licence_is_mit_with_a_holder():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = pyproject.split("license-files = [", 1)[1].split("]", 1)[0]
    listed = re.findall(r'"([^"]+)"', block)
    assert "LICENSE" in listed and "NOTICE" in listed
    assert [name for name in listed if not (ROOT / name).is_file()] == []
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n\nCopyright (c) 2026 The seedread developers\n")
    assert 'license = "MIT AND CC-BY-SA-4.0 AND Unicode-3.0"' in pyproject


def test_python_dash_m_seedread_is_the_seedread_command():
    done = subprocess.run([sys.executable, "-m", "seedread", "--version"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("seedread ")
    done = subprocess.run([sys.executable, "-m", "seedread", "export", str(ROOT / "seeds"),
                           "--format", "xml"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "invalid choice: 'xml'" in done.stderr
