#include "formulapanel.h"

#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QLabel>
#include <QToolButton>

#include "core/divergence.h"
#include "core/markup.h"
#include "richtextlabel.h"

namespace ui {

namespace {

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
    QFont large = font();
    large.setPointSizeF(large.pointSizeF() * 1.35);
    equation_->setFont(large);
    meaning_ = new QLabel;
    meaning_->setObjectName("formulaMeaning");
    meaning_->setWordWrap(true);
    QFont italic = font();
    italic.setItalic(true);
    meaning_->setFont(italic);

    copyButton_ = new QToolButton;
    copyButton_->setObjectName("copyFormulaButton");
    copyButton_->setText(tr("Copy"));
    copyButton_->setAccessibleName(tr("Copy the equation"));
    copyButton_->setToolTip(tr("Copy the equation as plain text"));
    connect(copyButton_, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(plainText_); });

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setVerticalSpacing(2);
    layout->addWidget(where_, 0, 0);
    layout->addWidget(copyButton_, 0, 1, Qt::AlignRight);
    layout->addWidget(equation_, 1, 0, 1, 2);
    layout->addWidget(meaning_, 2, 0, 1, 2);
    layout->setColumnStretch(0, 1);
    layout->setRowStretch(3, 1);
    connect(model_, &TrainingController::changed, this, &FormulaPanel::refresh);
}

void FormulaPanel::refresh(TrainingController::Changes what) {
    using Change = TrainingController::Change;
    if (!(what & (Change::Session | Change::Step | Change::Reveal | Change::Granularity))) return;
    const core::StepReveal& reveal = model_->reveal();
    const long long iteration = model_->iteration();
    const QString blewUp = model_->divergence()
                               ? QString::fromStdString(core::divergenceSentence(
                                     model_->snapshot().topology(),
                                     model_->snapshot().sampleCount(), *model_->divergence())) +
                                     tr(" Go back (\u2190), lower the learning rate, or reset.")
                               : QString();
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
    } else {
        showNote(tr("Iteration %1").arg(iteration),
                 tr("Every value of the next step is on the network. To work through it one "
                    "quantity at a time, set Step size to Term (or Phase) and press Step "
                    "(\u2192)."));
    }
}

void FormulaPanel::showTerm(const core::Term& term, const QString& where) {
    where_->setText(where);
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

void FormulaPanel::showNote(const QString& where, const QString& note) {
    where_->setText(where);
    equation_->setHtml(note);
    meaning_->clear();
    plainText_.clear();
    copyButton_->setEnabled(false);
}

}  // namespace ui
