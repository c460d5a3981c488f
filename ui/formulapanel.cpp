#include "formulapanel.h"

#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/divergence.h"
#include "core/markup.h"
#include "fitting.h"
#include "palette.h"
#include "presetlessons.h"
#include "richtextlabel.h"
#include "summarytext.h"

namespace ui {

namespace {

constexpr int kDigits = core::DigitsRange::workedExample;  // as the equations are written
constexpr qreal kEquationScale = 1.35;  // the equation's font against the system's
constexpr int kSpacing = 2;             // pixels between its lines of parts

QString html(const std::string& markup) {
    return QString::fromStdString(core::htmlFromMarkup(markup));
}

}  // namespace

FormulaPanel::FormulaPanel(const TrainingController* model, QWidget* parent)
    : QWidget(parent), model_(model) {
    setObjectName("formulaPanel");
    setAccessibleName(tr("Formula"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);

    where_ = new QLabel;
    where_->setObjectName("formulaWhere");
    equation_ = new RichTextLabel;
    equation_->setObjectName("formulaEquation");
    meaning_ = new QLabel;
    meaning_->setObjectName("formulaMeaning");
    meaning_->setWordWrap(true);
    applyZoom();

    copyButton_ = new QToolButton;
    copyButton_->setObjectName("copyFormulaButton");
    copyButton_->setText(tr("Copy"));
    copyButton_->setAccessibleName(tr("Copy the equation"));
    copyButton_->setToolTip(tr("Copy the equation as plain text"));
    connect(copyButton_, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(plainText_); });

    // The equation and its meaning scroll when they need more room than the panel has (the
    // summary of a large network's step).
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(kSpacing);
    column->addWidget(equation_);
    column->addWidget(meaning_);
    column->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setObjectName("formulaScroll");
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setBackgroundRole(QPalette::Base);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setVerticalSpacing(kSpacing);
    layout->addWidget(where_, 0, 0);
    layout->addWidget(copyButton_, 0, 1, Qt::AlignRight);
    layout->addWidget(scroll, 1, 0, 1, 2);
    layout->setColumnStretch(0, 1);
    layout->setRowStretch(1, 1);
    connect(model_, &TrainingController::changed, this, &FormulaPanel::refresh);
}

QSize FormulaPanel::sizeHint() const {
    const QSize natural = QWidget::sizeHint();
    const QMargins margins = layout()->contentsMargins();
    const int width = std::max(this->width(), natural.width()) - margins.left() - margins.right();
    const int meaning = meaning_->text().isEmpty() ? 0 : meaning_->heightForWidth(width);
    const int height = margins.top() + margins.bottom() +
                       std::max(where_->sizeHint().height(), copyButton_->sizeHint().height()) +
                       equation_->heightForWidth(width) + meaning + 3 * kSpacing;
    return {natural.width(), std::max(natural.height(), height)};
}

void FormulaPanel::applyZoom() {
    const qreal zoom = model_->zoomFactor();
    const QFont system = QApplication::font();
    setFont(scaled(system, zoom));
    equation_->setFont(scaled(system, kEquationScale * zoom));
    QFont italic = scaled(system, zoom);
    italic.setItalic(true);
    meaning_->setFont(italic);
}

void FormulaPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // The factors' colours are the theme's.
    if (event->type() == QEvent::PaletteChange && copyButton_)
        refresh(TrainingController::Change::Step);
}

void FormulaPanel::refresh(TrainingController::Changes what) {
    using Change = TrainingController::Change;
    if (what & Change::Zoom) applyZoom();
    if (!(what & (Change::Session | Change::Step | Change::Reveal | Change::Granularity))) return;
    const core::StepReveal& reveal = model_->reveal();
    const long long iteration = model_->snapshot().iteration();  // the step shown
    const QString blewUp = model_->divergence()
                               ? QString::fromStdString(core::divergenceSentence(
                                     model_->snapshot().topology(),
                                     model_->snapshot().sampleCount(), *model_->divergence())) +
                                     tr(" Go back (\u2190), lower the learning rate, or reset.")
                               : QString();
    if (const auto phase = model_->finishedPhase()) {
        showSummary(*phase);
        return;
    }
    if (const core::Term* term = reveal.currentTerm()) {
        static const char* const phases[] = {QT_TR_NOOP("forward pass"),
                                             QT_TR_NOOP("backward pass"), QT_TR_NOOP("update")};
        showTerm(*term, tr("Step from iteration %1 \u00b7 term %2 of %3 \u00b7 %4")
                            .arg(iteration)
                            .arg(reveal.revealed())
                            .arg(reveal.terms()->size())
                            .arg(tr(phases[int(term->phase)])));
        if (reveal.showsDivergence()) meaning_->setText(meaning_->text() + "\n" + blewUp);
        return;
    }
    if (reveal.terms()) {
        showNote(tr("Step from iteration %1").arg(iteration),
                 tr("Nothing of this step is computed yet: press Step (\u2192) to compute the "
                    "first value of the forward pass."));
    } else if (!blewUp.isEmpty()) {
        showNote(tr("Iteration %1").arg(iteration), blewUp);
    } else if (const QString lesson = presetLesson(model_->sessionName());
               iteration == 0 && !lesson.isEmpty()) {
        // A preset just chosen: its lesson (Help > Lesson of this preset shows it again).
        showNote(tr("Lesson: %1").arg(model_->sessionName()), lesson);
    } else {
        showNote(tr("Iteration %1").arg(iteration),
                 tr("Every value of the next step is on the network. To work through it one "
                    "quantity at a time, set Step size to Term (or Phase) and press Step "
                    "(\u2192)."));
    }
}

void FormulaPanel::showTerm(const core::Term& term, const QString& where) {
    where_->setText(where);
    // Each factor's symbol and number in its colour, the colour of its place on the network.
    equation_->setDefaultStyleSheet(
        Palette::factorStyleSheet(static_cast<int>(term.factors.size())));
    // The symbol and its formula, then the same with numbers on a second line.
    QString text = "<b>" + html(term.symbol) + "</b>";
    if (!term.formula.empty()) text += " = " + html(term.formula);
    QString numbers = term.numbers.empty() ? QString() : html(term.numbers) + " = ";
    text += "<br>&nbsp;&nbsp;&nbsp;= " + numbers + "<b>" + QString::fromStdString(term.valueText) +
            "</b>";
    equation_->setHtml(text);
    meaning_->setText(QString::fromStdString(term.meaning));
    plainText_ = QString::fromStdString(core::plainText(term));
    copyButton_->setEnabled(true);
}

// Every value of the phase just finished; after the update, what the whole step did.
void FormulaPanel::showSummary(core::Phase phase) {
    const long long iteration = model_->snapshot().iteration();  // the step shown
    const core::StepReveal& reveal = model_->reveal();
    equation_->setDefaultStyleSheet({});
    plainText_.clear();
    if (phase == core::Phase::Update && model_->stepSummary()) {
        const core::StepSummary& summary = *model_->stepSummary();
        where_->setText(tr("Step from iteration %1 \u00b7 what the step did").arg(iteration));
        equation_->setHtml(stepSummaryHtml(summary, kDigits));
        meaning_->setText(
            tr("Every parameter moved against its gradient, and E_total fell (or "
               "rose). Press Step (\u2192) for the next iteration."));
        plainText_ = stepSummaryText(summary, kDigits);
    } else {
        const bool forward = phase == core::Phase::Forward;
        where_->setText((forward ? tr("Step from iteration %1 \u00b7 the forward pass, done")
                                 : tr("Step from iteration %1 \u00b7 the backward pass, done"))
                            .arg(iteration));
        equation_->setHtml(phaseSummaryHtml(*reveal.terms(), phase));
        meaning_->setText(forward ? tr("Every value the forward pass computed, from the inputs "
                                       "to the loss.")
                                  : tr("Every partial the backward pass computed, from the loss "
                                       "back to each weight."));
        plainText_ = phaseSummaryText(*reveal.terms(), phase);
    }
    copyButton_->setEnabled(!plainText_.isEmpty());
}

void FormulaPanel::showNote(const QString& where, const QString& note) {
    where_->setText(where);
    equation_->setHtml(note);
    meaning_->clear();
    plainText_.clear();
    copyButton_->setEnabled(false);
}

}  // namespace ui
