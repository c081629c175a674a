"""Tools that run the book: snippet sections, page checks, data preparation."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
