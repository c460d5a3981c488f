#include "quizpanel.h"

#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "core/markup.h"
#include "richtextlabel.h"

namespace ui {

namespace {

QString html(const std::string& markup) {
    return QString::fromStdString(core::htmlFromMarkup(markup));
}

}  // namespace

QuizPanel::QuizPanel(TrainingController* model, QWidget* parent) : QWidget(parent), model_(model) {
    setObjectName("quizPanel");
    question_ = new RichTextLabel;
    question_->setObjectName("quizQuestion");
    QFont large = question_->font();
    large.setPointSizeF(large.pointSizeF() * 1.3);
    question_->setFont(large);
    hint_ = new RichTextLabel;
    hint_->setObjectName("quizHint");
    answer_ = new QLineEdit;
    answer_->setObjectName("quizAnswer");
    answer_->setAccessibleName(tr("Your value"));
    answer_->setToolTip(tr("Type the value you expect, then press Enter"));
    answer_->setPlaceholderText(tr("your value"));
    checkButton_ = new QPushButton(tr("Check"));
    checkButton_->setObjectName("quizCheck");
    checkButton_->setToolTip(tr("Check your value and reveal the term (Enter)"));
    hintButton_ = new QPushButton(tr("Hint"));
    hintButton_->setObjectName("quizHintButton");
    hintButton_->setToolTip(tr("First the formula in symbols, then with its numbers"));
    verdict_ = new QLabel;
    verdict_->setObjectName("quizVerdict");
    verdict_->setWordWrap(true);
    score_ = new QLabel;
    score_->setObjectName("quizScore");

    auto* row = new QHBoxLayout;
    row->addWidget(answer_, 1);
    row->addWidget(checkButton_);
    row->addWidget(hintButton_);
    auto* kinds = new QGridLayout;
    const QString names[] = {tr("Forward values"), tr("Output deltas"), tr("Hidden deltas"),
                             tr("Gradients"), tr("Updates")};
    for (int k = 0; k < kQuizKindCount; ++k) {
        kinds_[k] = new QCheckBox(names[k]);
        kinds_[k]->setObjectName(QStringLiteral("quizKind%1").arg(k));
        kinds_[k]->setChecked(true);
        kinds_[k]->setToolTip(tr("Ask for these terms; the others are revealed on the way"));
        kinds->addWidget(kinds_[k], k / 3, k % 3);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Predict the next term, then reveal it:")));
    layout->addWidget(question_);
    layout->addLayout(row);
    layout->addWidget(hint_);
    layout->addWidget(verdict_);
    layout->addWidget(score_);
    layout->addLayout(kinds);
    layout->addStretch(1);

    connect(answer_, &QLineEdit::returnPressed, this, &QuizPanel::check);
    connect(checkButton_, &QPushButton::clicked, this, &QuizPanel::check);
    connect(hintButton_, &QPushButton::clicked, this, &QuizPanel::showHint);
    for (QCheckBox* kind : kinds_)
        connect(kind, &QCheckBox::toggled, this, [this] {
            skipToQuestion();
            refresh(TrainingController::Change::Reveal);
        });
    connect(model_, &TrainingController::changed, this, &QuizPanel::refresh);
}

QAction* QuizPanel::install(QMainWindow& window, QMenu& menu, TrainingController* model) {
    auto* dock = new QDockWidget(tr("Quiz: predict, then reveal"), &window);
    dock->setObjectName("quizDock");
    dock->setWidget(new QuizPanel(model));
    window.addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();
    QAction* show = dock->toggleViewAction();
    show->setText(tr("&Quiz: predict, then reveal"));
    show->setShortcut(QKeySequence(tr("Ctrl+K")));
    show->setToolTip(tr("Type each term's value before it is revealed, and keep a score"));
    menu.addAction(show);
    window.addAction(show);
    return show;
}

void QuizPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // The quiz goes term by term.
    model_->setGranularity(core::Granularity::Term);
    skipToQuestion();
    refresh(TrainingController::Change::Reveal);
    // The quiz is answered by typing: the keys go to the answer, once the dock is shown.
    QTimer::singleShot(0, answer_, [this] { answer_->setFocus(Qt::OtherFocusReason); });
}

std::optional<core::Term> QuizPanel::nextTerm() const {
    const auto terms = model_->explanation();
    const int next = model_->position().revealed;
    if (!terms || next >= terms->size()) return std::nullopt;
    return terms->term(next);
}

bool QuizPanel::asks(const core::Term& term) const {
    return kinds_[static_cast<int>(quizKindOf(term, model_->snapshot().topology()))]->isChecked();
}

void QuizPanel::skipToQuestion() {
    if (!isVisible() || model_->granularity() != core::Granularity::Term) return;
    for (std::optional<core::Term> term = nextTerm(); term && !asks(*term); term = nextTerm())
        model_->stepForward();
}

void QuizPanel::refresh(TrainingController::Changes what) {
    using Change = TrainingController::Change;
    if (!(what & (Change::Step | Change::Reveal | Change::Session | Change::Granularity))) return;
    if (model_->iteration() != scoredIteration_) {
        scoredIteration_ = model_->iteration();
        asked_ = right_ = 0;
    }
    hints_ = 0;
    hint_->setHtml({});
    const std::optional<core::Term> term = nextTerm();
    const bool termMode = model_->granularity() == core::Granularity::Term;
    answer_->setEnabled(termMode);
    hintButton_->setEnabled(term.has_value() && termMode);
    if (!termMode)
        question_->setHtml(tr("The quiz asks term by term: set the step size to Term."));
    else if (term && asks(*term))
        question_->setHtml(tr("What is %1?").arg(html(term->symbol)));
    else
        question_->setHtml(
            tr("Step %1 is done. Press Enter for the next step.").arg(model_->iteration() + 1));
    showScore();
}

void QuizPanel::check() {
    if (model_->granularity() != core::Granularity::Term) return;
    const std::optional<core::Term> term = nextTerm();
    if (!term || !asks(*term)) {
        nextStep();
        return;
    }
    bool ok = false;
    const double answer = QLocale::c().toDouble(answer_->text().trimmed(), &ok);
    if (!ok) {
        verdict_->setText(tr("\"%1\" is not a number.").arg(answer_->text()));
        return;
    }
    const QuizVerdict verdict = checkAnswer(answer, term->value, term->valueText);
    ++asked_;
    if (verdict.right) ++right_;
    const QString percent = QString::number(100.0 * verdict.relativeError, 'g', 2);
    verdict_->setText(verdict.right
                          ? tr("Right: %1 = %2 (you were within %3%).")
                                .arg(QString::fromStdString(core::plainFromMarkup(term->symbol)),
                                     QString::fromStdString(term->valueText), percent)
                          : tr("Not quite: %1 = %2; you were off by %3%.")
                                .arg(QString::fromStdString(core::plainFromMarkup(term->symbol)),
                                     QString::fromStdString(term->valueText), percent));
    answer_->clear();
    model_->stepForward();  // reveals it, with its numbers, on the network and in the equation
    skipToQuestion();
}

void QuizPanel::showHint() {
    const std::optional<core::Term> term = nextTerm();
    if (!term) return;
    hints_ = std::min(hints_ + 1, 2);
    hint_->setHtml(html(hints_ == 1 ? firstHint(*term) : secondHint(*term)));
}

void QuizPanel::nextStep() {
    const long long next = model_->iteration() + 1;
    if (next > model_->recordedEnd()) model_->run(1);
    model_->seek(next);
    skipToQuestion();
}

void QuizPanel::showScore() {
    score_->setText(
        asked_ == 0
            ? tr("Step %1: no answer yet.").arg(model_->iteration() + 1)
            : tr("Step %1: %2 of %3 right.").arg(model_->iteration() + 1).arg(right_).arg(asked_));
}

}  // namespace ui
