#!/usr/bin/env node
// Compiles .py files to .mpy v6 with the pinned reference mpy-cross (MicroPython 1.19).
//
//   node mpy-cross.js FILE.py -o FILE.mpy
//   node mpy-cross.js --out-dir DIR [--root DIR] FILE.py...   (many files, one process)
//
// With --out-dir each FILE.py becomes DIR/<path relative to --root>.mpy.
// Exit status: 0 on success, 1 if any file failed to compile, 2 on bad usage.

'use strict';
// The package's loader calls fetch() on a file path under Node 20; with fetch
// gone it falls back to reading the wasm from disk.
globalThis.fetch = undefined;
// Each compile instantiates the wasm module afresh, and each instance adds
// process listeners; many files in one run would otherwise warn.
process.setMaxListeners(0);
const fs = require('fs');
const path = require('path');
const { compile } = require('@pybricks/mpy-cross-v6');

const usage = `usage: node mpy-cross.js FILE.py -o FILE.mpy
       node mpy-cross.js --out-dir DIR [--root DIR] FILE.py...
Compiles Python source to .mpy v6 with MicroPython 1.19's mpy-cross.
The name recorded in the .mpy is FILE.py's path as given (or relative to --root).`;

function parseArguments(argv) {
  const options = { inputs: [], output: null, outDir: null, root: null };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '-h' || argument === '--help') {
      console.log(usage);
      process.exit(0);
    } else if (argument === '-o') {
      options.output = argv[++i];
    } else if (argument === '--out-dir') {
      options.outDir = argv[++i];
    } else if (argument === '--root') {
      options.root = argv[++i];
    } else if (argument.startsWith('-')) {
      throw new Error(`unknown option ${argument}`);
    } else {
      options.inputs.push(argument);
    }
  }
  if (options.inputs.length === 0) throw new Error('no input file');
  if (options.output && options.inputs.length !== 1) throw new Error('-o takes exactly one input');
  if (!options.output && !options.outDir) throw new Error('give -o FILE or --out-dir DIR');
  return options;
}

async function compileOne(input, output, recordedName) {
  const source = fs.readFileSync(input, 'utf8');
  // The wasm build writes the source under the name it is given, and has no
  // folders; -s records the path we want in the .mpy instead.
  const result = await compile(path.basename(recordedName), source, ['-s', recordedName]);
  if (result.status !== 0 || !result.mpy) {
    process.stderr.write(`${input}: mpy-cross failed (status ${result.status})\n`);
    for (const line of result.err) process.stderr.write(line + '\n');
    return false;
  }
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, result.mpy);
  return true;
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`mpy-cross: ${error.message}\n${usage}\n`);
    process.exit(2);
  }
  let ok = true;
  for (const input of options.inputs) {
    const relative = options.root ? path.relative(options.root, input) : input;
    const output = options.output ||
      path.join(options.outDir, relative.replace(/\.py$/, '') + '.mpy');
    ok = (await compileOne(input, output, relative)) && ok;
  }
  process.exit(ok ? 0 : 1);
}

main();
