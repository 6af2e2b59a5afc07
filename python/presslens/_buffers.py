"""Growable byte buffers for the number columns that ``analyze`` gathers chunk by chunk.

A ``bytearray`` grown chunk after chunk is reallocated inside the malloc heap, and each move
leaves the old block behind as a hole between the text buffers kept for the tables: about
0.3 MB of resident memory per MB of text at corpus scale. Above ``MAP_BYTES`` a column moves
to an anonymous memory map instead, which grows by remapping its pages (no copy, no hole),
takes only the pages written, and returns them to the system when the table is freed. The
map is private (a shared anonymous map is a file in shared memory that ``mremap`` does not
extend: writing past its first size is a bus error). Maps grow with ``mremap``, so only on
Linux; elsewhere, or if a map call fails, the column stays a ``bytearray``.
"""

from __future__ import annotations

import mmap
import sys
from typing import Any, Union

# Columns smaller than this stay bytearrays: a map costs a system call and whole pages.
MAP_BYTES = 1 << 20
_PAGE = mmap.PAGESIZE
_CAN_MAP = sys.platform.startswith("linux") and hasattr(mmap, "MAP_PRIVATE")


def _pages(n: int) -> int:
    return -(-n // _PAGE) * _PAGE


class Column:
    """Bytes appended at the end; ``buffer()`` gives them, exactly, as a writable object with
    the buffer protocol (numpy and pyarrow wrap it without a copy).

    Examples:
        >>> c = Column()
        >>> c.extend(b"ab"); c.extend(memoryview(b"cd"))
        >>> bytes(c.buffer())
        b'abcd'
    """

    __slots__ = ("_data", "_len")

    def __init__(self) -> None:
        self._data: Union[bytearray, mmap.mmap] = bytearray()
        self._len = 0

    def extend(self, values: Any) -> None:
        """Append the bytes of ``values`` (any C-contiguous buffer)."""
        view = memoryview(values).cast("B")
        end = self._len + view.nbytes
        data = self._data
        if isinstance(data, bytearray):
            if end >= MAP_BYTES and _CAN_MAP and self._to_map(end):
                self._data[self._len:end] = view
            else:
                data.extend(view)
        else:
            if end > len(data) and not self._grow(end):
                self._data.extend(view)  # fell back to a bytearray
            else:
                data[self._len:end] = view
        self._len = end

    def _to_map(self, end: int) -> bool:
        """Move the bytes to a map with room for ``end`` bytes; False if it cannot be made."""
        try:
            m = mmap.mmap(-1, _pages(2 * end), flags=mmap.MAP_PRIVATE)
        except (OSError, SystemError, ValueError, TypeError):
            return False
        m[: self._len] = self._data
        self._data = m
        return True

    def _grow(self, end: int) -> bool:
        data = self._data
        try:
            data.resize(_pages(max(end, 2 * len(data))))  # type: ignore[union-attr]
            return True
        except (OSError, SystemError, ValueError, TypeError):
            self._data = bytearray(data[: self._len])
            data.close()  # type: ignore[union-attr]
            return False

    def __len__(self) -> int:
        return self._len

    def buffer(self) -> Union[bytearray, mmap.mmap]:
        """The bytes, for wrapping: a map is cut to their length (its spare pages go back to
        the system) and must not be extended afterwards."""
        data = self._data
        if isinstance(data, bytearray) or len(data) == self._len:
            return data
        try:
            data.resize(self._len)
            return data
        except (OSError, SystemError, ValueError, TypeError):
            out = bytearray(data[: self._len])
            data.close()
            self._data = out
            return out
