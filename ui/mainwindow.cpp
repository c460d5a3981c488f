#include "mainwindow.h"

#include <qcustomplot.h>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <cstring>

#include "decisionmap.h"
#include "displaytoolbar.h"
#include "formulapanel.h"
#include "inspector.h"
#include "learningratecontrol.h"
#include "lossplot.h"
#include "maptabs.h"
#include "networkdialog.h"
#include "networkview.h"
#include "playback.h"
#include "recentsessions.h"
#include "sampletable.h"
#include "shapebar.h"
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
constexpr double kPlotShare = 0.26;      // the loss plot's default height against the window's
constexpr double kMostTableShare = 0.4;  // the widest the sample table starts, against the window
const QString kSizeKey = QStringLiteral("window/size");
const QString kSplitterGroup = QStringLiteral("splitters");

// A splitter called `name` holding `parts`, of which those at `stretching` take what the others
// leave when the window grows or shrinks.
QSplitter* splitter(const char* name, Qt::Orientation orientation,
                    std::initializer_list<QWidget*> parts, std::initializer_list<int> stretching) {
    auto* result = new QSplitter(orientation);
    result->setObjectName(name);
    result->setChildrenCollapsible(false);
    for (QWidget* part : parts)
        result->addWidget(part);
    for (int index : stretching)
        result->setStretchFactor(index, 1);
    return result;
}

}  // namespace

MainWindow::MainWindow(Arrangement arrangement, QWidget* parent)
    : QMainWindow(parent), arrangement_(arrangement) {
    setObjectName("mainWindow");
    model_ = new TrainingController(this);
    playback_ = new Playback(model_, this);

    formulaPanel_ = new FormulaPanel(model_);
    viewSplitter_ =
        splitter("viewSplitter", Qt::Vertical, {buildTop(), formulaPanel_, buildBottom()}, {0, 2});
    setCentralWidget(viewSplitter_);
    // The state and the timeline of the run share the window's foot, leaving the plot the height
    // of a row; half each, so that a long state (what blew up) never squeezes the timeline.
    auto* state = new StatusLine(model_);
    state->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar()->addWidget(state, 1);
    statusBar()->addPermanentWidget(new TimelineBar(model_, playback_), 1);

    trainingBar_ = new TrainingToolBar(model_, playback_, this);
    addActions(trainingBar_->shortcutActions());
    connect(trainingBar_, &TrainingToolBar::presetChosen, this, &MainWindow::loadPreset);
    connect(trainingBar_, &TrainingToolBar::networkRequested, this, &MainWindow::editNetwork);
    buildMenuRow();
    displayBar_ = new DisplayToolBar(model_, this);
    addToolBar(displayBar_);
    new ShortcutGuard(this, networkView_);

    connect(networkView_, &NetworkView::itemClicked, inspector_, &Inspector::pin);
    connect(model_, &TrainingController::changed, this, [this](TrainingController::Changes what) {
        if (what & TrainingController::Change::Session)
            setWindowTitle(tr("Backprop Lab - %1").arg(model_->sessionName()));
        // Until the user drags a divider, the table stays as wide as its columns, whatever
        // network is loaded and however long its numbers grow, and a new zoom gives the
        // equation the height it asks.
        if (!arranged_ || userArranged_) return;
        if (what & TrainingController::Change::Zoom)
            arrangeByDefault();
        else
            fitSampleTable();
    });
    // A divider the user drags is theirs: the defaults no longer follow the window's size.
    for (QSplitter* divided : {viewSplitter_, networkSplitter_, bottomSplitter_})
        connect(divided, &QSplitter::splitterMoved, this, [this] { userArranged_ = true; });
    loadPreset(QStringLiteral("mazur"));
    resize(kStartingSize);
    if (arrangement_ == Arrangement::Remembered) {
        const QSize remembered = QSettings().value(kSizeKey).toSize();
        if (remembered.isValid()) resize(remembered);
    }
}

void MainWindow::setPresentation(bool presenting) {
    presenting_ = presenting;
    // What a class watching a projector does not need; the window's actions keep their keys.
    const QList<QWidget*> extras{menuWidget(), displayBar_, findChild<ShapeBar*>(),
                                 sampleTable_, mapTabs_,    inspector_,
                                 statusBar()};
    for (QWidget* extra : extras)
        if (extra) extra->setVisible(!presenting);
}

// The network under the buttons of its shape, with the table of its samples beside it, as narrow
// as its columns.
QWidget* MainWindow::buildTop() {
    networkView_ = new NetworkView(model_);
    auto* network = new QWidget;
    auto* stack = new QVBoxLayout(network);
    stack->setContentsMargins(0, 0, 0, 0);
    stack->setSpacing(0);
    stack->addWidget(new ShapeBar(model_));
    stack->addWidget(networkView_, 1);
    sampleTable_ = new SampleTable(model_);
    networkSplitter_ = splitter("networkSplitter", Qt::Horizontal, {network, sampleTable_}, {0});
    return networkSplitter_;
}

// The loss plot, then the decision map, then the inspector, as wide as the user drags them.
QWidget* MainWindow::buildBottom() {
    lossPlot_ = new LossPlot(model_);
    mapTabs_ = new MapTabs(model_);
    QWidget* map = mapTabs_;
    inspector_ = new Inspector(model_);
    bottomSplitter_ = splitter("bottomSplitter", Qt::Horizontal, {lossPlot_, map, inspector_}, {0});
    const int inspector = fontMetrics().averageCharWidth() * kInspectorCharacters;
    const int mapWidth = mapTabs_->decisionMap()->sizeHint().width();
    bottomSplitter_->setSizes({kStartingSize.width() - inspector - mapWidth, mapWidth, inspector});
    return bottomSplitter_;
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (arranged_) return;
    // The window has its size now: place the dividers for it, or where the user left them.
    arranged_ = true;
    arrangeByDefault();
    if (arrangement_ == Arrangement::Remembered && restoreArrangement()) userArranged_ = true;
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    if (arranged_ && !userArranged_) arrangeByDefault();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (arrangement_ == Arrangement::Remembered) {
        saveArrangement();
        RecentSessions::setLast(shown_);
    }
    QMainWindow::closeEvent(event);
}

// The defaults for the window's size: the sample table as wide as its columns, the equation as
// tall as it asks, the loss plot a little over a quarter of the window's height, and the
// network all the rest.
void MainWindow::arrangeByDefault() {
    fitSampleTable();
    // The loss plot's row of controls above the plot itself.
    const int controls = lossPlot_->height() - lossPlot_->customPlot()->height();
    const int bottom = std::max(lossPlot_->minimumSizeHint().height(),
                                controls + int(std::ceil(height() * kPlotShare)));
    const int formula =
        std::max(formulaPanel_->minimumSizeHint().height(), formulaPanel_->sizeHint().height());
    const int total = viewSplitter_->height() - 2 * viewSplitter_->handleWidth();
    viewSplitter_->setSizes({total - formula - bottom, formula, bottom});
}

// The sample table as wide as its columns (up to a share of the window), the network the rest.
void MainWindow::fitSampleTable() {
    const int table =
        std::min(sampleTable_->sizeHint().width(), int(std::lround(width() * kMostTableShare)));
    const QList<int> sizes = {networkSplitter_->width() - networkSplitter_->handleWidth() - table,
                              table};
    if (networkSplitter_->sizes() != sizes) networkSplitter_->setSizes(sizes);
}

bool MainWindow::restoreArrangement() {
    QSettings settings;
    settings.beginGroup(kSplitterGroup);
    bool restored = false;
    for (QSplitter* divided : {viewSplitter_, networkSplitter_, bottomSplitter_})
        restored |= divided->restoreState(settings.value(divided->objectName()).toByteArray());
    return restored;
}

void MainWindow::saveArrangement() const {
    QSettings settings;
    settings.setValue(kSizeKey, size());
    // Dividers the user never dragged stay the defaults, which follow the window's size.
    settings.remove(kSplitterGroup);
    if (!userArranged_) return;
    settings.beginGroup(kSplitterGroup);
    for (const QSplitter* divided : {viewSplitter_, networkSplitter_, bottomSplitter_})
        settings.setValue(divided->objectName(), divided->saveState());
}

LearningRateControl* MainWindow::learningRateControl() const {
    return displayBar_->learningRateControl();
}

bool MainWindow::loadPreset(const QString& name) {
    const session::Preset* preset = session::PresetLibrary::builtIn().find(name);
    if (!preset) return false;
    playback_->pause();
    model_->load(preset->session, preset->name, tr("choose %1").arg(preset->name));
    shown_ = RecentSessions::presetPrefix + preset->name;
    return true;
}

void MainWindow::settle() {
    model_->waitForBackgroundWork();
    QApplication::processEvents();
    mapTabs_->settle();
    lossPlot_->customPlot()->replot();
}

void MainWindow::showLandscape(bool shown) {
    mapTabs_->showLandscape(shown);
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
    model_->load(changed, name, tr("change the network"));
}

void MainWindow::openSession() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open session"), {}, sessionFilter());
    if (!path.isEmpty()) openSessionFile(path);
}

bool MainWindow::openSessionFile(const QString& path) {
    QString error;
    const std::optional<session::Session> session =
        session::SessionFile::read(QFile::encodeName(path), &error);
    if (!session) {
        RecentSessions::remove(path);
        QMessageBox::warning(this, tr("Cannot open session"), error);
        return false;
    }
    showSession(*session, path);
    return true;
}

void MainWindow::showSession(const session::Session& session, const QString& path) {
    playback_->pause();
    model_->load(session, session::SessionFile::displayName(path));
    RecentSessions::add(path);
    shown_ = path;
}

bool MainWindow::reopenLast() {
    const QString last = RecentSessions::last();
    if (last.startsWith(RecentSessions::presetPrefix))
        return loadPreset(last.mid(int(std::strlen(RecentSessions::presetPrefix))));
    if (last.isEmpty()) return false;
    const std::optional<session::Session> session =
        session::SessionFile::read(QFile::encodeName(last), nullptr);
    if (!session) return false;
    showSession(*session, last);
    return true;
}

void MainWindow::saveSession() {
    // Suggests the session extension (which the desktop opens with the lab); a name typed
    // without it gets it, a name ending in .json is kept.
    const QString suggested = model_->sessionName() + session::SessionFile::extension;
    const QString typed =
        QFileDialog::getSaveFileName(this, tr("Save session"), suggested, sessionFilter());
    if (typed.isEmpty()) return;
    const QString path = session::SessionFile::withExtension(typed);
    QString error;
    if (!session::SessionFile::save(QFile::encodeName(path), model_->trainedSession(), &error))
        return (void)QMessageBox::warning(this, tr("Cannot save session"), error);
    RecentSessions::add(path);
    shown_ = path;
}

QString MainWindow::sessionFilter() {
    return tr("Backprop Lab sessions (*.bplab.json *.json);;All files (*)");
}

}  // namespace ui
