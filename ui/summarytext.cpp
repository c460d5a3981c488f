#include "summarytext.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>

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

// "… and 12345 more" after the first summaryRows of `count` rows, or nothing.
QString more(long long count) {
    return count > summaryRows ? tr("\u2026 and %1 more").arg(count - summaryRows) : QString();
}

// A parameter's name with its index as a subscript: w5 -> w_5, b_h1 -> b_h1.
QString parameterName(const std::string& name) {
    const bool named = name.size() > 2 && name[1] == '_';
    return html(name.substr(0, 1) +
                (named ? "_{" + name.substr(2) + "}" : "_[" + name.substr(1) + "]"));
}

// `cells` in a table of kColumns columns, filled row by row, and then `after` on a line.
QString table(const QStringList& cells, const QString& after) {
    QString text = "<table cellspacing='2' cellpadding='2'>";
    for (int i = 0; i < cells.size(); ++i) {
        if (i % kColumns == 0) text += "<tr>";
        text += "<td>" + cells[i] + "&nbsp;&nbsp;&nbsp;</td>";
        if (i % kColumns == kColumns - 1 || i + 1 == cells.size()) text += "</tr>";
    }
    return text + "</table>" + (after.isEmpty() ? QString() : "<p>" + after + "</p>");
}

// The first terms of `phase` (at most summaryRows), and how many it has.
std::pair<std::vector<core::Term>, int> phaseTerms(const core::Explanation& terms,
                                                   core::Phase phase) {
    const int begin =
        phase == core::Phase::Forward ? 0 : terms.phaseEnd(core::Phase(int(phase) - 1));
    const int end = terms.phaseEnd(phase);
    std::vector<core::Term> first;
    for (int i = begin; i < std::min(end, begin + summaryRows); ++i)
        first.push_back(terms.term(i));
    return {std::move(first), end - begin};
}

}  // namespace

QString phaseSummaryHtml(const core::Explanation& terms, core::Phase phase) {
    const auto [first, count] = phaseTerms(terms, phase);
    QStringList cells;
    for (const core::Term& term : first)
        cells << html(term.symbol) + " = <b>" + QString::fromStdString(term.valueText) + "</b>";
    return table(cells, more(count));
}

QString phaseSummaryText(const core::Explanation& terms, core::Phase phase) {
    const auto [first, count] = phaseTerms(terms, phase);
    QString text;
    for (const core::Term& term : first)
        text += QString::fromStdString(core::plainFromMarkup(term.symbol) + " = " + term.valueText +
                                       "\n");
    return count > summaryRows ? text + more(count) + "\n" : text;
}

QString stepSummaryHtml(const core::StepSummary& summary, int digits) {
    QString text = tr("E<sub>total</sub> %1 &rarr; <b>%2</b>")
                       .arg(number(summary.lossBefore, digits), number(summary.lossAfter, digits));
    QStringList cells;
    const auto& parameters = summary.parameters;
    for (std::size_t p = 0; p < std::min<std::size_t>(parameters.size(), summaryRows); ++p) {
        const core::ParameterUpdate& update = parameters[p];
        const QString name = parameterName(update.name);
        QString cell = name + ": " + number(update.before, digits);
        cell += update.trained ? " &rarr; <b>" + number(update.after, digits) + "</b>"
                               : " " + tr("(fixed)");
        cell += "<small>&nbsp;&nbsp;&part;E/&part;" + name + " = " +
                number(update.gradient, digits) + "</small>";
        cells << cell;
    }
    return text + table(cells, more(static_cast<long long>(parameters.size())));
}

QString stepSummaryText(const core::StepSummary& summary, int digits) {
    QString text =
        QString::fromStdString("E_total: " + core::formatNumber(summary.lossBefore, digits) +
                               " -> " + core::formatNumber(summary.lossAfter, digits));
    const auto& parameters = summary.parameters;
    for (std::size_t p = 0; p < std::min<std::size_t>(parameters.size(), summaryRows); ++p)
        text += "\n" + QString::fromStdString(core::updateText(parameters[p], digits));
    const QString rest = more(static_cast<long long>(parameters.size()));
    return rest.isEmpty() ? text : text + "\n" + rest;
}

}  // namespace ui
