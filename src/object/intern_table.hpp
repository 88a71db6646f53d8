// InternTable: one VM's interned strings, which Values hold as 32-bit ids.
#pragma once

#include <cstdint>
#include <forward_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "object/names.hpp"

namespace xipy::object {

// Invariants: ids 1..names::fixed_name_count-1 are the fixed names
// (object/names.hpp) and mean the same text in every VM; the appended names
// (AppendedNames, given by the layers above) follow, also the same in every
// VM created with them; ids from first_run_time_id() on are this VM's own,
// in order of interning. No two ids have the same text, so two
// interned strings are equal exactly when their ids are. Texts either live
// in memory that outlives the VM (constant tables, the images the VM runs)
// or are copies owned by the table.
//
// The fixed names, and the appended ones when they come with a NameIndex, are found through
// constant indexes shared by every VM, so a new VM's table holds nothing: entries_ and index_
// cover only the ids from dynamic_base_ on (appended names without an index, then the run-time
// names).
class InternTable {
  public:
    explicit InternTable(AppendedNames appended = {});
    InternTable(const InternTable&) = delete;
    InternTable& operator=(const InternTable&) = delete;

    std::optional<std::uint32_t> find(std::string_view text) const;
    // Interns text that stays valid, unchanged, for the VM's lifetime (an
    // image's qstr): the table keeps only the view.
    std::uint32_t intern_in_place(std::string_view text);
    // Interns a copy of `text`.
    std::uint32_t intern_copy(std::string_view text);

    // Precondition: id was handed out by this table (or is a fixed name).
    std::string_view text(std::uint32_t id) const;
    std::uint64_t hash(std::uint32_t id) const;
    std::size_t size() const;
    // The appended fixed names this table was created with, and the first id after them.
    AppendedNames appended_names() const { return appended_; }
    std::uint32_t first_run_time_id() const { return first_run_time_id_; }

  private:
    struct Entry {
        std::string_view text;
        std::uint64_t hash;
    };

    std::uint32_t add(std::string_view text);

    std::vector<Entry> entries_;  // index = id - dynamic_base_
    std::unordered_map<std::string_view, std::uint32_t> index_;
    std::uint32_t dynamic_base_ = 0;
    // A list: growing never moves a text, and an empty one allocates nothing.
    std::forward_list<std::string> owned_texts_;
    AppendedNames appended_;
    std::uint32_t first_run_time_id_ = 0;
};

}  // namespace xipy::object
