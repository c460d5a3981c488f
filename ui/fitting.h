#pragma once

#include <QFont>
#include <functional>

namespace ui {

// Fonts made to fit, shared by the network's layout and its legend.

// The space kept free at the view's edges, in lines of the label font.
inline constexpr qreal kMarginLines = 0.6;
// Each try at fitting a text makes its font this much smaller,
inline constexpr qreal kShrinkFactor = 0.95;
// down to this point size.
inline constexpr qreal kSmallestPointSize = 1.0;

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
