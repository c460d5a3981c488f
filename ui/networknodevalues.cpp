#include "networknodevalues.h"

#include <algorithm>
#include <initializer_list>

#include "fitting.h"

namespace ui {

namespace {

// Pixels between a node and the text under it.
constexpr qreal kTextGap = 1;
// The space between the two columns, in average characters.
constexpr qreal kColumnGapCharacters = 1.5;

constexpr std::initializer_list<NodeLine> kAll{NodeLine::Net, NodeLine::Out, NodeLine::DLoss_dOut,
                                               NodeLine::DOut_dNet, NodeLine::Delta};
constexpr std::initializer_list<NodeLine> kForward{NodeLine::Net, NodeLine::Out};
constexpr std::initializer_list<NodeLine> kBackward{NodeLine::DLoss_dOut, NodeLine::DOut_dNet,
                                                    NodeLine::Delta};

// The widest of the names of `lines`.
qreal widestName(const QFontMetricsF& metrics, std::initializer_list<NodeLine> lines) {
    qreal widest = 0;
    for (const NodeLine line : lines)
        widest = std::max(widest, metrics.horizontalAdvance(nodeLineName(line)));
    return widest;
}

}  // namespace

NetworkNodeValues::NetworkNodeValues(const QFont& font, const QString& widest, bool twoColumns)
    : metrics_(font), twoColumns_(twoColumns) {
    const qreal number = metrics_.horizontalAdvance(widest + " ");
    const qreal padding = metrics_.averageCharWidth();
    const qreal line = metrics_.lineSpacing();
    // A column: the widest name, a space and the widest number.
    const auto column = [&](std::initializer_list<NodeLine> lines) {
        return widestName(metrics_, lines) + number;
    };
    if (!twoColumns) {
        size_ = {column(kAll) + padding, kNodeLineCount * line + kTextPadding};
        firstColumn_ = size_.width();
    } else {
        const qreal gap = kColumnGapCharacters * metrics_.averageCharWidth();
        firstColumn_ = column(kForward) + (padding + gap) / 2;
        size_ = {firstColumn_ + column(kBackward) + (padding + gap) / 2,
                 kBackward.size() * line + kTextPadding};
    }
    inputSize_ = textBoxSize(metrics_, {"= " + widest});
}

NetworkNodeValues::Place NetworkNodeValues::place(QPointF center, qreal radius, bool input) const {
    Place place{center, {}};
    const qreal top = center.y() + radius + kTextGap;
    if (input) {
        place.box = QRectF(center.x() - inputSize_.width() / 2, top, inputSize_.width(),
                           inputSize_.height());
        place.lines[static_cast<int>(NodeLine::Out)] =
            place.box.adjusted(0, kTextPadding / 2, 0, -kTextPadding / 2);
        return place;
    }
    place.box = QRectF(center.x() - size_.width() / 2, top, size_.width(), size_.height());
    const qreal line = metrics_.lineSpacing();
    const qreal padding = metrics_.averageCharWidth() / 2;
    // One column of `names` from `left`, `width` wide: names right-aligned before the values.
    const auto column = [&](std::initializer_list<NodeLine> names, qreal left, qreal width) {
        const qreal valueLeft =
            left + padding + widestName(metrics_, names) + metrics_.horizontalAdvance(" ");
        int row = 0;
        for (const NodeLine name : names) {
            const int i = static_cast<int>(name);
            place.lines[i] = QRectF(left, top + kTextPadding / 2 + row++ * line, width, line);
            place.valueLeft[i] = valueLeft;
        }
    };
    if (!twoColumns_) {
        column(kAll, place.box.left(), place.box.width());
    } else {
        column(kForward, place.box.left(), firstColumn_);
        column(kBackward, place.box.left() + firstColumn_, place.box.width() - firstColumn_);
    }
    return place;
}

}  // namespace ui
