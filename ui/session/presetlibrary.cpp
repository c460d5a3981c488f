#include "presetlibrary.h"

#include <QDir>
#include <algorithm>
#include <optional>
#include <utility>

namespace session {

namespace {

// The lessons' order; other presets follow by name.
const QStringList kLessonOrder = {"mazur", "oscillate", "diverge", "xor", "momentum"};

int rank(const QString& name) {
    const qsizetype index = kLessonOrder.indexOf(name);
    return index < 0 ? int(kLessonOrder.size()) : int(index);
}

}  // namespace

const PresetLibrary& PresetLibrary::builtIn() {
    static const PresetLibrary library(QStringLiteral(":/presets"));
    return library;
}

PresetLibrary::PresetLibrary(const QString& directory, QStringList* errors) {
    const QDir dir(directory);
    for (const QString& file : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QString error;
        if (std::optional<Session> session = SessionFile::read(dir.filePath(file), &error))
            presets_.push_back({file.chopped(5), std::move(*session)});
        else if (errors)
            errors->append(error);
    }
    std::stable_sort(presets_.begin(), presets_.end(), [](const Preset& a, const Preset& b) {
        return std::pair(rank(a.name), a.name) < std::pair(rank(b.name), b.name);
    });
}

const Preset* PresetLibrary::find(const QString& name) const {
    const auto it = std::find_if(presets_.begin(), presets_.end(),
                                 [&](const Preset& p) { return p.name == name; });
    return it == presets_.end() ? nullptr : &*it;
}

QStringList PresetLibrary::names() const {
    QStringList result;
    for (const Preset& preset : presets_)
        result.append(preset.name);
    return result;
}

}  // namespace session
