#pragma once

#include <QToolBar>

#include "core/stepcursor.h"

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace ui {

class Playback;
class TrainingController;

// The first tool bar: the preset, Back and Step with the step size, Play, Reset and the speed.
// Its buttons act on the controller and the playback; their shortcuts (Left, Right, Space, R)
// are window-wide actions.
class TrainingToolBar : public QToolBar {
    Q_OBJECT

public:
    TrainingToolBar(TrainingController* controller, Playback* playback, QWidget* parent = nullptr);

    // The actions with window-wide shortcuts, for the window to add.
    QList<QAction*> shortcutActions() const { return shortcuts_; }
    // Shows `name` as the current preset (no signal).
    void showPreset(const QString& name);
    // Chooses what Step does.
    void setGranularity(core::Granularity granularity);

signals:
    // The user chose a preset.
    void presetChosen(const QString& name);
    // The user asked to change the network's settings.
    void networkRequested();

private:
    QToolButton* addButton(QAction* action, const QString& objectName);

    TrainingController* controller_;
    Playback* playback_;
    QList<QAction*> shortcuts_;
    QComboBox* presetChooser_ = nullptr;
    QComboBox* granularityChooser_ = nullptr;
    QSlider* speedSlider_ = nullptr;
    QLabel* speedLabel_ = nullptr;
};

}  // namespace ui
