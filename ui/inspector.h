#pragma once

#include <QWidget>

#include "networkitem.h"
#include "trainingcontroller.h"

class QLabel;

namespace ui {

// The node or parameter the user pinned: every partial at the current step, and for a parameter
// its gradient by central difference beside backpropagation's, with their difference (the model
// checks the pinned parameter in the background; the row shows once the check comes). A view of
// the model; the pinned item is its own.
class Inspector : public QWidget {
    Q_OBJECT

public:
    explicit Inspector(TrainingController* model, QWidget* parent = nullptr);

    const NetworkItem& pinned() const { return pinned_; }
    // Pins `item` (a Kind::None item unpins and hides the inspector).
    void pin(const NetworkItem& item);

private:
    void refresh(TrainingController::Changes what);
    void describe();

    TrainingController* model_;
    NetworkItem pinned_;
    QLabel* details_ = nullptr;
};

}  // namespace ui
