"""Builds gsd._core with CMake (CMakeLists.txt next to this file).

Where the engine comes from (docs/python.md):
  - by default, its sources: vendor/gsd in an sdist (copied there when the
    sdist is made), else the repository this package sits in
    (bindings/python -> ../..). The engine is then compiled by its own CMake
    project, with its own flags, so the package computes exactly what the
    command line computes.
  - with GSD_PREFIX=<absolute prefix>, an installed gsd (`cmake --install`), found by
    find_package(gsd): only the bindings are compiled.
Build without isolation (Debian provides setuptools, wheel and pybind11):
  pip install --no-build-isolation --no-index bindings/python
  python3 -m build --no-isolation bindings/python
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.sdist import sdist

HERE = Path(__file__).resolve().parent
VENDOR = HERE / "vendor" / "gsd"
# What an sdist carries of the repository: the engine's CMake project (its
# top-level CMakeLists.txt adds every folder listed here).
ENGINE_PARTS = ("CMakeLists.txt", "cmake", "numerics", "spending", "survival", "endpoints", "monitoring",
                "simulate", "engine", "render", "cli")


def repository() -> Path:
    return HERE.parent.parent


def engine_sources() -> Path:
    if VENDOR.is_dir():
        return VENDOR
    root = repository()
    if (root / "engine" / "include" / "gsd" / "gsd.hpp").is_file():
        return root
    raise RuntimeError("gsd's C++ sources were not found: build from the gsd repository "
                       "(bindings/python) or from an sdist, or set GSD_PREFIX to an installed gsd")


def version() -> str:
    for root in (VENDOR, repository()):
        cmake = root / "CMakeLists.txt"
        if cmake.is_file():
            m = re.search(r"project\(gsd\s+VERSION\s+([0-9.]+)", cmake.read_text())
            if m:
                return m.group(1)
    raise RuntimeError("cannot read gsd's version from CMakeLists.txt")


class CMakeBuild(build_ext):
    """Configures and builds the _core target into the package directory."""

    def build_extension(self, ext: Extension) -> None:
        import pybind11

        out_dir = Path(self.get_ext_fullpath(ext.name)).resolve().parent
        prefix = os.environ.get("GSD_PREFIX", "")
        mode = "installed" if prefix else "sources"
        build_dir = Path(self.build_temp).resolve() / f"cmake-{mode}"
        args = [
            "cmake", "-S", str(HERE), "-B", str(build_dir),
            "-DCMAKE_BUILD_TYPE=Release",
            f"-DPython_EXECUTABLE={sys.executable}",
            f"-Dpybind11_DIR={pybind11.get_cmake_dir()}",
            f"-DCMAKE_LIBRARY_OUTPUT_DIRECTORY={out_dir}",
        ]
        if shutil.which("ninja"):
            args += ["-G", "Ninja"]
        if prefix:
            args += ["-DGSD_SOURCE_DIR=", f"-DCMAKE_PREFIX_PATH={Path(prefix).resolve()}"]
        else:
            args += [f"-DGSD_SOURCE_DIR={engine_sources()}"]
        if os.environ.get("GSD_PYTHON_WERROR"):
            args += ["-DGSD_PYTHON_WERROR=ON"]
        subprocess.run(args, check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or str(os.cpu_count() or 2)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "_core",
                        "--parallel", jobs], check=True)


class VendoredSdist(sdist):
    """An sdist that carries the engine's sources under vendor/gsd, so that
    it builds without the repository."""

    def make_release_tree(self, base_dir: str, files) -> None:
        super().make_release_tree(base_dir, files)
        if VENDOR.is_dir():
            return  # an sdist of an sdist: vendor/ is already in `files`
        target = Path(base_dir) / "vendor" / "gsd"
        for part in ENGINE_PARTS:
            source = repository() / part
            if source.is_dir():
                shutil.copytree(source, target / part,
                                ignore=shutil.ignore_patterns("__pycache__", "*.o", "*.a"))
            else:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / part)


setup(
    version=version(),
    ext_modules=[Extension("gsd._core", sources=[])],
    cmdclass={"build_ext": CMakeBuild, "sdist": VendoredSdist},
    zip_safe=False,
)
