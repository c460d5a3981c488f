#include "rateslider.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionSlider>
#include <cmath>

#include "palette.h"

namespace ui {

RateSlider::RateSlider(QWidget* parent) : QSlider(Qt::Horizontal, parent) {}

void RateSlider::setMark(std::optional<double> value) {
    if (value == mark_) return;
    mark_ = value;
    update();
}

int RateSlider::centreAt(int value) const {
    QStyleOptionSlider option;
    initStyleOption(&option);
    option.sliderPosition = std::clamp(value, minimum(), maximum());
    return style()
        ->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this)
        .center()
        .x();
}

std::optional<int> RateSlider::markX() const {
    if (!mark_) return std::nullopt;
    if (*mark_ > maximum()) return centreAt(maximum());
    if (*mark_ < minimum()) return centreAt(minimum());
    return centreAt(int(std::lround(*mark_)));
}

bool RateSlider::markIsClipped() const {
    return mark_ && (*mark_ > maximum() || *mark_ < minimum());
}

void RateSlider::paintEvent(QPaintEvent* event) {
    QSlider::paintEvent(event);
    const auto x = markX();
    if (!x) return;
    QStyleOptionSlider option;
    initStyleOption(&option);
    const QRect groove =
        style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, this);
    // A triangle from the groove's middle down into the ticks' room, its size from the font.
    const qreal size = std::max(6.0, fontMetrics().height() * 0.45);
    const qreal top = groove.center().y() + 2;
    const qreal bottom = std::min<qreal>(height() - 1, top + size);
    QPainterPath shape;
    if (!markIsClipped()) {
        shape.moveTo(*x, top);
        shape.lineTo(*x + size * 0.6, bottom);
        shape.lineTo(*x - size * 0.6, bottom);
    } else {
        // An arrow pointing out past the end the value lies beyond.
        const qreal middle = (top + bottom) / 2, half = (bottom - top) / 2;
        const qreal direction = *mark_ > maximum() ? 1.0 : -1.0;
        const qreal tip = *x + direction * half * 1.2;
        shape.moveTo(tip, middle);
        shape.lineTo(tip - direction * half * 1.6, middle - half);
        shape.lineTo(tip - direction * half * 1.6, middle + half);
    }
    shape.closeSubpath();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::Base), 1));
    painter.setBrush(Palette::stableRate());
    painter.drawPath(shape);
}

}  // namespace ui
