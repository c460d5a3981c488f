#include "networklegend.h"

#include <QFontMetricsF>
#include <algorithm>

#include "fitting.h"

namespace ui {

namespace {

// The legend keeps to one line down to this fraction of the label font, then takes two.
constexpr qreal kSmallestOneLineScale = 0.8;
// A phrase's line sample, the space after it and the space between phrases, in lines.
constexpr qreal kSampleLines = 1.6;
constexpr qreal kAfterSampleLines = 0.35;
constexpr qreal kBetweenEntriesLines = 1.2;
// Space above and below the lines inside the footer, and under the footer, in lines.
constexpr qreal kFooterPaddingLines = 0.2;
constexpr qreal kBelowFooterLines = 0.1;

// How wide a phrase is: its line sample and the space after it, then its text.
qreal entryWidth(const QFontMetricsF& metrics, const NetworkLegend::Entry& entry) {
    const qreal sample =
        entry.sampleWeight ? (kSampleLines + kAfterSampleLines) * metrics.lineSpacing() : 0;
    return sample + metrics.horizontalAdvance(entry.text);
}

}  // namespace

void NetworkLegend::place(QSizeF size, const QFont& labelFont, bool shortLabels) {
    shown_.clear();
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        entries_[i].sampleBox = entries_[i].textBox = QRectF();
        if (shortLabels || !entries_[i].onlyWithShortLabels) shown_.push_back(i);
    }
    const auto room = [&](const QFontMetricsF& metrics) {
        return size.width() - 2 * metrics.lineSpacing() * kMarginLines;
    };
    // One line, a little smaller if need be.
    const auto fitsOneLine = [&](const QFont& candidate) {
        const QFontMetricsF metrics(candidate);
        return lineWidth(metrics, 0, shown_.size()) <= room(metrics);
    };
    font_ = shrunkToFit(labelFont, labelFont.pointSizeF() * kSmallestOneLineScale, fitsOneLine);
    if (fitsOneLine(font_)) {
        placeLines(size, shown_.size());
        return;
    }
    // Two lines, as much smaller as need be.
    font_ = shrunkToFit(labelFont, kSmallestPointSize, [&](const QFont& candidate) {
        const QFontMetricsF metrics(candidate);
        return balancedBreak(metrics).second <= room(metrics);
    });
    placeLines(size, balancedBreak(QFontMetricsF(font_)).first);
}

qreal NetworkLegend::lineWidth(const QFontMetricsF& metrics, std::size_t first,
                               std::size_t end) const {
    if (end <= first) return 0;
    qreal width = 0;
    for (std::size_t i = first; i < end; ++i)
        width += entryWidth(metrics, entries_[shown_[i]]);
    return width + (end - first - 1) * kBetweenEntriesLines * metrics.lineSpacing();
}

std::pair<std::size_t, qreal> NetworkLegend::balancedBreak(const QFontMetricsF& metrics) const {
    std::pair<std::size_t, qreal> best{shown_.size(), lineWidth(metrics, 0, shown_.size())};
    for (std::size_t breakAt = 1; breakAt < shown_.size(); ++breakAt) {
        const qreal width =
            std::max(lineWidth(metrics, 0, breakAt), lineWidth(metrics, breakAt, shown_.size()));
        if (width < best.second) best = {breakAt, width};
    }
    return best;
}

void NetworkLegend::placeLines(QSizeF size, std::size_t breakAt) {
    const QFontMetricsF metrics(font_);
    const qreal line = metrics.lineSpacing();
    const qreal margin = line * kMarginLines;
    const int lines = breakAt < shown_.size() ? 2 : 1;
    const qreal height = (lines + 2 * kFooterPaddingLines) * line;
    box_ = QRectF(margin, size.height() - height - kBelowFooterLines * line,
                  size.width() - 2 * margin, height);
    qreal x = box_.left();
    qreal y = box_.top() + kFooterPaddingLines * line;
    for (std::size_t i = 0; i < shown_.size(); ++i) {
        if (i == breakAt) {
            x = box_.left();
            y += line;
        }
        Entry& entry = entries_[shown_[i]];
        if (entry.sampleWeight) {
            entry.sampleBox = QRectF(x, y, kSampleLines * line, line);
            x += (kSampleLines + kAfterSampleLines) * line;
        }
        entry.textBox = QRectF(x, y, metrics.horizontalAdvance(entry.text), line);
        x = entry.textBox.right() + kBetweenEntriesLines * line;
    }
}

}  // namespace ui
