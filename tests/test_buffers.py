"""``_buffers.Column``: the growable buffer of the number columns that analyze gathers."""

import mmap

import pytest

from presslens import _buffers


@pytest.mark.parametrize("can_map", [True, False])
def test_column_keeps_every_byte_across_growth(monkeypatch, can_map):
    monkeypatch.setattr(_buffers, "MAP_BYTES", 5_000)
    monkeypatch.setattr(_buffers, "_CAN_MAP", can_map and _buffers._CAN_MAP)
    c = _buffers.Column()
    want = bytearray()
    for i in range(300):
        part = bytes((i + k) % 256 for k in range(i % 97))
        c.extend(part)
        want += part
        assert len(c) == len(want)
    out = c.buffer()
    assert bytes(out) == bytes(want) and len(out) == len(want)
    memoryview(out)[0:1] = b"x"  # writable, as numpy needs it
    if _buffers._CAN_MAP:
        assert isinstance(out, mmap.mmap)
    else:
        assert isinstance(out, bytearray)


def test_small_column_stays_a_bytearray_and_empty_is_empty():
    c = _buffers.Column()
    assert bytes(c.buffer()) == b"" and len(c) == 0
    c.extend(memoryview(bytes(range(16))).cast("Q"))  # any C-contiguous buffer
    out = c.buffer()
    assert isinstance(out, bytearray) and bytes(out) == bytes(range(16))


def test_a_map_that_cannot_grow_falls_back_to_a_bytearray(monkeypatch):
    if not _buffers._CAN_MAP:
        pytest.skip("maps are not used on this platform")
    monkeypatch.setattr(_buffers, "MAP_BYTES", 100)
    c = _buffers.Column()
    c.extend(b"a" * 150)
    assert isinstance(c._data, mmap.mmap)

    class Stuck(mmap.mmap):
        def resize(self, n):
            raise SystemError("no mremap here")

    stuck = Stuck(-1, len(c._data), flags=mmap.MAP_PRIVATE)
    stuck[:150] = c._data[:150]
    c._data = stuck
    c.extend(b"b" * 10_000)  # past the map's room: grows as a bytearray instead
    assert isinstance(c._data, bytearray)
    assert bytes(c.buffer()) == b"a" * 150 + b"b" * 10_000
