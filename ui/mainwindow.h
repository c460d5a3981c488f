#pragma once

#include <QMainWindow>

#include "ui/session/sessionfile.h"

class QMenu;
class QMenuBar;
class QSplitter;

namespace ui {

class DisplayToolBar;
class FormulaPanel;
class Inspector;
class LearningRateControl;
class LossPlot;
class MapTabs;
class NetworkView;
class Playback;
class SampleTable;
class TrainingController;
class TrainingToolBar;

// The window: the network drawn live beside the table of its training samples, the current
// term's equation beneath them, the loss plot and the inspector at the bottom; the training
// controls beside the menu, the learning rate and display in a tool bar, the state and the
// timeline of the run in the status bar. It builds and arranges the views of one model
// (TrainingController) and runs the dialogs; each view subscribes to the model itself. Until the
// user drags a divider, the defaults follow the window's size; the window can remember both.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // Where the window's size and its dividers come from: the defaults for the size it is shown
    // at (the same every time: screenshots, tests), or what the user left last time (QSettings,
    // with the application's organization and name), which the window keeps again when closed.
    enum class Arrangement { Default, Remembered };

    explicit MainWindow(Arrangement arrangement = Arrangement::Default, QWidget* parent = nullptr);

    // Loads a built-in preset; false if there is none of that name.
    bool loadPreset(const QString& name);
    // Opens the session file `path` (a name from Qt), adding it to Open Recent; says why not in
    // a message box, and takes it off the list, when it cannot be read.
    bool openSessionFile(const QString& path);
    // Shows `session`, read from the file `path`, and puts the file first in Open Recent.
    void showSession(const session::Session& session, const QString& path);
    // Shows again what the window showed when it was last closed (a file or a preset), if it
    // still can; false otherwise, with nothing changed.
    bool reopenLast();
    // Waits for what the model computes in the background, then replots and lays out
    // everything at once (before grabbing the window into an image).
    void settle();

    // The presentation layout (F5): the network, the equation and the loss plot alone, without
    // the menus, tool bars, shape bar, samples, map, inspector and status; the keys still act.
    void setPresentation(bool presenting);
    bool isPresenting() const { return presenting_; }

    TrainingController* controller() const { return model_; }
    // Shows the loss landscape's tab beside the loss plot (true) or the decision map's.
    void showLandscape(bool shown);
    Playback* playback() const { return playback_; }
    NetworkView* networkView() const { return networkView_; }
    SampleTable* sampleTable() const { return sampleTable_; }
    LossPlot* lossPlot() const { return lossPlot_; }
    LearningRateControl* learningRateControl() const;
    FormulaPanel* formulaPanel() const { return formulaPanel_; }
    Inspector* inspector() const { return inspector_; }

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* buildTop();
    QWidget* buildBottom();
    void buildMenuRow();
    QMenu* addEditMenu(QMenuBar& menus);
    void arrangeByDefault();
    void fitSampleTable();
    bool restoreArrangement();
    void saveArrangement() const;
    void editNetwork();
    void openSession();
    void saveSession();
    void showAbout();
    // Copies problemReport() to the clipboard and says so.
    void reportProblem();
    // The file dialogs' filter: session files first, any .json, anything.
    static QString sessionFilter();

    Arrangement arrangement_;
    QString shown_;  // what the window shows, as RecentSessions::last says it
    bool presenting_ = false;
    bool arranged_ = false;      // whether the dividers have been placed (at the first show)
    bool userArranged_ = false;  // whether the user placed them (dragged them, or remembered)
    TrainingController* model_ = nullptr;
    Playback* playback_ = nullptr;
    NetworkView* networkView_ = nullptr;
    SampleTable* sampleTable_ = nullptr;
    FormulaPanel* formulaPanel_ = nullptr;
    LossPlot* lossPlot_ = nullptr;
    Inspector* inspector_ = nullptr;
    MapTabs* mapTabs_ = nullptr;  // the decision map and the loss landscape
    TrainingToolBar* trainingBar_ = nullptr;
    DisplayToolBar* displayBar_ = nullptr;
    QSplitter* viewSplitter_ = nullptr;     // the network and table, the equation, the bottom
    QSplitter* networkSplitter_ = nullptr;  // the network beside the sample table
    QSplitter* bottomSplitter_ = nullptr;   // the loss plot beside the inspector
};

}  // namespace ui
