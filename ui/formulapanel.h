#pragma once

#include <QWidget>

#include "core/explanation.h"

class QLabel;
class QToolButton;

namespace ui {

// The current term as an equation, first in symbols and then with the step's numbers, typeset
// with real sub- and superscripts and the partial sign, with one sentence on what it means. A
// button copies the equation as plain text.
class FormulaPanel : public QWidget {
    Q_OBJECT

public:
    explicit FormulaPanel(QWidget* parent = nullptr);

    // Shows `term`; `where` says which it is, e.g. "Iteration 1 · term 18 of 43 · backward pass".
    void showTerm(const core::Term& term, const QString& where);
    // Shows a note in place of a term (a whole iteration, or nothing revealed yet).
    void showNote(const QString& where, const QString& note);
    // The equation as plain text (what Copy puts on the clipboard); empty without a term.
    const QString& equationText() const { return plainText_; }
    // The equation as shown, in rich text.
    QString equationHtml() const;

private:
    QLabel* where_ = nullptr;
    QLabel* equation_ = nullptr;
    QLabel* meaning_ = nullptr;
    QToolButton* copyButton_ = nullptr;
    QString plainText_;
};

}  // namespace ui
