// HostServices: turning a host's directory into the filesystem grant.
#include "vm/host_services.hpp"

#include <filesystem>
#include <system_error>

namespace xipy::vm {

std::optional<std::string> canonical_filesystem_root(std::string_view directory) {
    std::error_code error;
    std::filesystem::path resolved = std::filesystem::canonical(std::string(directory), error);
    if (error || !std::filesystem::is_directory(resolved, error) || error) {
        return std::nullopt;
    }
    return resolved.string();
}

}  // namespace xipy::vm
