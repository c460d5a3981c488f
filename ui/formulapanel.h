#pragma once

#include <QWidget>

#include "core/explanation.h"
#include "trainingcontroller.h"

class QLabel;
class QToolButton;

namespace ui {

class RichTextLabel;

// The current term as an equation, first in symbols and then with the step's numbers, typeset
// with real sub- and superscripts and the partial sign, each factor's symbol and number in its
// colour (Palette::factor), with one sentence on what it means; a note in its place for a whole
// iteration or a step that blew up. A button copies the equation as plain text. A view of the
// model: it redraws when the step or the reveal moves.
class FormulaPanel : public QWidget {
    Q_OBJECT

public:
    explicit FormulaPanel(const TrainingController* model, QWidget* parent = nullptr);

    // Room for what it shows now without scrolling: the line above, the equation and its
    // meaning wrapped to the panel's width, in the fonts of the zoom.
    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    // The fonts for the model's zoom: the equation larger than the rest.
    void applyZoom();
    void refresh(TrainingController::Changes what);
    void showTerm(const core::Term& term, const QString& where);
    void showNote(const QString& where, const QString& note);
    void showSummary(core::Phase phase);

    const TrainingController* model_;
    QLabel* where_ = nullptr;
    RichTextLabel* equation_ = nullptr;
    QLabel* meaning_ = nullptr;
    QToolButton* copyButton_ = nullptr;
    QString plainText_;  // the equation as plain text, what Copy puts on the clipboard
};

}  // namespace ui
