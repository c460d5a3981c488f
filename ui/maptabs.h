#pragma once

#include <QTabWidget>

#include "trainingcontroller.h"

class QMenu;

namespace ui {

class DecisionMap;
class LandscapePanel;

// The two maps of the bottom row, one tab each: the decision map (what the network answers over
// its inputs) and the loss landscape (E over two of its parameters, with the run's path). The
// landscape computes only while its tab is shown.
class MapTabs : public QTabWidget {
    Q_OBJECT

public:
    explicit MapTabs(TrainingController* model, QWidget* parent = nullptr);

    DecisionMap* decisionMap() const { return decisionMap_; }
    LandscapePanel* landscape() const { return landscape_; }
    // Shows the landscape's tab (true) or the decision map's.
    void showLandscape(bool shown);
    // Adds the entries that pick a tab (with their shortcuts) to `menu`.
    void addViewActions(QMenu& menu);
    // Handles events until the shown map is computed (for images of the window).
    void settle();

private:
    DecisionMap* decisionMap_;
    LandscapePanel* landscape_;
};

}  // namespace ui
