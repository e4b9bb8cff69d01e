"""Size and depth limits checked before a file is read, so a bomb is refused, not unpacked."""

from __future__ import annotations

import zipfile
from pathlib import Path

from workbench.errors import UserError

# A survey or project archive larger than this unpacked is refused before anything is read.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
# Compression beyond this ratio (for members over 1 MiB) is a zip bomb, not survey text.
MAX_COMPRESSION_RATIO = 200
_SMALL_MEMBER = 1024 * 1024


def checked_zip(file: Path, what: str) -> zipfile.ZipFile:
    """The archive opened, after its directory shows it unpacks to a sane size."""
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError, EOFError):
        raise UserError(f"{file}: not a {what} (the zip container is damaged).") from None
    total = 0
    for member in archive.infolist():
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _SMALL_MEMBER and ratio > MAX_COMPRESSION_RATIO:
            archive.close()
            raise UserError(
                f"{file}: {member.filename} would unpack {ratio:,.0f} times larger than it is "
                f"stored ({member.file_size:,} bytes); refused as a zip bomb."
            )
    if total > MAX_UNPACKED_BYTES:
        archive.close()
        raise UserError(
            f"{file}: unpacks to {total:,} bytes, more than the {MAX_UNPACKED_BYTES:,} a {what} may have."
        )
    return archive


def read_member(archive: zipfile.ZipFile, name: str, limit: int = MAX_UNPACKED_BYTES) -> bytes:
    """One member's bytes, reading no more than ``limit`` (the directory may lie about sizes)."""
    with archive.open(name) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UserError(f"{archive.filename}: {name} is larger than {limit:,} bytes; refused.")
    return data


# Deeper XML than this is not a code tree or a project a person made.
MAX_XML_DEPTH = 64


def refuse_deep_xml(root, file: Path, limit: int = MAX_XML_DEPTH) -> None:
    """Refuse an element tree nested deeper than ``limit`` (walked without recursion)."""
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > limit:
            raise UserError(f"{file}: the XML is nested more than {limit} levels deep; refused.")
        stack.extend((child, depth + 1) for child in element)
