#!/usr/bin/env python3
"""Checks tools/firmware_profile.py's reading of a QEMU execution log on a small made-up log."""

import collections
import io
import pathlib
import sys
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "tools"))
import firmware_profile  # noqa: E402

# Two blocks of `caller` (at 0x100 and 0x104) and a two-block `callee` (0x200, 0x204), in QEMU
# 7.2's format: a block is logged once when translated, then on each execution.
LOG = """----------------
IN: caller
0x00000100:  4818       ldr      r0, [pc, #0x60]
0x00000102:  f057 fb45  bl       #0x200

Trace 0: 0x7f1908000100 [00800400/00000100/00000110/ff020200] caller
----------------
IN: callee
0x00000200:  2000       movs     r0, #0
0x00000202:  3001       adds     r0, #1
0x00000204:  e7fd       b        #0x202

Trace 0: 0x7f1908000440 [00800400/00000200/00000110/ff020200] callee
----------------
IN: caller
0x00000104:  bd08       pop      {r3, pc}

Trace 0: 0x7f19080005c0 [00800400/00000104/00000110/ff020200] caller
Trace 0: 0x7f1908000100 [00800400/00000100/00000110/ff020200] caller
Trace 0: 0x7f1908000440 [00800400/00000200/00000110/ff020200] callee
Trace 0: 0x7f19080005c0 [00800400/00000104/00000110/ff020200] caller
"""


class ParseLogTest(unittest.TestCase):
    def test_counts_each_execution_of_each_block(self):
        counts = collections.Counter()
        charged = collections.Counter()
        firmware_profile.parse_log(io.StringIO(LOG), counts, {0x200: 0x206}, charged)
        self.assertEqual(counts, {0x100: 4, 0x200: 6, 0x104: 2})
        # Both entries into callee came from caller's block at 0x100.
        self.assertEqual(charged, {(0x200, 0x100): 6})

    def test_parts_separate_software_floating_point_from_the_core(self):
        self.assertEqual(firmware_profile.part_of("__aeabi_dadd", True),
                         "software floating point (libgcc)")
        self.assertEqual(firmware_profile.part_of("xipy::vm::Interpreter::run()", True), "src/vm")
        self.assertEqual(firmware_profile.part_of("mp_execute_bytecode", False),
                         "bytecode interpreter (py/vm.c)")


if __name__ == "__main__":
    unittest.main()
