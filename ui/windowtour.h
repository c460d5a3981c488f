#pragma once

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;
class QRubberBand;

namespace ui {

// Help > Tour of the window: one stop for each area (the network, its shape and samples, the
// equation, the loss plot and the decision map, the learning rate and momentum, the step
// controls, the timeline), each ringed on the window while a short text says what it shows.
class WindowTour : public QDialog {
    Q_OBJECT

public:
    // One stop: the area, found by its object name, and what to say of it.
    struct Stop {
        const char* objectName;
        QString title;
        QString text;
    };

    explicit WindowTour(QWidget* window);

    // Every stop, in the order shown.
    const QList<Stop>& stops() const { return stops_; }
    // The stop shown.
    int current() const { return current_; }
    // Shows stop `index`, ringing its area.
    void showStop(int index);
    // The ring around the area shown, in the window's coordinates.
    QRect ring() const;

private:
    QWidget* window_;
    QList<Stop> stops_;
    int current_ = 0;
    QRubberBand* band_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* text_ = nullptr;
    QPushButton* back_ = nullptr;
    QPushButton* next_ = nullptr;
};

}  // namespace ui
