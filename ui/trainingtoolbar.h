#pragma once

#include <QStyle>
#include <QToolBar>

#include "trainingcontroller.h"

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace ui {

class Playback;

// The first tool bar: the preset and Network..., Back and Step with the step size, Play, Reset
// and the speed. Its buttons act on the model and the playback; their shortcuts (Left, Right,
// Space, R) are window-wide actions. The preset box and the step size show the model's.
class TrainingToolBar : public QToolBar {
    Q_OBJECT

public:
    TrainingToolBar(TrainingController* model, Playback* playback, QWidget* parent = nullptr);

    // The actions with window-wide shortcuts, for the window to add.
    QList<QAction*> shortcutActions() const { return shortcuts_; }

signals:
    // The user chose a preset.
    void presetChosen(const QString& name);
    // The user asked to change the network's settings.
    void networkRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void addSessionControls();
    void addStepControls();
    void addSpeedControls();
    QAction* addShortcut(const QString& text, const QString& tip, const QKeySequence& key,
                         QStyle::StandardPixmap icon);
    QToolButton* addButton(QAction* action, const QString& objectName);
    void setIcon(QAction* action, QStyle::StandardPixmap icon);
    void refresh(TrainingController::Changes what);

    TrainingController* model_;
    Playback* playback_;
    QList<QAction*> shortcuts_;
    QComboBox* presetChooser_ = nullptr;
    QComboBox* granularityChooser_ = nullptr;
    QSlider* speedSlider_ = nullptr;
    QLabel* speedLabel_ = nullptr;
};

}  // namespace ui
