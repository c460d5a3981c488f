#pragma once

#include <QWidget>
#include <vector>

#include "trainingcontroller.h"

class QToolButton;

namespace ui {

// The network's shape as buttons above the diagram: each layer's name and node count between
// − and +, and a hidden layer more or less. A press is one edit of the model
// (TrainingController::editShape): the run starts over from the current state in the new shape,
// the weights that still fit kept; Ctrl+Z undoes it. What the engine's bounds forbid (2 to 8
// layers of 1 to 64 nodes) is disabled. A view of the model: rebuilt from it when the shape
// changes.
class ShapeBar : public QWidget {
    Q_OBJECT

public:
    explicit ShapeBar(TrainingController* model, QWidget* parent = nullptr);

    // The button that makes `change` (null if there is none).
    QToolButton* button(core::ShapeChange change) const;

    // One line of text and buttons high.
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh(TrainingController::Changes what);
    void rebuild();
    // Places the labels and buttons left to right at their own widths; those that would not
    // fit whole are hidden.
    void lineUp();
    void add(QWidget* widget);
    void addLabel(const QString& text, const QString& name, const QString& tip);
    void addButton(const QString& text, core::ShapeChange change, bool enabled,
                   const QString& tip);
    void apply(core::ShapeChange change);

    TrainingController* model_;
    struct Place {
        QWidget* widget;
        int gapBefore;  // pixels left before it
    };
    std::vector<Place> row_;
    int gap_ = 0;  // the gap before the next widget added
    std::vector<int> layers_;  // the shape the buttons were made for
    std::vector<std::pair<core::ShapeChange, QToolButton*>> buttons_;
};

}  // namespace ui
