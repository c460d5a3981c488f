#pragma once

#include <dirent.h>
#include <QByteArray>
#include <QtGlobal>
#include <algorithm>
#include <vector>

namespace testing_support {

// The names in `directory` as the system spells them (QDir drops those that are not UTF-8),
// sorted.
inline std::vector<QByteArray> namesIn(const QByteArray& directory) {
    std::vector<QByteArray> names;
    DIR* listing = ::opendir(directory.constData());
    while (const dirent* entry = listing ? ::readdir(listing) : nullptr)
        if (qstrcmp(entry->d_name, ".") != 0 && qstrcmp(entry->d_name, "..") != 0)
            names.emplace_back(entry->d_name);
    if (listing) ::closedir(listing);
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace testing_support
