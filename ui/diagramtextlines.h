#pragma once

#include <QFont>
#include <QFontMetricsF>
#include <QRectF>
#include <QString>
#include <vector>

namespace ui {

// Lines of text made of parts (a label's value, what follows it, its gradient), laid out in a box
// so that each part's place is known: the network view's painter marks parts one by one.

// One line of parts centred in its slot of a box: the font it is written in (smaller than the
// box's when the line is too wide for the box) and each part's rectangle.
struct FittedLine {
    QFont font;
    qreal ascent;
    std::vector<QRectF> parts;
};

// The lines of `texts` (each a list of parts) in `font`, centred in `box` line by line; a line
// wider than the box, less a padding, in a font shrunk to fit.
inline std::vector<FittedLine> fitLines(const QFont& font, const QRectF& box,
                                        const std::vector<std::vector<QString>>& texts) {
    const QFontMetricsF metrics(font);
    const qreal room = box.width() - metrics.averageCharWidth() / 2;
    std::vector<FittedLine> lines;
    qreal top = box.center().y() - texts.size() * metrics.lineSpacing() / 2;
    for (const auto& line : texts) {
        qreal width = 0;
        for (const QString& part : line)
            width += metrics.horizontalAdvance(part);
        // Smaller text sits on the same baseline as full-size text would.
        FittedLine fitted{font, metrics.ascent(), {}};
        qreal scale = 1;
        if (width > room && width > 0) {
            scale = room / width;
            fitted.font.setPointSizeF(font.pointSizeF() * scale);
        }
        const QFontMetricsF lineMetrics(fitted.font);
        qreal x = box.center().x() - width * scale / 2;
        for (const QString& part : line) {
            const qreal advance = lineMetrics.horizontalAdvance(part);
            fitted.parts.push_back(QRectF(x, top, advance, metrics.lineSpacing()));
            x += advance;
        }
        top += metrics.lineSpacing();
        lines.push_back(std::move(fitted));
    }
    return lines;
}

// The texts of `lines`' parts.
template <class Line>
std::vector<std::vector<QString>> textsOf(const std::vector<Line>& lines) {
    std::vector<std::vector<QString>> texts;
    for (const Line& line : lines) {
        texts.emplace_back();
        for (const auto& part : line)
            texts.back().push_back(part.text);
    }
    return texts;
}

}  // namespace ui
