#pragma once

#include <cstddef>
#include <cstdio>

namespace testing_support {

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
