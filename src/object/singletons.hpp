// The types of None, Ellipsis and NotImplemented.
#pragma once

#include "object/object.hpp"

namespace xipy::object {

extern const Type none_type;
extern const Type ellipsis_type;
extern const Type not_implemented_type;

}  // namespace xipy::object
