#pragma once

#include <QFont>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <optional>
#include <vector>

class QFontMetricsF;

namespace ui {

// The legend at the bottom of the network view: its phrases on one line, or on two balanced
// ones when one is too wide, in the label font shrunk as far as it takes to fit the view's width.
class NetworkLegend {
public:
    // One phrase of the legend, e.g. "thicker = larger |w|", and where it goes.
    struct Entry {
        QString text;                                       // what it says
        std::optional<double> sampleWeight = std::nullopt;  // a line before it in this weight's pen
        bool onlyWithShortLabels = false;  // explains the short labels, so shown only with them
        QRectF sampleBox = {};             // where the line goes (none without one), at its middle
        QRectF textBox = {};               // where the text goes (none when not shown)
    };

    NetworkLegend() = default;
    // A legend of `entries`, not placed yet.
    NetworkLegend(std::vector<Entry> entries)
        : entries_(std::move(entries)) {}  // NOLINT: a legend is its entries

    // Places the phrases at the bottom of a view of `size` whose labels use `labelFont`, in
    // their short form when `shortLabels`.
    void place(QSizeF size, const QFont& labelFont, bool shortLabels);
    // The phrases as given, each with its place (none for one not shown).
    const std::vector<Entry>& entries() const { return entries_; }
    // The footer holding the legend's one or two lines.
    const QRectF& box() const { return box_; }
    // The legend's font: the label font, shrunk when one line is too wide, and further when
    // even two lines are.
    const QFont& font() const { return font_; }

private:
    // How wide a line is that holds the phrases shown[first] to shown[end - 1].
    qreal lineWidth(const QFontMetricsF& metrics, std::size_t first, std::size_t end) const;
    // Where to start a second line so that the wider of the two is as narrow as can be, and
    // that width.
    std::pair<std::size_t, qreal> balancedBreak(const QFontMetricsF& metrics) const;
    // Puts the phrases shown at the bottom, the second line starting at shown[breakAt].
    void placeLines(QSizeF size, std::size_t breakAt);

    std::vector<Entry> entries_;
    std::vector<std::size_t> shown_;  // the entries shown, in order
    QRectF box_;
    QFont font_;
};

}  // namespace ui
