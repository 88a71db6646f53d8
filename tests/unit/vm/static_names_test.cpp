// Checks that the object model's fixed names start with the image's static qstrs, id for id.
//
// The VM turns a static qstr id of an image straight into a name id (vm/module_loading.cpp),
// so the two tables must agree; this test sits in vm because vm is the layer that sees both.
#include <gtest/gtest.h>

#include <cstdint>

#include "image/static_qstrs.hpp"
#include "object/names.hpp"

namespace xipy::vm {
namespace {

TEST(StaticNamesTest, FixedNameIdsAreMicroPythonsQstrIds) {
    for (std::uint32_t id = 1; id <= image::static_qstr_count; ++id) {
        EXPECT_EQ(object::fixed_name_text(id), image::static_qstr(id)) << id;
    }
}

}  // namespace
}  // namespace xipy::vm
