#include "summarytext.h"

#include <QCoreApplication>
#include <QStringList>

#include "core/markup.h"

namespace ui {

namespace {

constexpr int kColumns = 2;  // rows of values are laid out in this many columns

QString tr(const char* text) {
    return QCoreApplication::translate("SummaryText", text);
}

QString html(const std::string& markup) {
    return QString::fromStdString(core::htmlFromMarkup(markup));
}

QString number(double value, int digits) {
    return QString::fromStdString(core::formatNumber(value, digits));
}

// A parameter's name with its index as a subscript: w5 -> w_5, b_h1 -> b_h1.
QString parameterName(const std::string& name) {
    const bool named = name.size() > 2 && name[1] == '_';
    return html(name.substr(0, 1) +
                (named ? "_{" + name.substr(2) + "}" : "_[" + name.substr(1) + "]"));
}

// `cells` in a table of kColumns columns, filled row by row.
QString table(const QStringList& cells) {
    QString text = "<table cellspacing='2' cellpadding='2'>";
    for (int i = 0; i < cells.size(); ++i) {
        if (i % kColumns == 0) text += "<tr>";
        text += "<td>" + cells[i] + "&nbsp;&nbsp;&nbsp;</td>";
        if (i % kColumns == kColumns - 1 || i + 1 == cells.size()) text += "</tr>";
    }
    return text + "</table>";
}

}  // namespace

QString phaseSummaryHtml(const core::Explanation& terms, core::Phase phase) {
    QStringList cells;
    for (const core::Term& term : terms.terms())
        if (term.phase == phase)
            cells << html(term.symbol) + " = <b>" + QString::fromStdString(term.valueText) + "</b>";
    return table(cells);
}

QString stepSummaryHtml(const core::StepSummary& summary, int digits) {
    QString text = tr("E<sub>total</sub> %1 &rarr; <b>%2</b>")
                       .arg(number(summary.lossBefore, digits), number(summary.lossAfter, digits));
    QStringList cells;
    for (const core::ParameterUpdate& update : summary.parameters) {
        const QString name = parameterName(update.name);
        QString cell = name + ": " + number(update.before, digits);
        cell += update.trained ? " &rarr; <b>" + number(update.after, digits) + "</b>"
                               : " " + tr("(fixed)");
        cell += "<small>&nbsp;&nbsp;&part;E/&part;" + name + " = " +
                number(update.gradient, digits) + "</small>";
        cells << cell;
    }
    return text + table(cells);
}

}  // namespace ui
