#pragma once

#include <QWidget>
#include <optional>

#include "networkitem.h"
#include "stepreveal.h"

class QLabel;
class QToolButton;

namespace ui {

// The node or parameter the user pinned: every partial at the current step, and for a parameter
// its gradient by central difference beside backpropagation's, with their difference.
class Inspector : public QWidget {
    Q_OBJECT

public:
    explicit Inspector(QWidget* parent = nullptr);

    const NetworkItem& pinned() const { return pinned_; }
    // Pins `item` (a Kind::None item unpins and hides the inspector).
    void pin(const NetworkItem& item);
    // Shows the pinned item at this step; `finiteDifference` is dE/dp by central difference.
    void showStep(const StepReveal& reveal, int sample, int digits,
                  std::optional<double> finiteDifference);
    // The text shown, in rich text.
    QString text() const;

signals:
    // The user closed the inspector.
    void closed();

private:
    NetworkItem pinned_;
    QLabel* details_ = nullptr;
};

}  // namespace ui
