#pragma once

#include <QWidget>

class QDoubleSpinBox;
class QSlider;

namespace ui {

// The learning rate: a slider on a log scale from 0.001 to 1000 beside a numeric field, kept in
// sync. Dragging reports every new value at once.
class LearningRateControl : public QWidget {
    Q_OBJECT

public:
    static constexpr double minimum = 0.001;
    static constexpr double maximum = 1000.0;

    explicit LearningRateControl(QWidget* parent = nullptr);

    double rate() const;
    // Shows `rate` without reporting it back.
    void setRate(double rate);
    bool isDragging() const;
    QSlider* slider() const { return slider_; }
    QDoubleSpinBox* field() const { return field_; }

signals:
    // The user chose a rate (by dragging, clicking or typing).
    void rateChanged(double rate);
    void dragStarted();
    void dragFinished();

private:
    void showOnSlider(double rate);

    QSlider* slider_ = nullptr;
    QDoubleSpinBox* field_ = nullptr;
};

}  // namespace ui
