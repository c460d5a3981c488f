#include "formulapanel.h"

#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QLabel>
#include <QToolButton>

#include "core/markup.h"

namespace ui {

namespace {

QString html(const std::string& markup) {
    return QString::fromStdString(core::htmlFromMarkup(markup));
}

}  // namespace

FormulaPanel::FormulaPanel(QWidget* parent) : QWidget(parent) {
    setObjectName("formulaPanel");
    setAccessibleName(tr("Formula"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);

    where_ = new QLabel;
    where_->setObjectName("formulaWhere");
    equation_ = new QLabel;
    equation_->setObjectName("formulaEquation");
    equation_->setTextFormat(Qt::RichText);
    equation_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    equation_->setWordWrap(true);
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
}

void FormulaPanel::showTerm(const core::Term& term, const QString& where) {
    where_->setText(where);
    // The symbol and its formula, then the same with numbers on a second line.
    QString text = "<b>" + html(term.symbol) + "</b>";
    if (!term.formula.empty()) text += " = " + html(term.formula);
    QString numbers = term.numbers.empty() ? QString() : html(term.numbers) + " = ";
    text += "<br>&nbsp;&nbsp;&nbsp;= " + numbers + "<b>" + QString::fromStdString(term.valueText) +
            "</b>";
    equation_->setText(text);
    meaning_->setText(QString::fromStdString(term.meaning));
    plainText_ = QString::fromStdString(core::plainText(term));
    copyButton_->setEnabled(true);
}

void FormulaPanel::showNote(const QString& where, const QString& note) {
    where_->setText(where);
    equation_->setText(note);
    meaning_->clear();
    plainText_.clear();
    copyButton_->setEnabled(false);
}

QString FormulaPanel::equationHtml() const {
    return equation_->text();
}

}  // namespace ui
