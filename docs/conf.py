"""Sphinx configuration for the arnews documentation."""

from __future__ import annotations

import arnews

project = "arnews"
author = "The arnews authors"
copyright = "2026, the arnews authors"
release = arnews.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "myst_parser",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
html_theme = "furo"
html_static_path = ["_static"]
html_css_files = ["arabic.css"]  # Arabic string literals keep their place in code lines
html_title = f"arnews {release}"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
nitpicky = False
myst_heading_anchors = 3
# "ref.python": record fields typed with a model (Entity) that is importable from arnews and arnews.models
suppress_warnings = ["myst.header", "ref.python"]
