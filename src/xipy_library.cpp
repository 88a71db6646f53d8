// The xipy library's identity: its version string.
namespace xipy {
const char* version() { return "0.1.0"; }
}  // namespace xipy
