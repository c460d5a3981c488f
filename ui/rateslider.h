#pragma once

#include <QSlider>
#include <optional>

namespace ui {

// The learning-rate slider with a mark: a triangle under the groove pointing up at one value
// (the stable rate), or an arrow at the end it lies beyond when it is outside the range.
class RateSlider : public QSlider {
    Q_OBJECT

public:
    explicit RateSlider(QWidget* parent = nullptr);

    // The marked value in the slider's units (may lie outside its range); none: no mark.
    void setMark(std::optional<double> value);
    std::optional<double> mark() const { return mark_; }
    // Where the mark is drawn: the x of its tip in widget coordinates, and whether it is an
    // arrow at an end (the value outside the range). None without a mark.
    std::optional<int> markX() const;
    bool markIsClipped() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    // The centre of the handle if it stood at `value` (clamped into the range).
    int centreAt(int value) const;

    std::optional<double> mark_;
};

}  // namespace ui
