#pragma once

#include <QString>
#include <QStringList>
#include <functional>

class QMenu;

namespace ui {

// The session files opened or saved lately, newest first, and what the window showed last (a
// file, or a preset as "preset:NAME"), kept with QSettings so that the next start finds them.
class RecentSessions {
public:
    // Files kept in the list.
    static constexpr int maximum = 8;
    static constexpr const char* presetPrefix = "preset:";

    // The files, newest first.
    static QStringList files();
    // `path` to the front of the list (once).
    static void add(const QString& path);
    // `path` out of the list (a file that can no longer be read).
    static void remove(const QString& path);
    static void clear();

    // What the window showed last: a file's path or presetPrefix + a preset's name; empty if
    // nothing is known.
    static QString last();
    static void setLast(const QString& what);

    // Fills `menu` with the files, newest first, each named by its file (its path as a tip) and
    // opened by `open`, then "Clear the list".
    static void fill(QMenu& menu, const std::function<void(const QString&)>& open);
};

}  // namespace ui
