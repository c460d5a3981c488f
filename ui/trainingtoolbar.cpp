#include "trainingtoolbar.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include "playback.h"
#include "ui/session/presetlibrary.h"

namespace ui {

namespace {

constexpr double kStartingSpeed = 10;  // iterations per second when the window opens
constexpr int kSpeedSliderWidth = 160;

const char* const kIconProperty = "standardIcon";  // an action's QStyle::StandardPixmap

QString speedText(double speed) {
    return speed > 0 ? QObject::tr("%1 /s").arg(speed) : QObject::tr("max");
}

}  // namespace

TrainingToolBar::TrainingToolBar(TrainingController* model, Playback* playback, QWidget* parent)
    : QToolBar(tr("Training"), parent), model_(model), playback_(playback) {
    setObjectName("trainingToolBar");
    setMovable(false);
    addSessionControls();
    addSeparator();
    addStepControls();
    addSeparator();
    addSpeedControls();
    connect(model_, &TrainingController::changed, this, &TrainingToolBar::refresh);
}

void TrainingToolBar::addSessionControls() {
    presetChooser_ = new QComboBox;
    presetChooser_->setObjectName("presetChooser");
    presetChooser_->setAccessibleName(tr("Preset"));
    presetChooser_->setToolTip(tr("Choose a starting point: each preset shows one lesson"));
    for (const session::Preset& preset : session::PresetLibrary::builtIn().presets()) {
        presetChooser_->addItem(preset.name, preset.name);
        presetChooser_->setItemData(presetChooser_->count() - 1, preset.session.description,
                                    Qt::ToolTipRole);
    }
    connect(presetChooser_, &QComboBox::activated, this,
            [this](int index) { emit presetChosen(presetChooser_->itemData(index).toString()); });
    addWidget(new QLabel(tr(" Preset ")));
    addWidget(presetChooser_);
    auto* network = new QToolButton;
    network->setObjectName("networkButton");
    network->setText(tr("Network..."));
    network->setAccessibleName(tr("Network settings"));
    network->setToolTip(tr("The activation of each layer, the biases, random weights with a seed"));
    connect(network, &QToolButton::clicked, this, &TrainingToolBar::networkRequested);
    addWidget(network);
}

QAction* TrainingToolBar::addShortcut(const QString& text, const QString& tip,
                                      const QKeySequence& key, QStyle::StandardPixmap icon) {
    auto* action = new QAction(text, this);
    setIcon(action, icon);
    action->setShortcut(key);
    action->setToolTip(tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    shortcuts_.append(action);
    return action;
}

void TrainingToolBar::addStepControls() {
    QAction* back =
        addShortcut(tr("Back"), tr("Undo one step of the chosen size, back to the very start"),
                    Qt::Key_Left, QStyle::SP_MediaSeekBackward);
    QAction* step = addShortcut(tr("Step"),
                                tr("One step of the chosen size: an iteration (forward, "
                                   "backward, update), a phase or a term"),
                                Qt::Key_Right, QStyle::SP_MediaSeekForward);
    QAction* play =
        addShortcut(tr("Play"), tr("Play or pause training"), Qt::Key_Space, QStyle::SP_MediaPlay);
    QAction* reset = addShortcut(
        tr("Reset"), tr("Back to the initial weights and iteration 0, keeping the learning rate"),
        Qt::Key_R, QStyle::SP_BrowserReload);
    connect(back, &QAction::triggered, this, [this] {
        playback_->pause();
        model_->stepBack();
    });
    connect(step, &QAction::triggered, this, [this] {
        playback_->pause();
        model_->stepForward();
    });
    connect(play, &QAction::triggered, playback_, &Playback::toggle);
    connect(reset, &QAction::triggered, this, [this] {
        playback_->pause();
        model_->reset();
    });
    addButton(back, "stepBackButton");
    addButton(step, "stepButton");

    granularityChooser_ = new QComboBox;
    granularityChooser_->setObjectName("granularityChooser");
    granularityChooser_->setAccessibleName(tr("Step size"));
    granularityChooser_->setToolTip(
        tr("What one Step does: a whole iteration, one phase (forward pass, backward pass, "
           "update) or one term of the chain rule"));
    granularityChooser_->addItem(tr("Iteration"), int(core::Granularity::Iteration));
    granularityChooser_->addItem(tr("Phase"), int(core::Granularity::Phase));
    granularityChooser_->addItem(tr("Term"), int(core::Granularity::Term));
    connect(granularityChooser_, &QComboBox::currentIndexChanged, this, [this](int index) {
        model_->setGranularity(core::Granularity(granularityChooser_->itemData(index).toInt()));
    });
    addWidget(granularityChooser_);
    QToolButton* playButton = addButton(play, "playButton");
    addButton(reset, "resetButton");
    connect(playback_, &Playback::playingChanged, this, [this, play, playButton](bool playing) {
        play->setText(playing ? tr("Pause") : tr("Play"));
        setIcon(play, playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay);
        playButton->setAccessibleName(play->text());
    });
}

// The style's icon in the palette's button text colour, every pixel of it: the style's own are
// dark, and vanish on a dark theme.
void TrainingToolBar::setIcon(QAction* action, QStyle::StandardPixmap icon) {
    action->setProperty(kIconProperty, int(icon));
    const QIcon standard = style()->standardIcon(icon);
    const QColor ink = palette().color(QPalette::ButtonText);
    QIcon tinted;
    const int side = iconSize().height();
    for (const int size : {side, 2 * side}) {
        QPixmap pixmap = standard.pixmap(QSize(size, size));
        QPainter painter(&pixmap);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(pixmap.rect(), ink);
        painter.end();
        tinted.addPixmap(pixmap);
    }
    action->setIcon(tinted);
}

void TrainingToolBar::changeEvent(QEvent* event) {
    QToolBar::changeEvent(event);
    if (event->type() != QEvent::PaletteChange) return;
    for (QAction* action : std::as_const(shortcuts_))
        setIcon(action, QStyle::StandardPixmap(action->property(kIconProperty).toInt()));
}

// The name, the slider and its value as one item, which a narrow window's overflow menu takes
// whole.
void TrainingToolBar::addSpeedControls() {
    auto* speed = new QWidget;
    speed->setObjectName("speedControls");
    auto* row = new QHBoxLayout(speed);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(new QLabel(tr(" Speed ")));
    speedSlider_ = new QSlider(Qt::Horizontal);
    speedSlider_->setObjectName("speedSlider");
    speedSlider_->setAccessibleName(tr("Speed"));
    speedSlider_->setToolTip(
        tr("Iterations per second while playing, from 1 to as fast as the machine goes"));
    speedSlider_->setRange(0, int(Playback::speeds().size()) - 1);
    speedSlider_->setFixedWidth(kSpeedSliderWidth);
    speedLabel_ = new QLabel;
    speedLabel_->setMinimumWidth(fontMetrics().horizontalAdvance("100000 /s "));
    connect(speedSlider_, &QSlider::valueChanged, this, [this](int index) {
        playback_->setSpeed(Playback::speeds()[index]);
        speedLabel_->setText(speedText(Playback::speeds()[index]));
    });
    speedSlider_->setValue(int(Playback::speeds().indexOf(kStartingSpeed)));
    row->addWidget(speedSlider_);
    row->addWidget(speedLabel_);
    addWidget(speed);
}

QToolButton* TrainingToolBar::addButton(QAction* action, const QString& objectName) {
    auto* button = new QToolButton;
    button->setDefaultAction(action);
    button->setObjectName(objectName);
    button->setAccessibleName(action->text());
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setFocusPolicy(Qt::NoFocus);
    addWidget(button);
    return button;
}

void TrainingToolBar::refresh(TrainingController::Changes what) {
    using Change = TrainingController::Change;
    if (what & Change::Session) {
        // A preset shows as chosen; a file or a changed network by its name, no preset chosen.
        const QSignalBlocker blocker(presetChooser_);
        presetChooser_->setCurrentIndex(presetChooser_->findData(model_->sessionName()));
        presetChooser_->setPlaceholderText(model_->sessionName());
    }
    if (what & Change::Granularity) {
        const QSignalBlocker blocker(granularityChooser_);
        granularityChooser_->setCurrentIndex(
            granularityChooser_->findData(int(model_->granularity())));
    }
}

}  // namespace ui
