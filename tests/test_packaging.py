"""A user who installs the package (a wheel, `pip install .`, pipx) gets the rule files and the
report schema inside it: the installed tool runs with no source checkout beside it."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # no build isolation: the build backend of the test environment, nothing downloaded
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                           "-w", str(out), str(ROOT)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{done.stderr[-2000:]}")
    (whl,) = out.glob("reconcile-*.whl")
    return whl


def test_wheel_carries_every_rule_file_and_the_schema(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.yaml")}
    assert shipped, "no rule files found in the checkout"
    missing = sorted(f for f in shipped if f"reconcile/rules/{f}" not in names)
    assert not missing, f"rule files missing from the wheel: {missing}"
    assert "reconcile/report/schema/report.schema.json" in names


def test_installed_package_runs_without_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    env = {k: v for k, v in os.environ.items() if k != "RECONCILE_RULES"}
    env["PYTHONPATH"] = str(target)      # ahead of the editable install of the checkout
    cli = [sys.executable, "-c", "import sys; from reconcile.cli import main; sys.exit(main())"]
    where = subprocess.run([sys.executable, "-c", "import reconcile; print(reconcile.__file__)"],
                           env=env, cwd=tmp_path, capture_output=True, text=True, check=True)
    assert where.stdout.startswith(str(target)), where.stdout
    run = subprocess.run([*cli, "run", str(ROOT / "seeds"), "--out", str(tmp_path / "out")],
                         env=env, cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    assert (tmp_path / "out" / "seeds.json").stat().st_size > 1000
    check = subprocess.run([*cli, "rules", "check"], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-2000:] + check.stderr[-2000:]


def test_wheel_carries_every_module_and_schema_of_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "reconcile"
    wanted = [p for p in package.rglob("*") if p.suffix in (".py", ".json") and "__pycache__" not in p.parts]
    missing = sorted(str(p.relative_to(ROOT)) for p in wanted if p.relative_to(ROOT).as_posix() not in names)
    assert not missing, f"not in the wheel (pyproject's packages / package-data): {missing}"
