// Names: interned-string ids fixed at compile time, shared by every VM.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "object/name_index.hpp"
#include "object/value.hpp"

namespace xipy::object {

// Every name the runtime itself needs, as an X-macro of (identifier, text).
//
// The first list is MicroPython's table of static qstrs, in its order, so
// that id 1..165 here is the id a .mpy file uses for the same text (id 0 is
// the null qstr). The second list continues the table with the names of
// xipy's built-in types and methods, so that method tables and error
// messages can name them as constants. Names that only a standard module
// uses live with the modules (modules/names.hpp) and are appended after
// these (AppendedNames). Interned strings created at run time get ids after
// all of them. Appending to XIPY_EXTRA_NAMES is the way to make a new name
// available to the object and vm layers' constant tables.
// clang-format off
#define XIPY_STATIC_QSTR_NAMES(X) \
    X(empty_string, "") \
    X(dunder_dir, "__dir__") \
    X(newline, "\n") \
    X(space, " ") \
    X(star, "*") \
    X(slash, "/") \
    X(module_marker, "<module>") \
    X(underscore, "_") \
    X(dunder_call, "__call__") \
    X(dunder_class, "__class__") \
    X(dunder_delitem, "__delitem__") \
    X(dunder_enter, "__enter__") \
    X(dunder_exit, "__exit__") \
    X(dunder_getattr, "__getattr__") \
    X(dunder_getitem, "__getitem__") \
    X(dunder_hash, "__hash__") \
    X(dunder_init, "__init__") \
    X(dunder_int, "__int__") \
    X(dunder_iter, "__iter__") \
    X(dunder_len, "__len__") \
    X(dunder_main, "__main__") \
    X(dunder_module, "__module__") \
    X(dunder_name, "__name__") \
    X(dunder_new, "__new__") \
    X(dunder_next, "__next__") \
    X(dunder_qualname, "__qualname__") \
    X(dunder_repr, "__repr__") \
    X(dunder_setitem, "__setitem__") \
    X(dunder_str, "__str__") \
    X(ArithmeticError, "ArithmeticError") \
    X(AssertionError, "AssertionError") \
    X(AttributeError, "AttributeError") \
    X(BaseException, "BaseException") \
    X(EOFError, "EOFError") \
    X(Ellipsis, "Ellipsis") \
    X(Exception, "Exception") \
    X(GeneratorExit, "GeneratorExit") \
    X(ImportError, "ImportError") \
    X(IndentationError, "IndentationError") \
    X(IndexError, "IndexError") \
    X(KeyError, "KeyError") \
    X(KeyboardInterrupt, "KeyboardInterrupt") \
    X(LookupError, "LookupError") \
    X(MemoryError, "MemoryError") \
    X(NameError, "NameError") \
    X(NoneType, "NoneType") \
    X(NotImplementedError, "NotImplementedError") \
    X(OSError, "OSError") \
    X(OverflowError, "OverflowError") \
    X(RuntimeError, "RuntimeError") \
    X(StopIteration, "StopIteration") \
    X(SyntaxError, "SyntaxError") \
    X(SystemExit, "SystemExit") \
    X(TypeError, "TypeError") \
    X(ValueError, "ValueError") \
    X(ZeroDivisionError, "ZeroDivisionError") \
    X(abs, "abs") \
    X(all, "all") \
    X(any, "any") \
    X(append, "append") \
    X(args, "args") \
    X(bool_, "bool") \
    X(builtins, "builtins") \
    X(bytearray, "bytearray") \
    X(bytecode, "bytecode") \
    X(bytes, "bytes") \
    X(callable, "callable") \
    X(chr, "chr") \
    X(classmethod, "classmethod") \
    X(clear, "clear") \
    X(close, "close") \
    X(const_, "const") \
    X(copy, "copy") \
    X(count, "count") \
    X(dict, "dict") \
    X(dir, "dir") \
    X(divmod, "divmod") \
    X(end, "end") \
    X(endswith, "endswith") \
    X(eval, "eval") \
    X(exec, "exec") \
    X(extend, "extend") \
    X(find, "find") \
    X(format, "format") \
    X(from_bytes, "from_bytes") \
    X(get, "get") \
    X(getattr, "getattr") \
    X(globals, "globals") \
    X(hasattr, "hasattr") \
    X(hash, "hash") \
    X(id, "id") \
    X(index, "index") \
    X(insert, "insert") \
    X(int_, "int") \
    X(isalpha, "isalpha") \
    X(isdigit, "isdigit") \
    X(isinstance, "isinstance") \
    X(islower, "islower") \
    X(isspace, "isspace") \
    X(issubclass, "issubclass") \
    X(isupper, "isupper") \
    X(items, "items") \
    X(iter, "iter") \
    X(join, "join") \
    X(key, "key") \
    X(keys, "keys") \
    X(len, "len") \
    X(list, "list") \
    X(little, "little") \
    X(locals, "locals") \
    X(lower, "lower") \
    X(lstrip, "lstrip") \
    X(main, "main") \
    X(map, "map") \
    X(micropython, "micropython") \
    X(next, "next") \
    X(object, "object") \
    X(open, "open") \
    X(ord, "ord") \
    X(pop, "pop") \
    X(popitem, "popitem") \
    X(pow, "pow") \
    X(print, "print") \
    X(range, "range") \
    X(read, "read") \
    X(readinto, "readinto") \
    X(readline, "readline") \
    X(remove, "remove") \
    X(replace, "replace") \
    X(repr, "repr") \
    X(reverse, "reverse") \
    X(rfind, "rfind") \
    X(rindex, "rindex") \
    X(round, "round") \
    X(rsplit, "rsplit") \
    X(rstrip, "rstrip") \
    X(self, "self") \
    X(send, "send") \
    X(sep, "sep") \
    X(set, "set") \
    X(setattr, "setattr") \
    X(setdefault, "setdefault") \
    X(sort, "sort") \
    X(sorted, "sorted") \
    X(split, "split") \
    X(start, "start") \
    X(startswith, "startswith") \
    X(staticmethod, "staticmethod") \
    X(step, "step") \
    X(stop, "stop") \
    X(str, "str") \
    X(strip, "strip") \
    X(sum, "sum") \
    X(super, "super") \
    X(throw_, "throw") \
    X(to_bytes, "to_bytes") \
    X(tuple, "tuple") \
    X(type, "type") \
    X(update, "update") \
    X(upper, "upper") \
    X(utf_8, "utf-8") \
    X(value, "value") \
    X(values, "values") \
    X(write, "write") \
    X(zip, "zip")

#define XIPY_EXTRA_NAMES(X) \
    X(dunder_add, "__add__") \
    X(dunder_sub, "__sub__") \
    X(dunder_mul, "__mul__") \
    X(dunder_matmul, "__matmul__") \
    X(dunder_floordiv, "__floordiv__") \
    X(dunder_truediv, "__truediv__") \
    X(dunder_mod, "__mod__") \
    X(dunder_pow, "__pow__") \
    X(dunder_lshift, "__lshift__") \
    X(dunder_rshift, "__rshift__") \
    X(dunder_and, "__and__") \
    X(dunder_or, "__or__") \
    X(dunder_xor, "__xor__") \
    X(dunder_radd, "__radd__") \
    X(dunder_rsub, "__rsub__") \
    X(dunder_rmul, "__rmul__") \
    X(dunder_rmatmul, "__rmatmul__") \
    X(dunder_rfloordiv, "__rfloordiv__") \
    X(dunder_rtruediv, "__rtruediv__") \
    X(dunder_rmod, "__rmod__") \
    X(dunder_rpow, "__rpow__") \
    X(dunder_rlshift, "__rlshift__") \
    X(dunder_rrshift, "__rrshift__") \
    X(dunder_rand, "__rand__") \
    X(dunder_ror, "__ror__") \
    X(dunder_rxor, "__rxor__") \
    X(dunder_iadd, "__iadd__") \
    X(dunder_isub, "__isub__") \
    X(dunder_imul, "__imul__") \
    X(dunder_imatmul, "__imatmul__") \
    X(dunder_ifloordiv, "__ifloordiv__") \
    X(dunder_itruediv, "__itruediv__") \
    X(dunder_imod, "__imod__") \
    X(dunder_ipow, "__ipow__") \
    X(dunder_ilshift, "__ilshift__") \
    X(dunder_irshift, "__irshift__") \
    X(dunder_iand, "__iand__") \
    X(dunder_ior, "__ior__") \
    X(dunder_ixor, "__ixor__") \
    X(dunder_lt, "__lt__") \
    X(dunder_gt, "__gt__") \
    X(dunder_eq, "__eq__") \
    X(dunder_le, "__le__") \
    X(dunder_ge, "__ge__") \
    X(dunder_ne, "__ne__") \
    X(dunder_contains, "__contains__") \
    X(dunder_bool, "__bool__") \
    X(dunder_neg, "__neg__") \
    X(dunder_pos, "__pos__") \
    X(dunder_invert, "__invert__") \
    X(dunder_abs, "__abs__") \
    X(dunder_setattr, "__setattr__") \
    X(dunder_delattr, "__delattr__") \
    X(dunder_getattribute, "__getattribute__") \
    X(dunder_get, "__get__") \
    X(dunder_set, "__set__") \
    X(dunder_delete, "__delete__") \
    X(dunder_dict, "__dict__") \
    X(dunder_bases, "__bases__") \
    X(dunder_mro, "__mro__") \
    X(dunder_file, "__file__") \
    X(dunder_float, "__float__") \
    X(dunder_complex, "__complex__") \
    X(dunder_index, "__index__") \
    X(dunder_reversed, "__reversed__") \
    X(dunder_del, "__del__") \
    X(dunder_build_class, "__build_class__") \
    X(dunder_import, "__import__") \
    X(dunder_traceback, "__traceback__") \
    X(dunder_cause, "__cause__") \
    X(dunder_context, "__context__") \
    X(dunder_aenter, "__aenter__") \
    X(dunder_aexit, "__aexit__") \
    X(dunder_await, "__await__") \
    X(dunder_aiter, "__aiter__") \
    X(dunder_anext, "__anext__") \
    X(dunder_init_subclass, "__init_subclass__") \
    X(dunder_set_name, "__set_name__") \
    X(dunder_format, "__format__") \
    X(dunder_divmod, "__divmod__") \
    X(dunder_rdivmod, "__rdivmod__") \
    X(dunder_round, "__round__") \
    X(dunder_sizeof, "__sizeof__") \
    X(dunder_slots, "__slots__") \
    X(dunder_doc, "__doc__") \
    X(dunder_version, "__version__") \
    X(dunder_self, "__self__") \
    X(dunder_func, "__func__") \
    X(dunder_code, "__code__") \
    X(dunder_defaults, "__defaults__") \
    X(dunder_closure, "__closure__") \
    X(dunder_globals, "__globals__") \
    X(dunder_missing, "__missing__") \
    X(dunder_length_hint, "__length_hint__") \
    X(dunder_base, "__base__") \
    X(dunder_subclasses, "__subclasses__") \
    X(dunder_instancecheck, "__instancecheck__") \
    X(dunder_subclasscheck, "__subclasscheck__") \
    X(dunder_class_getitem, "__class_getitem__") \
    X(dunder_suppress_context, "__suppress_context__") \
    X(dunder_notes, "__notes__") \
    X(dunder_match_args, "__match_args__") \
    X(lambda_marker, "<lambda>") \
    X(listcomp_marker, "<listcomp>") \
    X(dictcomp_marker, "<dictcomp>") \
    X(setcomp_marker, "<setcomp>") \
    X(genexpr_marker, "<genexpr>") \
    X(float_, "float") \
    X(complex, "complex") \
    X(frozenset, "frozenset") \
    X(enumerate, "enumerate") \
    X(filter, "filter") \
    X(reversed, "reversed") \
    X(slice, "slice") \
    X(property, "property") \
    X(memoryview, "memoryview") \
    X(bin, "bin") \
    X(hex, "hex") \
    X(oct, "oct") \
    X(min, "min") \
    X(max, "max") \
    X(delattr, "delattr") \
    X(vars, "vars") \
    X(ascii, "ascii") \
    X(NotImplemented_, "NotImplemented") \
    X(None_, "None") \
    X(True_, "True") \
    X(False_, "False") \
    X(getter, "getter") \
    X(setter, "setter") \
    X(deleter, "deleter") \
    X(fget, "fget") \
    X(fset, "fset") \
    X(fdel, "fdel") \
    X(real, "real") \
    X(imag, "imag") \
    X(conjugate, "conjugate") \
    X(bit_length, "bit_length") \
    X(numerator, "numerator") \
    X(denominator, "denominator") \
    X(add, "add") \
    X(discard, "discard") \
    X(difference, "difference") \
    X(intersection, "intersection") \
    X(union_, "union") \
    X(symmetric_difference, "symmetric_difference") \
    X(issubset, "issubset") \
    X(issuperset, "issuperset") \
    X(isdisjoint, "isdisjoint") \
    X(difference_update, "difference_update") \
    X(intersection_update, "intersection_update") \
    X(symmetric_difference_update, "symmetric_difference_update") \
    X(fromkeys, "fromkeys") \
    X(capitalize, "capitalize") \
    X(center, "center") \
    X(title, "title") \
    X(partition, "partition") \
    X(rpartition, "rpartition") \
    X(splitlines, "splitlines") \
    X(zfill, "zfill") \
    X(ljust, "ljust") \
    X(rjust, "rjust") \
    X(isalnum, "isalnum") \
    X(encode, "encode") \
    X(decode, "decode") \
    X(fromhex, "fromhex") \
    X(count_nonzero, "count_nonzero") \
    X(swapcase, "swapcase") \
    X(casefold, "casefold") \
    X(expandtabs, "expandtabs") \
    X(removeprefix, "removeprefix") \
    X(removesuffix, "removesuffix") \
    X(default_, "default") \
    X(big, "big") \
    X(signed_, "signed") \
    X(byteorder, "byteorder") \
    X(length, "length") \
    X(byteorder_name, "byteorder_name") \
    X(name, "name") \
    X(with_traceback, "with_traceback") \
    X(add_note, "add_note") \
    X(UnicodeError, "UnicodeError") \
    X(StopAsyncIteration, "StopAsyncIteration") \
    X(RecursionError, "RecursionError") \
    X(ModuleNotFoundError, "ModuleNotFoundError") \
    X(function, "function") \
    X(generator, "generator") \
    X(coroutine, "coroutine") \
    X(closure, "closure") \
    X(bound_method, "bound_method") \
    X(cell, "cell") \
    X(module, "module") \
    X(iterator, "iterator") \
    X(array, "array") \
    X(itertools, "itertools") \
    X(functools, "functools") \
    X(string, "string") \
    X(mpy_version, "mpy_version") \
    X(ellipsis, "ellipsis") \
    X(NotImplementedType, "NotImplementedType") \
    X(dict_view, "dict_view") \
    X(range_iterator, "range_iterator") \
    X(tuple_iterator, "tuple_iterator") \
    X(str_iterator, "str_iterator") \
    X(set_iterator, "set_iterator") \
    X(flush, "flush") \
    X(file, "file") \
    X(float_info, "float_info") \
    X(code, "code") \
    X(is_integer, "is_integer") \
    X(maxsplit, "maxsplit") \
    X(dict_keys, "dict_keys") \
    X(dict_values, "dict_values") \
    X(dict_items, "dict_items") \
    X(metaclass, "metaclass") \
    X(indices, "indices") \
    X(tobytes, "tobytes") \
    X(release, "release") \
    X(readonly, "readonly") \
    X(itemsize, "itemsize") \
    X(cast, "cast") \
    X(nbytes, "nbytes") \
    X(flags, "flags") \
    X(string_io, "StringIO") \
    X(bytes_io, "BytesIO") \
    X(getvalue, "getvalue") \
    X(seek, "seek") \
    X(tell, "tell") \
    X(mpy_attribute, "_mpy") \
    X(machine_attribute, "_machine") \
    X(errno_, "errno") \
    X(keepends, "keepends") \
    X(TextIOWrapper, "TextIOWrapper") \
    X(FileIO, "FileIO") \
    X(fileno, "fileno") \
    X(buffer, "buffer") \
    X(readlines, "readlines") \
    X(iterable, "iterable") \
    X(pend_throw, "pend_throw")
// clang-format on

namespace names {
enum : std::uint32_t {
    null_name = 0,
#define XIPY_NAME_ENUMERATOR(identifier, text) identifier,
    XIPY_STATIC_QSTR_NAMES(XIPY_NAME_ENUMERATOR) XIPY_EXTRA_NAMES(XIPY_NAME_ENUMERATOR)
#undef XIPY_NAME_ENUMERATOR
    // One past the last fixed id: the first id a VM hands out at run time.
    fixed_name_count,
};
}  // namespace names

inline constexpr std::uint32_t last_static_qstr_id = 165;
static_assert(names::zip == last_static_qstr_id, "static qstr ids must match MicroPython's");

// The text of a fixed name; precondition: 0 < id < names::fixed_name_count.
std::string_view fixed_name_text(std::uint32_t id);
// The constant index of the fixed names: position p is id p + 1 (the null name is not in it).
const NameIndex& fixed_name_index();

// Fixed names that a layer above this one adds to every VM: a VM created with them interns
// texts[i] as id names::fixed_name_count + i, right after the names above and before any
// run-time name, so the ids are constants that constant tables (a module's functions) can
// hold. `ids_in_qstr_order` lists the same ids ordered by text, as MicroPython's
// makeqstrdata.py orders its built-in names; dir() probes them in that order merged with
// this layer's extra names, so where a name is declared never changes what dir() prints.
// The texts must all differ from each other and from this layer's fixed names.
// `index`, when not empty, is a constant index over `texts` (ConstantNameIndex) that every VM
// shares; without one each VM indexes the texts itself.
struct AppendedNames {
    std::span<const std::string_view> texts;
    std::span<const std::uint32_t> ids_in_qstr_order;
    NameIndex index{};
};

// A fixed name as a Python str value.
constexpr Value name_value(std::uint32_t id) { return Value::from_interned_string(id); }

}  // namespace xipy::object
