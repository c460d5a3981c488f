#pragma once

#include <QWidget>
#include <optional>

#include "core/topology.h"
#include "landscapejob.h"

class QComboBox;
class QDoubleSpinBox;
class QPushButton;

namespace ui {

// The loss landscape's choices in one row: the plane (the steepest weights, two parameters
// picked, or the Hessian's top two eigenvectors), the parameters across and up, the span (auto,
// fitted to the path, or a number) and a button that centres the map on the current point. It
// holds the choices only; the panel asks it for them and tells it what the steepest pair is.
class LandscapeControls : public QWidget {
    Q_OBJECT

public:
    explicit LandscapeControls(QWidget* parent = nullptr);

    // Lists `topology`'s weights and biases (flat order), keeping the choices where they fit.
    void setTopology(const core::Topology& topology);
    LandscapeAxes axes() const;
    void setAxes(LandscapeAxes axes);
    // The parameters across and up (flat indices).
    int first() const;
    int second() const;
    // Picks the two parameters: the plane becomes Chosen.
    void choose(int first, int second);
    // Shows the pair the Steepest plane uses now, without changing the plane.
    void showPair(int first, int second);
    // Half the side of the square drawn; nothing: fitted to the path.
    std::optional<double> span() const;
    void setSpan(std::optional<double> span);

signals:
    // A choice changed: the map is made anew, centred on the current point.
    void changed();
    // The user asked to centre the map on the current point.
    void centreRequested();

private:
    void updateEnabled();

    QComboBox* plane_;
    QComboBox* first_;
    QComboBox* second_;
    QDoubleSpinBox* span_;
    QPushButton* centre_;
};

}  // namespace ui
