#!/usr/bin/env node
// Runs a .py or .mpy on the pinned reference MicroPython 1.27 VM and prints what it prints.
//
//   node micropython.mjs FILE.py|FILE.mpy [args...]
//
// stdout and stderr carry the program's own output, byte for byte. An uncaught
// exception prints MicroPython's traceback to stderr and exits 1. The program
// runs as an imported module (the WebAssembly port has no way to run an .mpy as
// __main__), so the traceback frame of the importing line is removed.

import fs from 'fs';
import path from 'path';

const usage = `usage: node micropython.mjs FILE.py|FILE.mpy [args...]
Runs FILE on MicroPython 1.27 (WebAssembly). sys.argv is [FILE, args...].
Exit status: 0 on success, 1 on an uncaught exception, 2 on bad usage.`;

const argv = process.argv.slice(2);
if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help') {
  (argv.length === 0 ? process.stderr : process.stdout).write(usage + '\n');
  process.exit(argv.length === 0 ? 2 : 0);
}
const file = argv[0];
const extension = path.extname(file);
if (extension !== '.py' && extension !== '.mpy') {
  process.stderr.write(`micropython: ${file}: expected a .py or .mpy file\n`);
  process.exit(2);
}

const { loadMicroPython } = await import(
  '@micropython/micropython-webassembly-pyscript/micropython.mjs');
const out = (bytes) => process.stdout.write(bytes);
const err = (bytes) => process.stderr.write(bytes);
// A generous heap and Python stack, so the reference's limits do not show in
// ordinary test programs.
const micropython = await loadMicroPython({
  stdout: out, stderr: err, linebuffer: false,
  heapsize: 64 * 1024 * 1024, pystack: 64 * 1024,
});

const moduleName = '__xipy_reference_main__';
micropython.FS.mkdir('/run');
micropython.FS.writeFile(`/run/${moduleName}${extension}`, fs.readFileSync(file));
const setup = `import sys\nsys.path.insert(0, '/run')\nsys.argv[:] = ${JSON.stringify(argv)}\n`;
micropython.runPython(setup);
try {
  micropython.runPython(`import ${moduleName}`);
} catch (error) {
  if (error.type === 'SystemExit') {
    // sys.exit(n) as the unix port does it: no traceback; exit with n, or
    // print a non-integer argument and exit 1.
    const last = String(error.message ?? '').trimEnd().split('\n').pop();
    const argument = last.replace(/^SystemExit:? ?/, '');
    if (argument === '' || argument === 'None') {
      process.exitCode = 0;
    } else if (/^-?\d+$/.test(argument)) {
      process.exitCode = Number(argument) & 255;
    } else {
      process.stderr.write(argument + '\n');
      process.exitCode = 1;
    }
  } else {
    const text = String(error.message ?? error);
    const lines = text.replace(/^PythonError: /, '').split('\n');
    // Drop the frame for our own `import` line, which a direct run would not
    // show, and name the source file as the caller gave it.
    const kept = lines
      .filter((line) => !line.startsWith('  File "<stdin>"'))
      .map((line) => line.replace(`/run/${moduleName}${extension}`, file));
    process.stderr.write(kept.join('\n'));
    process.exitCode = 1;
  }
}
