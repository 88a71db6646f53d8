// The built-in types and exceptions as they appear in the builtins module.
#include <array>

#include "object/array_object.hpp"
#include "object/builtins.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/complex_object.hpp"
#include "object/descriptor_objects.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/float_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/memoryview_object.hpp"
#include "object/names.hpp"
#include "object/range_object.hpp"
#include "object/set_object.hpp"
#include "object/slice_object.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"

namespace xipy::object {
namespace {

constexpr Attribute type_table[] = {
    {names::object, &object_type},
    {names::type, &type_type},
    {names::int_, &int_type},
    {names::bool_, &bool_type},
    {names::float_, &float_type},
    {names::complex, &complex_type},
    {names::str, &str_type},
    {names::bytes, &bytes_type},
    {names::bytearray, &bytearray_type},
    {names::memoryview, &memoryview_type},
    {names::tuple, &tuple_type},
    {names::list, &list_type},
    {names::dict, &dict_type},
    {names::set, &set_type},
    {names::frozenset, &frozenset_type},
    {names::range, &range_type},
    {names::slice, &slice_type},
    {names::super, &super_type},
    {names::property, &property_type},
    {names::classmethod, &classmethod_type},
    {names::staticmethod, &staticmethod_type},
    {names::BaseException, &base_exception_type},
    {names::SystemExit, &system_exit_type},
    {names::KeyboardInterrupt, &keyboard_interrupt_type},
    {names::GeneratorExit, &generator_exit_type},
    {names::Exception, &exception_type},
    {names::StopIteration, &stop_iteration_type},
    {names::StopAsyncIteration, &stop_async_iteration_type},
    {names::ArithmeticError, &arithmetic_error_type},
    {names::OverflowError, &overflow_error_type},
    {names::ZeroDivisionError, &zero_division_error_type},
    {names::AssertionError, &assertion_error_type},
    {names::AttributeError, &attribute_error_type},
    {names::EOFError, &eof_error_type},
    {names::ImportError, &import_error_type},
    {names::LookupError, &lookup_error_type},
    {names::IndexError, &index_error_type},
    {names::KeyError, &key_error_type},
    {names::MemoryError, &memory_error_type},
    {names::NameError, &name_error_type},
    {names::OSError, &os_error_type},
    {names::RuntimeError, &runtime_error_type},
    {names::NotImplementedError, &not_implemented_error_type},
    {names::SyntaxError, &syntax_error_type},
    {names::IndentationError, &indentation_error_type},
    {names::TypeError, &type_error_type},
    {names::ValueError, &value_error_type},
    {names::UnicodeError, &unicode_error_type},
};

}  // namespace

std::span<const Attribute> type_builtins() { return type_table; }

}  // namespace xipy::object
