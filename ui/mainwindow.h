#pragma once

#include <QMainWindow>

class QSplitter;

namespace ui {

class DisplayToolBar;
class FormulaPanel;
class Inspector;
class LearningRateControl;
class LossPlot;
class NetworkView;
class Playback;
class TrainingController;
class TrainingToolBar;

// The window: the network drawn live, the current term's equation beneath it, the loss plot with
// the timeline of the run and the inspector at the bottom, the controls in two tool bars and the
// state in the status bar. It builds and arranges the views of one model (TrainingController)
// and runs the dialogs; each view subscribes to the model itself.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Loads a built-in preset; false if there is none of that name.
    bool loadPreset(const QString& name);
    // Replots and lays out everything at once (before grabbing the window into an image).
    void settle();

    TrainingController* controller() const { return model_; }
    Playback* playback() const { return playback_; }
    NetworkView* networkView() const { return networkView_; }
    LossPlot* lossPlot() const { return lossPlot_; }
    LearningRateControl* learningRateControl() const;
    FormulaPanel* formulaPanel() const { return formulaPanel_; }
    Inspector* inspector() const { return inspector_; }

private:
    QWidget* buildBottom();
    void buildMenus();
    void editNetwork();
    void openSession();
    void saveSession();
    void exportImage();

    TrainingController* model_ = nullptr;
    Playback* playback_ = nullptr;
    NetworkView* networkView_ = nullptr;
    FormulaPanel* formulaPanel_ = nullptr;
    LossPlot* lossPlot_ = nullptr;
    Inspector* inspector_ = nullptr;
    TrainingToolBar* trainingBar_ = nullptr;
    DisplayToolBar* displayBar_ = nullptr;
};

}  // namespace ui
