#pragma once

#include <QWidget>
#include <array>

#include "quizquestion.h"
#include "trainingcontroller.h"

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QMainWindow;
class QMenu;
class QPushButton;

namespace ui {

class RichTextLabel;

// Predict, then reveal: in term mode, before the next term is shown the student types its value;
// Enter checks it (QuizQuestion), reveals the term with its numbers and says right or wrong and
// by how much, keeping a score for the step. Hint shows the formula in symbols, then with its
// numbers and the result blank. Only the kinds of term ticked are asked; the others are revealed
// on the way. The position is the model's: the panel asks it to step.
class QuizPanel : public QWidget {
    Q_OBJECT

public:
    explicit QuizPanel(TrainingController* model, QWidget* parent = nullptr);

    // Puts the panel in a dock of `window`, hidden, and the action that shows it (Ctrl+K) into
    // `menu`.
    static QAction* install(QMainWindow& window, QMenu& menu, TrainingController* model);

    // Questions answered in the current step, and how many of them right.
    int asked() const { return asked_; }
    int right() const { return right_; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh(TrainingController::Changes what);
    // Reveals terms of kinds not asked for, up to the next question or the step's end.
    void skipToQuestion();
    // The term the next Step reveals, if the step has one left.
    std::optional<core::Term> nextTerm() const;
    bool asks(const core::Term& term) const;
    void check();
    void showHint();
    void nextStep();
    void showScore();

    TrainingController* model_;
    RichTextLabel* question_ = nullptr;
    RichTextLabel* hint_ = nullptr;
    QLabel* verdict_ = nullptr;
    QLabel* score_ = nullptr;
    QLineEdit* answer_ = nullptr;
    QPushButton* checkButton_ = nullptr;
    QPushButton* hintButton_ = nullptr;
    std::array<QCheckBox*, kQuizKindCount> kinds_{};
    int hints_ = 0;
    long long scoredIteration_ = -1;
    int asked_ = 0;
    int right_ = 0;
};

}  // namespace ui
