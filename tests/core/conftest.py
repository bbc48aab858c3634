"""Fixtures the core tests share. A module that defines a fixture of the same name
(many define their own `world` or `ca`) uses its own."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyrage
import pytest

from app.engine.engine import Engine
from crypto import pki
from tests.core.p12_forge import LABELS, ORG, Pair, member
from tests.core.review_world import make_world, supervisor_vault


@pytest.fixture
def png_signature() -> bytes:
    """A PNG signature: a black line on a transparent background."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (600, 200), (255, 255, 255, 0))
    ImageDraw.Draw(img).line([(20, 150), (200, 40), (380, 160), (580, 60)], fill="black", width=6)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


# --- supervisor review (tests/core/review_world.py) -----------------------------------


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One organisation, an interviewer's vault with two exported cases and a supervisor
    who decided both, made once per module."""
    made = make_world(tmp_path_factory.mktemp("review"))
    yield made
    made["interviewer"].close()
    made["supervisor"].close()


@pytest.fixture
def fresh_supervisor(tmp_path: Path, world: dict[str, Any]) -> Iterator[Engine]:
    engine = supervisor_vault(tmp_path / "supervisor", world["org"])
    yield engine
    engine.close()


# --- identity.p12 (tests/core/p12_forge.py) -------------------------------------------


@pytest.fixture(scope="module")
def ca() -> Pair:
    return pki.generate_ca(ORG)


@pytest.fixture(scope="module")
def pairs(ca: Pair) -> dict[str, Pair]:
    return {label: member(ca, label) for label in LABELS}


@pytest.fixture(scope="module")
def age_identity() -> str:
    return str(pyrage.x25519.Identity.generate())
