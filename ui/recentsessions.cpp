#include "recentsessions.h"

#include <QMenu>
#include <QSettings>

#include "ui/session/sessionfile.h"

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

void RecentSessions::fill(QMenu& menu, const std::function<void(const QString&)>& open) {
    menu.clear();
    const QStringList list = files();
    for (const QString& path : list) {
        QAction* entry = menu.addAction(session::SessionFile::displayName(path));
        QObject::connect(entry, &QAction::triggered, &menu, [open, path] { open(path); });
        entry->setToolTip(path);
        entry->setStatusTip(path);
    }
    if (!list.isEmpty()) menu.addSeparator();
    menu.addAction(QMenu::tr("Clear the list"), [] { clear(); })->setEnabled(!list.isEmpty());
}

}  // namespace ui
