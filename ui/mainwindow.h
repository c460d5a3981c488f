#pragma once

#include <QMainWindow>

class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QToolButton;

namespace ui {

class LearningRateControl;
class LossPlot;
class NetworkView;
class Playback;
class TrainingController;

// The window: the network drawn live above the loss plot, the controls in two tool bars and the
// state in the status bar. It wires the controls to the controller and the controller's signals
// to the views; it holds no training state of its own.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Loads a built-in preset; false if there is none of that name.
    bool loadPreset(const QString& name);
    // Replots and lays out everything at once (before grabbing the window into an image).
    void settle();

    TrainingController* controller() const { return controller_; }
    Playback* playback() const { return playback_; }
    NetworkView* networkView() const { return networkView_; }
    LossPlot* lossPlot() const { return lossPlot_; }
    LearningRateControl* learningRateControl() const { return learningRate_; }

private:
    void buildToolBars();
    void buildMenus();
    void buildShortcuts();
    void showState();
    void showRate(double rate);
    void markRateChange();
    void openSession();
    void saveSession();
    void exportImage();

    TrainingController* controller_ = nullptr;
    Playback* playback_ = nullptr;
    NetworkView* networkView_ = nullptr;
    LossPlot* lossPlot_ = nullptr;
    LearningRateControl* learningRate_ = nullptr;
    QComboBox* presetChooser_ = nullptr;
    QComboBox* sampleChooser_ = nullptr;
    QToolButton* stepButton_ = nullptr;
    QToolButton* playButton_ = nullptr;
    QToolButton* resetButton_ = nullptr;
    QSlider* speedSlider_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QSpinBox* digitsField_ = nullptr;
    QLabel* statusLabel_ = nullptr;
    long long dragStartIteration_ = -1;  // where a drag of the rate slider began
};

}  // namespace ui
