#pragma once

#include <QMainWindow>

#include "core/stepcursor.h"

class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;

namespace ui {

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
// state in the status bar. It wires the controls to the controller and the controller's signals
// to the views; it holds no training state of its own.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Loads a built-in preset; false if there is none of that name.
    bool loadPreset(const QString& name);
    // What Step does; the chooser in the tool bar follows.
    void setGranularity(core::Granularity granularity);
    // Replots and lays out everything at once (before grabbing the window into an image).
    void settle();

    TrainingController* controller() const { return controller_; }
    Playback* playback() const { return playback_; }
    NetworkView* networkView() const { return networkView_; }
    LossPlot* lossPlot() const { return lossPlot_; }
    LearningRateControl* learningRateControl() const { return learningRate_; }
    FormulaPanel* formulaPanel() const { return formulaPanel_; }
    Inspector* inspector() const { return inspector_; }

private:
    QWidget* buildBottom();
    void buildToolBars();
    void buildMenus();
    void showState();
    void showRate(double rate);
    void showFormula();
    void showPreview();
    void pinRun();
    void editNetwork();
    void openSession();
    void saveSession();
    void exportImage();

    TrainingController* controller_ = nullptr;
    Playback* playback_ = nullptr;
    NetworkView* networkView_ = nullptr;
    LossPlot* lossPlot_ = nullptr;
    LearningRateControl* learningRate_ = nullptr;
    FormulaPanel* formulaPanel_ = nullptr;
    Inspector* inspector_ = nullptr;
    QSlider* timeline_ = nullptr;
    QLabel* timelineLabel_ = nullptr;
    TrainingToolBar* trainingBar_ = nullptr;
    QComboBox* sampleChooser_ = nullptr;
    QSpinBox* digitsField_ = nullptr;
    QLabel* statusLabel_ = nullptr;
};

}  // namespace ui
