#include "shortcutguard.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QTimer>

namespace ui {

namespace {

// The number field that `object` is or belongs to (a spin box's inner line edit), or null.
QAbstractSpinBox* numberField(QObject* object) {
    for (; object; object = object->parent())
        if (auto* field = qobject_cast<QAbstractSpinBox*>(object)) return field;
    return nullptr;
}

// Whether `object` is a control that would take the window's keys for its own: a number
// field, or a slider (whose arrow keys would move it instead of stepping).
QWidget* keyTaker(QObject* object) {
    if (QAbstractSpinBox* field = numberField(object)) return field;
    return qobject_cast<QAbstractSlider*>(object);
}

}  // namespace

ShortcutGuard::ShortcutGuard(QWidget* window, QWidget* home)
    : QObject(window), window_(window), home_(home) {
    qApp->installEventFilter(this);
}

bool ShortcutGuard::isWindowShortcut(const QKeyEvent& key) const {
    const QKeySequence pressed(key.keyCombination());
    const auto actions = window_->findChildren<QAction*>();
    return std::any_of(actions.begin(), actions.end(), [&](const QAction* action) {
        return action->isEnabled() && action->shortcuts().contains(pressed);
    });
}

bool ShortcutGuard::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (type != QEvent::ShortcutOverride && type != QEvent::KeyPress) return false;
    QWidget* taker = keyTaker(watched);
    if (!taker || !window_ || !home_ || taker->window() != window_) return false;
    auto* key = static_cast<QKeyEvent*>(event);
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    const bool escape = key->key() == Qt::Key_Escape;
    if (type == QEvent::ShortcutOverride) {
        if (!isWindowShortcut(*key)) return false;
        // Commit what was typed, give the keyboard back, and let the shortcut act.
        if (QAbstractSpinBox* field = numberField(taker)) field->interpretText();
        home_->setFocus(Qt::ShortcutFocusReason);
        event->ignore();
        return true;
    }
    QAbstractSpinBox* field = numberField(taker);
    if (!field) return false;
    if (enter) {
        // The field commits first; then the keyboard goes back.
        QTimer::singleShot(0, home_, [home = home_] {
            if (home) home->setFocus(Qt::OtherFocusReason);
        });
        return false;
    }
    if (escape) {
        // Show the value in force again, dropping what was typed.
        field->setProperty("value", field->property("value"));
        home_->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return false;
}

}  // namespace ui
