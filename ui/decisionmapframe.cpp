#include "decisionmapframe.h"

#include <QImage>
#include <QPainter>
#include <algorithm>
#include <utility>

#include "axisticks.h"
#include "palette.h"

namespace ui {

namespace {

constexpr double kTickShare = 1.0 / 3;  // a tick's length, of the font's height
constexpr double kBarShare = 0.8;       // the colour bar's width, of the font's height
constexpr int kBarSteps = 256;          // colours of the colour bar, top to bottom
constexpr int kMostTicks = 11;          // round values along an axis, at the most
// Room kept for a number beside the colour bar, and for one along the horizontal axis.
const QString kWidestNumber = QStringLiteral("-0.000");
const QString kAxisNumber = QStringLiteral("-0.00");

// How many round values fit along `pixels` with `room` for each.
int ticksAlong(int pixels, int room) {
    return std::clamp(pixels / room, 2, kMostTicks);
}

}  // namespace

DecisionMapFrame::DecisionMapFrame(const QRect& content, const QFontMetrics& metrics,
                                   const InputArea& plane, Names names)
    : metrics_(metrics),
      plane_(plane),
      names_(std::move(names)),
      em_(metrics.height()),
      tick_(int(metrics.height() * kTickShare)) {
    // Left: i2's numbers (its name above them); below: i1's numbers and name; right: the colour
    // bar and its numbers; above: the bar's title and i2's name.
    const int height = content.height() - 3 * em_ - tick_;
    const AxisTicks up(plane.bottom, plane.top, ticksAlong(height, 2 * em_));
    int numbersWidth = metrics.horizontalAdvance(names_.up);
    for (const double value : up.values())
        numbersWidth = std::max(numbersWidth, metrics.horizontalAdvance(up.text(value)));
    const int barWidth = int(em_ * kBarShare);
    const int right = em_ + barWidth + tick_ +
                      std::max(metrics.horizontalAdvance(kWidestNumber),
                               metrics.horizontalAdvance(names_.notFinite));
    map_ =
        content.adjusted(numbersWidth + em_ / 4 + tick_, em_ + tick_, -right, -(tick_ + 2 * em_));
    bar_ = QRect(map_.right() + em_, map_.top(), barWidth, map_.height());
}

QPointF DecisionMapFrame::toPixel(QPointF inputs) const {
    return {map_.left() + (inputs.x() - plane_.left) / plane_.width() * map_.width(),
            map_.top() + (plane_.top - inputs.y()) / plane_.height() * map_.height()};
}

void DecisionMapFrame::paint(QPainter& painter, const DecisionScale& scale, bool notFinite) const {
    paintAxes(painter);
    paintColourBar(painter, scale, notFinite);
}

// A frame around the map; along its lower and left sides round values of i1 and i2, their names
// under the one and over the other.
void DecisionMapFrame::paintAxes(QPainter& painter) const {
    painter.drawRect(map_.adjusted(-1, -1, 0, 0));
    const int numberWidth = metrics_.horizontalAdvance(kAxisNumber) + em_ / 2;
    const AxisTicks across(plane_.left, plane_.right, ticksAlong(map_.width(), numberWidth));
    for (const double value : across.values()) {
        const qreal x = toPixel({value, plane_.bottom}).x();
        painter.drawLine(QPointF(x, map_.bottom() + 1), QPointF(x, map_.bottom() + tick_));
        painter.drawText(QRectF(x - numberWidth, map_.bottom() + tick_, 2 * numberWidth, em_),
                         Qt::AlignHCenter | Qt::AlignTop, across.text(value));
    }
    const AxisTicks up(plane_.bottom, plane_.top, ticksAlong(map_.height(), 2 * em_));
    const qreal numbersRight = map_.left() - tick_ - em_ / 4.0;
    for (const double value : up.values()) {
        const qreal y = toPixel({plane_.left, value}).y();
        painter.drawLine(QPointF(map_.left() - tick_, y), QPointF(map_.left() - 1, y));
        painter.drawText(QRectF(0, y - em_ / 2.0, numbersRight, em_),
                         Qt::AlignRight | Qt::AlignVCenter, up.text(value));
    }
    painter.drawText(QRect(map_.left(), map_.bottom() + tick_ + em_, map_.width(), em_),
                     Qt::AlignHCenter | Qt::AlignTop, names_.across);
    painter.drawText(QRectF(0, map_.top() - em_ - tick_, numbersRight, em_),
                     Qt::AlignRight | Qt::AlignBottom, names_.up);
}

// The scale from its high end down, its round values beside it and the output's name over it.
void DecisionMapFrame::paintColourBar(QPainter& painter, const DecisionScale& scale,
                                      bool notFinite) const {
    const double span = scale.high() - scale.low();
    QImage colours(1, kBarSteps, QImage::Format_RGB32);
    for (int i = 0; i < kBarSteps; ++i)
        colours.setPixel(0, i, scale.colour(scale.high() - (i + 0.5) / kBarSteps * span));
    painter.drawImage(QRectF(bar_), colours);
    painter.drawRect(bar_.adjusted(-1, -1, 0, 0));
    const qreal numbersLeft = bar_.right() + tick_ + em_ / 4.0;
    const AxisTicks numbers(scale.low(), scale.high(), ticksAlong(bar_.height(), 2 * em_));
    for (const double value : numbers.values()) {
        const qreal y = bar_.top() + (scale.high() - value) / span * bar_.height();
        painter.drawLine(QPointF(bar_.right() + 1, y), QPointF(bar_.right() + tick_, y));
        painter.drawText(QRectF(numbersLeft, y - em_ / 2.0, 4 * em_, em_),
                         Qt::AlignLeft | Qt::AlignVCenter, numbers.text(value));
    }
    painter.drawText(
        QRect(bar_.left() - em_, bar_.top() - em_ - tick_, bar_.width() + 2 * em_, em_),
        Qt::AlignHCenter | Qt::AlignBottom, names_.output);
    if (!notFinite) return;
    // Under the bar: the grey of outputs that are not finite numbers.
    const QRect swatch(bar_.left(), bar_.bottom() + em_, bar_.width(), int(em_ * kBarShare));
    painter.fillRect(swatch, Palette::neutral());
    painter.drawRect(swatch.adjusted(-1, -1, 0, 0));
    painter.drawText(QRectF(numbersLeft, swatch.center().y() - em_ / 2.0, 4 * em_, em_),
                     Qt::AlignLeft | Qt::AlignVCenter, names_.notFinite);
}

}  // namespace ui
