// libFuzzer target: any bytes through Image::load, the verifier and the text disassembler.
#include <cstddef>
#include <cstdint>
#include <span>

#include "disassembler/text_writer.hpp"
#include "image/image.hpp"
#include "image/verifier.hpp"

// Each stage must turn every input into a value or an error, never a crash, a hang or a
// sanitizer report. Verified images also check the verifier's promises about the prelude.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    auto image = xipy::image::Image::load(bytes);
    if (!image.ok()) {
        return 0;
    }
    auto verified = xipy::image::verify(image.value());
    if (verified.ok()) {
        const auto codes = image->raw_codes();
        if (verified->size() != codes.size()) {
            __builtin_trap();
        }
        for (std::size_t index = 0; index < codes.size(); ++index) {
            const auto& facts = (*verified)[index];
            const auto& prelude = codes[index].prelude;
            if (std::uint64_t{facts.stack_size} + facts.local_count > prelude.n_state ||
                facts.exception_depth > prelude.n_exc_stack || facts.stack_guard > 2) {
                __builtin_trap();
            }
        }
    }
    auto listing = xipy::disassembler::write_text(image.value());
    (void)listing;
    return 0;
}
