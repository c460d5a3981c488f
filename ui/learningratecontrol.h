#pragma once

#include <QWidget>

class QDoubleSpinBox;
class QSlider;

namespace ui {

// The learning rate: a slider on a log scale from 0.001 to 1000 beside a numeric field, kept in
// sync. Dragging reports every new value at once; Escape during a drag gives back the rate from
// before it and ends the drag.
class LearningRateControl : public QWidget {
    Q_OBJECT

public:
    static constexpr double minimum = 0.001;
    static constexpr double maximum = 1000.0;

    explicit LearningRateControl(QWidget* parent = nullptr);

    // The rate last chosen or shown, exactly (the field rounds what it shows to 6 decimals).
    double rate() const { return rate_; }
    // Shows `rate` without reporting it back.
    void setRate(double rate);
    // Whether the slider is being dragged (and the drag was not cancelled).
    bool isDragging() const;
    QSlider* slider() const { return slider_; }
    QDoubleSpinBox* field() const { return field_; }

signals:
    // The user chose a rate (by dragging, clicking or typing).
    void rateChanged(double rate);
    void dragStarted();
    // The drag ended: released, or cancelled with Escape.
    void dragFinished();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showOnSlider(double rate);

    QSlider* slider_ = nullptr;
    QDoubleSpinBox* field_ = nullptr;
    double rate_ = 0.0;
    double rateBeforeDrag_ = 0.0;
    bool dragCancelled_ = false;
};

}  // namespace ui
