#pragma once

#include <algorithm>
#include <iterator>

namespace ui {

// The zooms View > Zoom In and Zoom Out step through, in percent, as a browser's do.
struct ZoomLevels {
    static constexpr int levels[] = {50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300};
    static constexpr int smallest = levels[0];
    static constexpr int largest = levels[std::size(levels) - 1];
    static constexpr int natural = 100;
    // The network's and the samples' texts against the system font at 100%: larger, to be read
    // from the back of a lecture room.
    static constexpr double readingScale = 1.2;

    // The next level above `percent` (or the largest).
    static constexpr int larger(int percent) {
        for (int level : levels)
            if (level > percent) return level;
        return largest;
    }
    // The next level below `percent` (or the smallest).
    static constexpr int smaller(int percent) {
        for (auto it = std::rbegin(levels); it != std::rend(levels); ++it)
            if (*it < percent) return *it;
        return smallest;
    }
};

}  // namespace ui
