#pragma once

#include <QObject>
#include <QPointer>

class QKeyEvent;
class QWidget;

namespace ui {

// Keeps the window's keyboard shortcuts working whatever has the focus. A number field (the
// learning rate, the digits) or a slider would otherwise take Left, Right, Space, R or Ctrl+E
// for itself and keep them once clicked. There, a key that is one of the window's shortcuts
// commits what was typed and hands the keyboard back to `home`, then acts as the shortcut. In a
// field, Enter commits and hands the keyboard back; Escape drops what was typed and does the same.
class ShortcutGuard : public QObject {
    Q_OBJECT

public:
    // Guards the fields of `window`; `home` takes the keyboard back from them.
    ShortcutGuard(QWidget* window, QWidget* home);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool isWindowShortcut(const QKeyEvent& key) const;

    QPointer<QWidget> window_;
    QPointer<QWidget> home_;
};

}  // namespace ui
