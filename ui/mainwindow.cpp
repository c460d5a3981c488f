#include "mainwindow.h"

#include <qcustomplot.h>
#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

#include "displaytoolbar.h"
#include "formulapanel.h"
#include "inspector.h"
#include "learningratecontrol.h"
#include "lossplot.h"
#include "networkdialog.h"
#include "networkview.h"
#include "playback.h"
#include "shortcutguard.h"
#include "statusline.h"
#include "timelinebar.h"
#include "trainingcontroller.h"
#include "trainingtoolbar.h"
#include "ui/session/presetlibrary.h"

namespace ui {

namespace {

constexpr int kInspectorCharacters = 46;  // the inspector's starting width, in characters
constexpr QSize kStartingSize(1280, 800);

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName("mainWindow");
    model_ = new TrainingController(this);
    playback_ = new Playback(model_, this);

    networkView_ = new NetworkView(model_);
    formulaPanel_ = new FormulaPanel(model_);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName("viewSplitter");
    splitter->addWidget(networkView_);
    splitter->addWidget(formulaPanel_);
    splitter->addWidget(buildBottom());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({440, 100, 230});
    setCentralWidget(splitter);
    statusBar()->addWidget(new StatusLine(model_), 1);

    trainingBar_ = new TrainingToolBar(model_, playback_, this);
    addToolBar(trainingBar_);
    addActions(trainingBar_->shortcutActions());
    connect(trainingBar_, &TrainingToolBar::presetChosen, this, &MainWindow::loadPreset);
    connect(trainingBar_, &TrainingToolBar::networkRequested, this, &MainWindow::editNetwork);
    addToolBarBreak();
    displayBar_ = new DisplayToolBar(model_, this);
    addToolBar(displayBar_);
    buildMenus();
    new ShortcutGuard(this, networkView_);

    connect(networkView_, &NetworkView::itemClicked, inspector_, &Inspector::pin);
    connect(model_, &TrainingController::changed, this, [this](TrainingController::Changes what) {
        if (what & TrainingController::Change::Session)
            setWindowTitle(tr("Backprop Lab - %1").arg(model_->sessionName()));
    });
    loadPreset(QStringLiteral("mazur"));
    resize(kStartingSize);
}

QWidget* MainWindow::buildBottom() {
    lossPlot_ = new LossPlot(model_);
    auto* timeline = new TimelineBar(model_, playback_);
    auto* plotColumn = new QWidget;
    auto* column = new QVBoxLayout(plotColumn);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(lossPlot_, 1);
    column->addWidget(timeline);

    // The inspector beside the plot, as wide as the user drags it.
    inspector_ = new Inspector(model_);
    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->setObjectName("bottomSplitter");
    bottom->addWidget(plotColumn);
    bottom->addWidget(inspector_);
    bottom->setStretchFactor(0, 1);
    bottom->setSizes(
        {kStartingSize.width() - fontMetrics().averageCharWidth() * kInspectorCharacters,
         fontMetrics().averageCharWidth() * kInspectorCharacters});
    return bottom;
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open session..."), QKeySequence::Open, this, &MainWindow::openSession);
    file->addAction(tr("&Save session..."), QKeySequence::Save, this, &MainWindow::saveSession);
    file->addAction(tr("&Export image..."), QKeySequence(tr("Ctrl+E")), this,
                    &MainWindow::exportImage);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    quit->setShortcutContext(Qt::ApplicationShortcut);
}

LearningRateControl* MainWindow::learningRateControl() const {
    return displayBar_->learningRateControl();
}

bool MainWindow::loadPreset(const QString& name) {
    const session::Preset* preset = session::PresetLibrary::builtIn().find(name);
    if (!preset) return false;
    playback_->pause();
    model_->load(preset->session, preset->name);
    return true;
}

void MainWindow::settle() {
    QApplication::processEvents();
    lossPlot_->customPlot()->replot();
}

void MainWindow::editNetwork() {
    const session::Session current = model_->session();
    NetworkDialog dialog(current, this);
    if (dialog.exec() != QDialog::Accepted) return;
    const session::Session changed = dialog.result();
    if (changed == current) return;  // nothing to change: the run goes on
    if (const std::string problem = core::validateConfig(changed.config); !problem.empty()) {
        QMessageBox::warning(this, tr("Cannot use these settings"),
                             QString::fromStdString(problem));
        return;
    }
    playback_->pause();
    QString name = model_->sessionName();
    if (!name.endsWith(tr(" (changed)"))) name += tr(" (changed)");
    model_->load(changed, name);
}

void MainWindow::openSession() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open session"), {}, tr("Sessions (*.json)"));
    if (path.isEmpty()) return;
    QString error;
    const std::optional<session::Session> session = session::SessionFile::read(path, &error);
    if (!session) {
        QMessageBox::warning(this, tr("Cannot open session"), error);
        return;
    }
    playback_->pause();
    model_->load(*session, QFileInfo(path).completeBaseName());
}

void MainWindow::saveSession() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save session"), {}, tr("Sessions (*.json)"));
    if (path.isEmpty()) return;
    QString error;
    if (!session::SessionFile::save(path, model_->trainedSession(), &error))
        QMessageBox::warning(this, tr("Cannot save session"), error);
}

void MainWindow::exportImage() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export image"), {}, tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    settle();
    if (!grab().save(path, "PNG"))
        QMessageBox::warning(this, tr("Cannot export image"), tr("Cannot write %1").arg(path));
}

}  // namespace ui
