#pragma once

// Whether a window shows every control whole: nothing cut by the window or by the part it sits
// in, no two controls on top of each other, no text cut short, and what a tool bar cannot show
// reachable through its overflow button.

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSlider>
#include <QSplitter>
#include <QTextDocument>
#include <QToolBar>
#include <QWidget>
#include <string>
#include <vector>

namespace testing_support {

// What a user reads or operates: labels, buttons, choosers, fields, sliders.
inline bool isControl(const QWidget* widget) {
    return qobject_cast<const QLabel*>(widget) || qobject_cast<const QAbstractButton*>(widget) ||
           qobject_cast<const QComboBox*>(widget) ||
           qobject_cast<const QAbstractSpinBox*>(widget) ||
           qobject_cast<const QLineEdit*>(widget) || qobject_cast<const QSlider*>(widget);
}

inline std::string describe(const QWidget* widget) {
    QString name = widget->objectName();
    if (name.isEmpty()) name = widget->accessibleName();
    if (const auto* label = qobject_cast<const QLabel*>(widget); label && name.isEmpty())
        name = '"' + label->text().left(30) + '"';
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget); button && name.isEmpty())
        name = '"' + button->text() + '"';
    return std::string(widget->metaObject()->className()) + " " + name.toStdString();
}

// Whether `widget` is inside a scrolled area (its content may pass the area's edge by design) or
// part of a composite control (a spin box's line edit, a combo box's parts).
inline bool isInsideScrollingOrControl(const QWidget* widget, const QWidget* window) {
    for (const QWidget* parent = widget->parentWidget(); parent && parent != window;
         parent = parent->parentWidget())
        if (qobject_cast<const QAbstractScrollArea*>(parent) ||
            qobject_cast<const QAbstractSpinBox*>(parent) || qobject_cast<const QComboBox*>(parent))
            return true;
    return false;
}

// A label's text as shown: a mnemonic's "&" is not drawn, "&&" is one "&".
inline QString shownText(const QLabel& label) {
    QString text = label.text();
    if (!label.buddy()) return text;
    text.replace(QStringLiteral("&&"), QStringLiteral("\u0001"));
    text.remove('&');
    return text.replace(QChar(1), '&');
}

inline QRect rectIn(const QWidget* widget, const QWidget* window) {
    return {widget->mapTo(window, QPoint(0, 0)), widget->size()};
}

// Every problem of fit in `window`, each as one sentence; empty when everything shows whole.
inline std::vector<std::string> fitProblems(QWidget& window) {
    std::vector<std::string> problems;
    std::vector<const QWidget*> controls;
    for (const QWidget* widget : window.findChildren<QWidget*>()) {
        if (!widget->isVisibleTo(&window) || !isControl(widget) || widget->width() <= 0) continue;
        if (isInsideScrollingOrControl(widget, &window)) continue;
        // The part it sits in, and the window, show it whole.
        const QRect rect = rectIn(widget, &window);
        for (const QWidget* parent = widget->parentWidget(); parent;
             parent = parent == &window ? nullptr : parent->parentWidget())
            if (!rectIn(parent, &window).adjusted(-1, -1, 1, 1).contains(rect)) {
                problems.push_back(describe(widget) + " is cut by " + describe(parent));
                break;
            }
        // Its text is not cut short.
        if (const auto* label = qobject_cast<const QLabel*>(widget);
            label && !label->wordWrap() && label->textFormat() != Qt::RichText &&
            !(label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text())) &&
            !label->text().contains('\n') && !label->text().isEmpty() &&
            label->fontMetrics().horizontalAdvance(shownText(*label)) >
                label->contentsRect().width() + 1)
            problems.push_back(describe(widget) + " shows its text cut short");
        if (const auto* button = qobject_cast<const QAbstractButton*>(widget);
            button && !button->text().isEmpty() &&
            button->width() + 1 < button->minimumSizeHint().width())
            problems.push_back(describe(widget) + " is narrower than its text");
        if ((qobject_cast<const QAbstractSpinBox*>(widget) ||
             qobject_cast<const QComboBox*>(widget)) &&
            widget->width() + 1 < widget->minimumSizeHint().width())
            problems.push_back(describe(widget) + " is narrower than it can show");
        controls.push_back(widget);
    }
    // No two controls overlap (a control inside another, a tool button's label, may).
    for (std::size_t i = 0; i < controls.size(); ++i)
        for (std::size_t j = i + 1; j < controls.size(); ++j) {
            if (controls[i]->isAncestorOf(controls[j]) || controls[j]->isAncestorOf(controls[i]))
                continue;
            const QRect one = rectIn(controls[i], &window).adjusted(1, 1, -1, -1);
            const QRect other = rectIn(controls[j], &window).adjusted(1, 1, -1, -1);
            if (one.intersects(other))
                problems.push_back(describe(controls[i]) + " overlaps " + describe(controls[j]));
        }
    // Every part of a splitter has room (a part squeezed to nothing is as good as cut).
    for (const QSplitter* splitter : window.findChildren<QSplitter*>()) {
        if (!splitter->isVisibleTo(&window)) continue;
        for (int i = 0; i < splitter->count(); ++i)
            if (const QWidget* part = splitter->widget(i);
                part->isVisibleTo(&window) &&
                (part->width() < part->minimumSizeHint().width() - 1 ||
                 part->height() < part->minimumSizeHint().height() - 1))
                problems.push_back(describe(part) + " is squeezed below its smallest size, " +
                                   std::to_string(part->minimumSizeHint().width()) + "x" +
                                   std::to_string(part->minimumSizeHint().height()) + ", to " +
                                   std::to_string(part->width()) + "x" +
                                   std::to_string(part->height()));
    }
    // A tool bar that hides some of its widgets shows its overflow button.
    for (const QToolBar* bar : window.findChildren<QToolBar*>()) {
        if (!bar->isVisibleTo(&window)) continue;
        bool hidden = false;
        for (QAction* action : bar->actions())
            if (QWidget* shown = bar->widgetForAction(action);
                shown && !shown->isVisibleTo(&window))
                hidden = true;
        const auto* overflow = bar->findChild<QWidget*>("qt_toolbar_ext_button");
        if (hidden && (!overflow || !overflow->isVisibleTo(&window)))
            problems.push_back(describe(bar) + " hides controls without an overflow button");
    }
    return problems;
}

}  // namespace testing_support
