#pragma once

#include <QFont>
#include <QFontMetricsF>
#include <QSizeF>
#include <QStringList>
#include <algorithm>
#include <functional>

namespace ui {

// Fonts and boxes made to fit, shared by the network's layout, its labels and its legend.

// The space kept free at the view's edges, in lines of the label font.
inline constexpr qreal kMarginLines = 0.6;
// Each try at fitting a text makes its font this much smaller,
inline constexpr qreal kShrinkFactor = 0.95;
// down to this point size.
inline constexpr qreal kSmallestPointSize = 1.0;

// Pixels a box of text is taller than its lines.
inline constexpr qreal kTextPadding = 2;

// The size of a box holding `lines`: as wide as the widest and a character, as tall as the
// lines and a little padding.
inline QSizeF textBoxSize(const QFontMetricsF& metrics, const QStringList& lines) {
    qreal width = 0;
    for (const QString& line : lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    return {width + metrics.averageCharWidth(),
            lines.size() * metrics.lineSpacing() + kTextPadding};
}

// `font` at `scale` times its point size.
inline QFont scaled(const QFont& font, qreal scale) {
    QFont result = font;
    result.setPointSizeF(font.pointSizeF() * scale);
    return result;
}

// `font`, shrunk step by step until `fits` holds for it, but not below `smallest` points.
inline QFont shrunkToFit(QFont font, qreal smallest,
                         const std::function<bool(const QFont&)>& fits) {
    while (!fits(font) && font.pointSizeF() * kShrinkFactor >= smallest)
        font.setPointSizeF(font.pointSizeF() * kShrinkFactor);
    return font;
}

}  // namespace ui
