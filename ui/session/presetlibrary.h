#pragma once

#include <QString>
#include <QStringList>
#include <vector>

#include "sessionfile.h"

namespace session {

// A named starting point for a lesson, stored as a session file in resources/presets.
struct Preset {
    QString name;     // the file's base name: "mazur", "oscillate", ..
    Session session;  // its configuration and one-line description
};

// The presets compiled into the program, in the order of the lessons.
class PresetLibrary {
public:
    // The built-in presets (read once from ":/presets").
    static const PresetLibrary& builtIn();

    // Reads every *.json in `directory`; a preset that does not load is reported in `errors`.
    explicit PresetLibrary(const QString& directory, QStringList* errors = nullptr);

    const std::vector<Preset>& presets() const { return presets_; }
    // The preset called `name`, or null.
    const Preset* find(const QString& name) const;
    QStringList names() const;

private:
    std::vector<Preset> presets_;
};

}  // namespace session
