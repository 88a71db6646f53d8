"""Reads the figures `xipy run --stats` prints: `xipy stats: NAME=VALUE ...` lines on stderr."""

PREFIX = "xipy stats: "
# The side tables' share of them, in bytes (xipy_side_table_statistics): the name caches, the
# class lookup table and the most the spare pages held.
SIDE_TABLE_BYTES = ("name_cache_bytes", "class_lookup_bytes", "peak_spare_page_bytes")


def statistics_of(text):
    """{NAME: int} from every `xipy stats:` line in `text`."""
    figures = {}
    for line in text.splitlines():
        if line.startswith(PREFIX):
            for pair in line[len(PREFIX):].split():
                name, _, value = pair.partition("=")
                figures[name] = int(value)
    return figures


def side_table_bytes(figures):
    """What the side tables held, summed."""
    return sum(figures.get(field, 0) for field in SIDE_TABLE_BYTES)
