#pragma once

#include <cstddef>
#include <cstdio>

namespace testing_support {

// Whether resident memory says what a program keeps: AddressSanitizer holds freed memory in its
// quarantine (256 MB by default), so under it a test of memory growth would measure that.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kResidentBytesTellWhatIsKept = false;
#else
inline constexpr bool kResidentBytesTellWhatIsKept = true;
#endif

// This process's resident memory in bytes (0 where /proc is not there to tell).
inline std::size_t residentBytes() {
    std::FILE* file = std::fopen("/proc/self/statm", "r");
    if (!file) return 0;
    unsigned long pages = 0, resident = 0;
    const int read = std::fscanf(file, "%lu %lu", &pages, &resident);
    std::fclose(file);
    return read == 2 ? resident * 4096ul : 0;
}

}  // namespace testing_support
