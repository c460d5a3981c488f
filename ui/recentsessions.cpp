#include "recentsessions.h"

#include <QSettings>

namespace ui {

namespace {

const QString kFilesKey = QStringLiteral("sessions/recent");
const QString kLastKey = QStringLiteral("sessions/last");

}  // namespace

QStringList RecentSessions::files() {
    return QSettings().value(kFilesKey).toStringList();
}

void RecentSessions::add(const QString& path) {
    QStringList list = files();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > maximum)
        list.removeLast();
    QSettings().setValue(kFilesKey, list);
}

void RecentSessions::remove(const QString& path) {
    QStringList list = files();
    list.removeAll(path);
    QSettings().setValue(kFilesKey, list);
}

void RecentSessions::clear() {
    QSettings().remove(kFilesKey);
}

QString RecentSessions::last() {
    return QSettings().value(kLastKey).toString();
}

void RecentSessions::setLast(const QString& what) {
    QSettings().setValue(kLastKey, what);
}

}  // namespace ui
