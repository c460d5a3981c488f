#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>

#include "core/markup.h"
#include "learningratecontrol.h"
#include "lossplot.h"
#include "networkview.h"
#include "playback.h"
#include "presetlibrary.h"
#include "trainingcontroller.h"

namespace ui {

namespace {

QString speedText(double speed) {
    return speed > 0 ? QObject::tr("%1 /s").arg(speed) : QObject::tr("max");
}

// A tool button with an objectName, an accessible name and a tool tip naming its shortcut.
QToolButton* toolButton(QAction* action, const QString& objectName) {
    auto* button = new QToolButton;
    button->setDefaultAction(action);
    button->setObjectName(objectName);
    button->setAccessibleName(action->text());
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

QAction* shortcutAction(QObject* parent, const QString& text, const QString& tip,
                        const QKeySequence& key, const QIcon& icon = {}) {
    auto* action = new QAction(icon, text, parent);
    action->setShortcut(key);
    action->setToolTip(QObject::tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    return action;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName("mainWindow");
    controller_ = new TrainingController(this);
    playback_ = new Playback(controller_, this);

    networkView_ = new NetworkView;
    lossPlot_ = new LossPlot;
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(networkView_);
    splitter->addWidget(lossPlot_);
    splitter->setObjectName("viewSplitter");
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({470, 270});
    setCentralWidget(splitter);

    statusLabel_ = new QLabel;
    statusLabel_->setObjectName("statusLabel");
    statusBar()->addWidget(statusLabel_, 1);

    buildToolBars();
    buildMenus();

    connect(controller_, &TrainingController::sessionLoaded, this, [this] {
        setWindowTitle(tr("Backprop Lab - %1").arg(controller_->sessionName()));
        const QSignalBlocker blocker(sampleChooser_);
        sampleChooser_->clear();
        const auto& samples = controller_->session().config.samples;
        for (std::size_t s = 0; s < samples.size(); ++s) {
            QStringList input, target;
            for (double v : samples[s].input)
                input << QString::number(v);
            for (double v : samples[s].target)
                target << QString::number(v);
            sampleChooser_->addItem(tr("Sample %1: (%2) \u2192 (%3)")
                                        .arg(s + 1)
                                        .arg(input.join(", "), target.join(", ")));
        }
        sampleChooser_->setEnabled(samples.size() > 1);
        networkView_->setSample(0);
        const int preset = presetChooser_->findData(controller_->sessionName());
        const QSignalBlocker presetBlocker(presetChooser_);
        if (preset >= 0) presetChooser_->setCurrentIndex(preset);
    });
    connect(controller_, &TrainingController::runStarted, lossPlot_, &LossPlot::clear);
    connect(controller_, &TrainingController::stateChanged, this, [this] {
        networkView_->setSnapshot(controller_->snapshot());
        lossPlot_->showHistory(controller_->history());
        showState();
    });
    connect(controller_, &TrainingController::learningRateChanged, this, &MainWindow::showRate);
    connect(controller_, &TrainingController::diverged, this, [this] { showState(); });
    connect(learningRate_, &LearningRateControl::rateChanged, this, [this](double rate) {
        controller_->setLearningRate(rate);
        if (!learningRate_->isDragging()) markRateChange();
    });
    connect(learningRate_, &LearningRateControl::dragFinished, this, &MainWindow::markRateChange);

    loadPreset(QStringLiteral("mazur"));
    resize(1280, 800);
}

void MainWindow::buildToolBars() {
    auto* training = addToolBar(tr("Training"));
    training->setObjectName("trainingToolBar");
    training->setMovable(false);

    presetChooser_ = new QComboBox;
    presetChooser_->setObjectName("presetChooser");
    presetChooser_->setAccessibleName(tr("Preset"));
    for (const session::Preset& preset : session::PresetLibrary::builtIn().presets()) {
        presetChooser_->addItem(preset.name, preset.name);
        presetChooser_->setItemData(presetChooser_->count() - 1, preset.session.description,
                                    Qt::ToolTipRole);
    }
    presetChooser_->setToolTip(tr("Choose a starting point: each preset shows one lesson"));
    connect(presetChooser_, &QComboBox::activated, this,
            [this](int index) { loadPreset(presetChooser_->itemData(index).toString()); });
    training->addWidget(new QLabel(tr(" Preset ")));
    training->addWidget(presetChooser_);
    training->addSeparator();

    const QStyle* look = style();
    auto* step =
        shortcutAction(this, tr("Step"), tr("One training iteration: forward, backward, update"),
                       Qt::Key_Right, look->standardIcon(QStyle::SP_MediaSeekForward));
    auto* play = shortcutAction(this, tr("Play"), tr("Play or pause training"), Qt::Key_Space,
                                look->standardIcon(QStyle::SP_MediaPlay));
    auto* reset = shortcutAction(this, tr("Reset"),
                                 tr("Back to the initial weights and iteration 0, keeping the "
                                    "learning rate"),
                                 Qt::Key_R, look->standardIcon(QStyle::SP_BrowserReload));
    connect(step, &QAction::triggered, this, [this] {
        playback_->pause();
        controller_->step();
    });
    connect(play, &QAction::triggered, playback_, &Playback::toggle);
    connect(reset, &QAction::triggered, this, [this] {
        playback_->pause();
        controller_->reset();
    });
    addActions({step, play, reset});
    stepButton_ = toolButton(step, "stepButton");
    playButton_ = toolButton(play, "playButton");
    resetButton_ = toolButton(reset, "resetButton");
    training->addWidget(stepButton_);
    training->addWidget(playButton_);
    training->addWidget(resetButton_);
    connect(playback_, &Playback::playingChanged, this, [this, play](bool playing) {
        play->setText(playing ? tr("Pause") : tr("Play"));
        play->setIcon(
            style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        playButton_->setAccessibleName(play->text());
    });

    training->addSeparator();
    training->addWidget(new QLabel(tr(" Speed ")));
    speedSlider_ = new QSlider(Qt::Horizontal);
    speedSlider_->setObjectName("speedSlider");
    speedSlider_->setAccessibleName(tr("Speed"));
    speedSlider_->setToolTip(
        tr("Iterations per second while playing, from 1 to as fast as the "
           "machine goes"));
    speedSlider_->setRange(0, int(Playback::speeds().size()) - 1);
    speedSlider_->setFixedWidth(160);
    speedLabel_ = new QLabel;
    speedLabel_->setMinimumWidth(fontMetrics().horizontalAdvance("100000 /s "));
    connect(speedSlider_, &QSlider::valueChanged, this, [this](int index) {
        playback_->setSpeed(Playback::speeds()[index]);
        speedLabel_->setText(speedText(Playback::speeds()[index]));
    });
    speedSlider_->setValue(int(Playback::speeds().indexOf(10)));
    training->addWidget(speedSlider_);
    training->addWidget(speedLabel_);

    addToolBarBreak();
    auto* display = addToolBar(tr("Learning rate and display"));
    display->setObjectName("displayToolBar");
    display->setMovable(false);
    learningRate_ = new LearningRateControl;
    learningRate_->setMinimumWidth(520);
    connect(learningRate_, &LearningRateControl::dragStarted, this,
            [this] { dragStartIteration_ = controller_->iteration(); });
    display->addWidget(learningRate_);
    display->addSeparator();

    sampleChooser_ = new QComboBox;
    sampleChooser_->setObjectName("sampleChooser");
    sampleChooser_->setAccessibleName(tr("Sample shown"));
    sampleChooser_->setToolTip(
        tr("Which training sample's forward and backward values the "
           "nodes show; the gradients are those of the whole batch"));
    connect(sampleChooser_, &QComboBox::currentIndexChanged, networkView_, &NetworkView::setSample);
    display->addWidget(sampleChooser_);
    display->addSeparator();

    display->addWidget(new QLabel(tr(" Digits ")));
    digitsField_ = new QSpinBox;
    digitsField_->setObjectName("digitsField");
    digitsField_->setAccessibleName(tr("Significant digits"));
    digitsField_->setToolTip(tr("Significant digits of the numbers on the network"));
    digitsField_->setRange(4, 10);
    digitsField_->setValue(networkView_->digits());
    connect(digitsField_, &QSpinBox::valueChanged, this, [this](int digits) {
        networkView_->setDigits(digits);
        showState();
    });
    display->addWidget(digitsField_);
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

bool MainWindow::loadPreset(const QString& name) {
    const session::Preset* preset = session::PresetLibrary::builtIn().find(name);
    if (!preset) return false;
    playback_->pause();
    controller_->load(preset->session, preset->name);
    return true;
}

void MainWindow::settle() {
    lossPlot_->showHistory(controller_->history());
    QApplication::processEvents();
}

void MainWindow::showState() {
    const int digits = networkView_->digits();
    const auto number = [&](double v) {
        return QString::fromStdString(core::formatNumber(v, digits));
    };
    QString text =
        tr("Iteration %1    E_total %2    learning rate %3")
            .arg(controller_->iteration())
            .arg(number(controller_->snapshot().loss()), number(controller_->learningRate()));
    if (const auto& divergence = controller_->divergence())
        text += tr("    Diverged at iteration %1: %2 became %3. Lower the learning rate or reset.")
                    .arg(divergence->step)
                    .arg(QString::fromStdString(
                        core::quantityName(controller_->snapshot().topology(), divergence->where,
                                           controller_->snapshot().sampleCount())))
                    .arg(QString::fromStdString(core::nonFiniteName(divergence->value)));
    statusLabel_->setText(text);
}

void MainWindow::showRate(double rate) {
    learningRate_->setRate(rate);
    showState();
}

void MainWindow::markRateChange() {
    lossPlot_->addRateMarker(controller_->iteration(), controller_->learningRate());
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
    controller_->load(*session, QFileInfo(path).completeBaseName());
}

void MainWindow::saveSession() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save session"), {}, tr("Sessions (*.json)"));
    if (path.isEmpty()) return;
    QString error;
    if (!session::SessionFile::save(path, controller_->currentSession(), &error))
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
