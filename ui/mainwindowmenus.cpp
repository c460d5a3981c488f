// The window's menus: File, Edit, View and Help, in the row they share with the training
// controls. The rest of MainWindow is in mainwindow.cpp.
#include <qcustomplot.h>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QMenuBar>
#include <QMessageBox>
#include <QUndoStack>
#include <QUndoView>

#include "appearancemenu.h"
#include "appinfo.h"
#include "exportmenu.h"
#include "formulapanel.h"
#include "handoutexport.h"
#include "lossplot.h"
#include "mainwindow.h"
#include "maptabs.h"
#include "networkview.h"
#include "presetlessons.h"
#include "quizpanel.h"
#include "recentsessions.h"
#include "trainingcontroller.h"
#include "trainingtoolbar.h"
#include "windowtour.h"

namespace ui {

// Undo and Redo of the model's edits, named after them ("Undo set w5 to 0.9"), and the list of
// them in a dock, where a click goes back or forward to any point.
QMenu* MainWindow::addEditMenu(QMenuBar& menus) {
    QUndoStack* edits = model_->undoStack();
    QMenu* menu = menus.addMenu(tr("&Edit"));
    QAction* undo = edits->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = edits->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))});
    menu->addAction(undo);
    menu->addAction(redo);
    addActions({undo, redo});  // they act while the menu row is hidden too
    menu->addSeparator();
    auto* history = new QDockWidget(tr("Edit history"), this);
    history->setObjectName("editHistory");
    auto* list = new QUndoView(edits);
    list->setObjectName("editHistoryList");
    list->setEmptyLabel(tr("as first loaded"));
    list->setToolTip(
        tr("Every edit of the model, oldest first: click one to go back to the "
           "state right after it, or the first line for the state before them."));
    history->setWidget(list);
    addDockWidget(Qt::RightDockWidgetArea, history);
    history->hide();
    QAction* showHistory = history->toggleViewAction();
    showHistory->setText(tr("Edit &history"));
    showHistory->setShortcut(QKeySequence(tr("Ctrl+H")));
    menu->addAction(showHistory);
    return menu;
}

// The menu and the training controls share the top row, left to right, the controls' icons as
// tall as a line of text: the rows above the views stay few and low, and scale with the font.
void MainWindow::buildMenuRow() {
    auto* menus = new QMenuBar;
    menus->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
    QMenu* file = menus->addMenu(tr("&File"));
    file->addAction(tr("&Open session..."), QKeySequence::Open, this, &MainWindow::openSession);
    QMenu* recent = file->addMenu(tr("Open &recent"));
    recent->setObjectName("recentMenu");
    const auto fill = [this, recent] {
        RecentSessions::fill(*recent, [this](const QString& path) { openSessionFile(path); });
    };
    connect(recent, &QMenu::aboutToShow, this, fill);
    fill();
    file->addAction(tr("&Save session..."), QKeySequence::Save, this, &MainWindow::saveSession);
    new ExportMenu(*file, model_, {networkView_, lossPlot_->customPlot(), formulaPanel_, this});
    auto* handouts = new HandoutExport(model_, this);
    file->addAction(handouts->exportAction());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    quit->setShortcutContext(Qt::ApplicationShortcut);
    QMenu* edit = addEditMenu(*menus);
    edit->addSeparator();
    edit->addAction(handouts->copyAllAction());
    addActions({handouts->exportAction(), handouts->copyAllAction()});
    QMenu* view = menus->addMenu(tr("&View"));
    mapTabs_->addViewActions(*view);
    view->addSeparator();
    QuizPanel::install(*this, *view, model_);
    view->addSeparator();
    QAction* present = view->addAction(tr("&Presentation layout"));
    present->setObjectName("presentationAction");
    present->setCheckable(true);
    present->setShortcut(QKeySequence(Qt::Key_F5));
    present->setToolTip(tr("The network, the equation and the loss plot alone; F5 again to leave"));
    connect(present, &QAction::toggled, this, &MainWindow::setPresentation);
    view->addSeparator();
    new AppearanceMenu(*this, *view, model_, arrangement_ == Arrangement::Remembered);
    view->addSeparator();
    QAction* fullScreen = view->addAction(tr("&Full screen"));
    fullScreen->setObjectName("fullScreenAction");
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    connect(fullScreen, &QAction::toggled, this, [this](bool full) {
        setWindowState(full ? windowState() | Qt::WindowFullScreen
                            : windowState() & ~Qt::WindowFullScreen);
    });
    // Both keep their keys while the menus are hidden.
    addActions({present, fullScreen});
    QMenu* help = menus->addMenu(tr("&Help"));
    help->addAction(tr("&Tour of the window"), this, [this] {
        auto* tour = new WindowTour(this);
        tour->setAttribute(Qt::WA_DeleteOnClose);
        tour->show();
    });
    QAction* lesson =
        help->addAction(tr("&Lesson of this preset"), QKeySequence::HelpContents, this, [this] {
            const QString name = model_->sessionName();
            const QString text = presetLesson(name);
            QMessageBox::information(this, tr("Lesson: %1").arg(name),
                                     text.isEmpty() ? tr("Each preset has a lesson: choose one "
                                                         "in the Preset box.")
                                                    : text);
        });
    addAction(lesson);
    help->addSeparator();
    help->addAction(tr("&Report a problem..."), this, &MainWindow::reportProblem);
    help->addSeparator();
    help->addAction(tr("&About Backprop Lab"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    trainingBar_->setIconSize(QSize(fontMetrics().height(), fontMetrics().height()));
    auto* top = new QWidget;
    top->setObjectName("menuRow");
    auto* row = new QHBoxLayout(top);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(menus);
    row->addWidget(trainingBar_);
    row->addStretch(1);
    setMenuWidget(top);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Backprop Lab"), aboutText());
}

void MainWindow::reportProblem() {
    QGuiApplication::clipboard()->setText(problemReport(*model_));
    QMessageBox::information(
        this, tr("Report a problem"),
        tr("A report is on the clipboard: the version of Backprop Lab, your system, and the "
           "session at iteration %1 as a session file. Paste it into your report and say what "
           "you did, what you expected and what you saw.")
            .arg(model_->iteration()));
}

}  // namespace ui
