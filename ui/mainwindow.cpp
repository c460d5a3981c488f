#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
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
#include <QVBoxLayout>

#include <climits>

#include "core/markup.h"
#include "formulapanel.h"
#include "inspector.h"
#include "learningratecontrol.h"
#include "lossplot.h"
#include "networkdialog.h"
#include "networkview.h"
#include "palette.h"
#include "playback.h"
#include "presetlibrary.h"
#include "stepreveal.h"
#include "trainingcontroller.h"
#include "trainingtoolbar.h"

namespace ui {

namespace {

constexpr int kPreviewIterations = 200;

QColor regimeColor(core::Regime regime) {
    switch (regime) {
        case core::Regime::Converging:
            return Palette::target();
        case core::Regime::Oscillating:
            return Palette::highlight();
        case core::Regime::Diverging:
        case core::Regime::Diverged:
            return Palette::negative();
        case core::Regime::Stalled:
        case core::Regime::Starting:
            break;
    }
    return QColor(0x80, 0x80, 0x80);
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName("mainWindow");
    controller_ = new TrainingController(this);
    playback_ = new Playback(controller_, this);

    networkView_ = new NetworkView;
    formulaPanel_ = new FormulaPanel;
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName("viewSplitter");
    splitter->addWidget(networkView_);
    splitter->addWidget(formulaPanel_);
    splitter->addWidget(buildBottom());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({440, 100, 230});
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
        trainingBar_->showPreset(controller_->sessionName());
    });
    connect(controller_, &TrainingController::runStarted, lossPlot_, &LossPlot::clear);
    connect(controller_, &TrainingController::stateChanged, this, &MainWindow::showState);
    connect(controller_, &TrainingController::learningRateChanged, this, &MainWindow::showRate);
    connect(controller_, &TrainingController::rateChangesChanged, this, [this] {
        std::vector<std::pair<long long, double>> markers;
        for (const RateChange& change : controller_->rateChanges())
            if (change.iteration > 0) markers.emplace_back(change.iteration, change.learningRate);
        lossPlot_->setRateMarkers(markers);
    });
    connect(learningRate_, &LearningRateControl::rateChanged, this, [this](double rate) {
        controller_->setLearningRate(rate);
        if (learningRate_->isDragging()) showPreview();
    });
    // While the slider is dragged, the plot shows where the next iterations would go.
    connect(learningRate_, &LearningRateControl::dragStarted, this, &MainWindow::showPreview);
    connect(learningRate_, &LearningRateControl::dragFinished, this,
            [this] { lossPlot_->setPreview(0, {}); });
    connect(lossPlot_, &LossPlot::pinRequested, this, &MainWindow::pinRun);
    connect(networkView_, &NetworkView::itemClicked, this, [this](const NetworkItem& item) {
        inspector_->pin(item);
        showState();
    });

    loadPreset(QStringLiteral("mazur"));
    resize(1280, 800);
}

QWidget* MainWindow::buildBottom() {
    lossPlot_ = new LossPlot;
    timeline_ = new QSlider(Qt::Horizontal);
    timeline_->setObjectName("timeline");
    timeline_->setAccessibleName(tr("Timeline"));
    timeline_->setToolTip(
        tr("Drag to go back to any iteration of the run; the network, the "
           "equation and the plot follow"));
    connect(timeline_, &QSlider::valueChanged, this, [this](int iteration) {
        playback_->pause();
        controller_->seek(iteration);
    });
    timelineLabel_ = new QLabel;
    timelineLabel_->setMinimumWidth(
        fontMetrics().horizontalAdvance("iteration 10000000 of 10000000"));
    auto* timelineRow = new QHBoxLayout;
    timelineRow->setContentsMargins(6, 0, 6, 2);
    timelineRow->addWidget(new QLabel(tr("Timeline")));
    timelineRow->addWidget(timeline_, 1);
    timelineRow->addWidget(timelineLabel_);
    auto* plotColumn = new QVBoxLayout;
    plotColumn->setContentsMargins(0, 0, 0, 0);
    plotColumn->setSpacing(0);
    plotColumn->addWidget(lossPlot_, 1);
    plotColumn->addLayout(timelineRow);

    inspector_ = new Inspector;
    inspector_->setFixedWidth(fontMetrics().averageCharWidth() * 46);
    auto* bottom = new QWidget;
    auto* row = new QHBoxLayout(bottom);
    row->setContentsMargins(0, 0, 0, 0);
    row->addLayout(plotColumn, 1);
    row->addWidget(inspector_);
    return bottom;
}

void MainWindow::buildToolBars() {
    trainingBar_ = new TrainingToolBar(controller_, playback_, this);
    addToolBar(trainingBar_);
    addActions(trainingBar_->shortcutActions());
    connect(trainingBar_, &TrainingToolBar::presetChosen, this, &MainWindow::loadPreset);
    connect(trainingBar_, &TrainingToolBar::networkRequested, this, &MainWindow::editNetwork);

    addToolBarBreak();
    auto* display = addToolBar(tr("Learning rate and display"));
    display->setObjectName("displayToolBar");
    display->setMovable(false);
    learningRate_ = new LearningRateControl;
    learningRate_->setMinimumWidth(520);
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

void MainWindow::setGranularity(core::Granularity granularity) {
    trainingBar_->setGranularity(granularity);
}

void MainWindow::settle() {
    lossPlot_->showHistory(controller_->history());
    QApplication::processEvents();
}

void MainWindow::showState() {
    const TrainingController& training = *controller_;
    const int digits = networkView_->digits();
    // A whole iteration needs no terms; stepping through terms or phases does.
    const bool whole =
        training.granularity() == core::Granularity::Iteration && training.showsWholeIteration();
    const StepReveal reveal(training.snapshot(), whole ? nullptr : training.explanation(),
                            training.position().revealed);
    networkView_->setStep(reveal);
    showFormula();
    lossPlot_->showHistory(training.history());
    lossPlot_->setCurrentIteration(training.iteration());
    if (learningRate_->isDragging()) showPreview();
    lossPlot_->showRegime(QString::fromUtf8(core::regimeName(training.regime()).data()),
                          regimeColor(training.regime()));
    lossPlot_->showRegime(QString::fromUtf8(core::regimeName(training.regime()).data()),
                          regimeColor(training.regime()));
    {
        const QSignalBlocker blocker(timeline_);
        timeline_->setRange(0, int(std::min<long long>(training.recordedEnd(), INT_MAX)));
        timeline_->setValue(int(std::min<long long>(training.iteration(), INT_MAX)));
    }
    timelineLabel_->setText(
        tr("iteration %1 of %2").arg(training.iteration()).arg(training.recordedEnd()));
    const NetworkItem pinned = inspector_->pinned();
    std::optional<double> difference;
    if (pinned.kind == NetworkItem::Kind::Weight)
        difference = training.finiteDifference(pinned.index);
    else if (pinned.kind == NetworkItem::Kind::Bias)
        difference =
            training.finiteDifference(training.snapshot().topology().weightCount() + pinned.index);
    inspector_->showStep(reveal, networkView_->sample(), digits, difference);

    const auto number = [&](double v) {
        return QString::fromStdString(core::formatNumber(v, digits));
    };
    QString text = tr("Iteration %1    E_total %2    learning rate %3    %4")
                       .arg(training.iteration())
                       .arg(number(training.snapshot().loss()), number(training.learningRate()),
                            QString::fromUtf8(core::regimeName(training.regime()).data()));
    if (const auto& divergence = training.divergence())
        text += tr("    Diverged at iteration %1: %2 became %3. Lower the learning rate or reset.")
                    .arg(divergence->step)
                    .arg(QString::fromStdString(
                        core::quantityName(training.snapshot().topology(), divergence->where,
                                           training.snapshot().sampleCount())))
                    .arg(QString::fromStdString(core::nonFiniteName(divergence->value)));
    statusLabel_->setText(text);
}

void MainWindow::showFormula() {
    const TrainingController& training = *controller_;
    const core::StepPosition at = training.position();
    const QString step = tr("Step %1").arg(at.iteration + 1);
    if (training.granularity() != core::Granularity::Iteration || !training.showsWholeIteration()) {
        const auto terms = training.explanation();
        if (terms && at.revealed > 0 && at.revealed <= terms->size()) {
            const core::Term& term = terms->terms()[at.revealed - 1];
            static const char* phases[] = {"forward pass", "backward pass", "update"};
            formulaPanel_->showTerm(term, tr("%1 \u00b7 term %2 of %3 \u00b7 %4")
                                              .arg(step)
                                              .arg(at.revealed)
                                              .arg(terms->size())
                                              .arg(tr(phases[int(term.phase)])));
            return;
        }
        formulaPanel_->showNote(step,
                                tr("Nothing of this step is computed yet: press Step (\u2192) "
                                   "to compute the first value of the forward pass."));
        return;
    }
    if (const auto& divergence = training.divergence()) {
        formulaPanel_->showNote(
            tr("Iteration %1").arg(at.iteration),
            tr("The next step blew up: %1 became %2. Go back (\u2190), lower the learning rate, "
               "or reset.")
                .arg(QString::fromStdString(core::quantityName(training.snapshot().topology(),
                                                               divergence->where,
                                                               training.snapshot().sampleCount())),
                     QString::fromStdString(core::nonFiniteName(divergence->value))));
        return;
    }
    formulaPanel_->showNote(
        tr("Iteration %1").arg(at.iteration),
        tr("Every value of the next step is on the network. To work through it one quantity at "
           "a time, set Step size to Term (or Phase) and press Step (\u2192)."));
}

void MainWindow::showPreview() {
    lossPlot_->setPreview(controller_->iteration(),
                          controller_->previewRun(learningRate_->rate(), kPreviewIterations));
}

void MainWindow::pinRun() {
    // The label names the rates of the run: "lr 0.5", or "lr 0.5 → 30 → 2".
    QStringList rates;
    for (const RateChange& change : controller_->rateChanges())
        rates.append(QString::number(change.learningRate, 'g', 4));
    if (rates.size() > 3) rates = rates.mid(0, 2) + QStringList{"\u2026", rates.last()};
    const QString label = tr("lr %1").arg(rates.join(" \u2192 "));
    if (!lossPlot_->pinRun(controller_->history().summary(4096), label))
        statusBar()->showMessage(
            tr("At most %1 runs can be pinned: remove one first.").arg(LossPlot::maxPinnedRuns),
            5000);
}

void MainWindow::showRate(double rate) {
    learningRate_->setRate(rate);
    showState();
}

void MainWindow::editNetwork() {
    NetworkDialog dialog(controller_->session(), this);
    if (dialog.exec() != QDialog::Accepted) return;
    const session::Session changed = dialog.result();
    if (const std::string problem = core::validateConfig(changed.config); !problem.empty()) {
        QMessageBox::warning(this, tr("Cannot use these settings"),
                             QString::fromStdString(problem));
        return;
    }
    playback_->pause();
    QString name = controller_->sessionName();
    if (!name.endsWith(tr(" (changed)"))) name += tr(" (changed)");
    controller_->load(changed, name);
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
