#include "trainingtoolbar.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include "playback.h"
#include "presetlibrary.h"
#include "trainingcontroller.h"

namespace ui {

namespace {

QString speedText(double speed) {
    return speed > 0 ? QObject::tr("%1 /s").arg(speed) : QObject::tr("max");
}

}  // namespace

TrainingToolBar::TrainingToolBar(TrainingController* controller, Playback* playback,
                                 QWidget* parent)
    : QToolBar(tr("Training"), parent), controller_(controller), playback_(playback) {
    setObjectName("trainingToolBar");
    setMovable(false);

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
    addSeparator();

    // Each button runs an action whose shortcut works anywhere in the window.
    const auto action = [this](const QString& text, const QString& tip, const QKeySequence& key,
                               QStyle::StandardPixmap icon, auto slot) {
        auto* act = new QAction(style()->standardIcon(icon), text, this);
        act->setShortcut(key);
        act->setToolTip(tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(act, &QAction::triggered, this, slot);
        shortcuts_.append(act);
        return act;
    };
    auto* back = action(tr("Back"), tr("Undo one step of the chosen size, back to the very start"),
                        Qt::Key_Left, QStyle::SP_MediaSeekBackward, [this] {
                            playback_->pause();
                            controller_->stepBack();
                        });
    auto* step = action(tr("Step"),
                        tr("One step of the chosen size: an iteration (forward, backward, "
                           "update), a phase or a term"),
                        Qt::Key_Right, QStyle::SP_MediaSeekForward, [this] {
                            playback_->pause();
                            controller_->stepForward();
                        });
    auto* play = action(tr("Play"), tr("Play or pause training"), Qt::Key_Space,
                        QStyle::SP_MediaPlay, [this] { playback_->toggle(); });
    auto* reset = action(tr("Reset"),
                         tr("Back to the initial weights and iteration 0, keeping the learning "
                            "rate"),
                         Qt::Key_R, QStyle::SP_BrowserReload, [this] {
                             playback_->pause();
                             controller_->reset();
                         });
    addButton(back, "stepBackButton");
    addButton(step, "stepButton");

    granularityChooser_ = new QComboBox;
    granularityChooser_->setObjectName("granularityChooser");
    granularityChooser_->setAccessibleName(tr("Step size"));
    granularityChooser_->setToolTip(
        tr("What one Step does: a whole iteration, one phase "
           "(forward pass, backward pass, update) or one term of "
           "the chain rule"));
    granularityChooser_->addItem(tr("Iteration"), int(core::Granularity::Iteration));
    granularityChooser_->addItem(tr("Phase"), int(core::Granularity::Phase));
    granularityChooser_->addItem(tr("Term"), int(core::Granularity::Term));
    connect(granularityChooser_, &QComboBox::currentIndexChanged, this, [this](int index) {
        controller_->setGranularity(
            core::Granularity(granularityChooser_->itemData(index).toInt()));
    });
    addWidget(granularityChooser_);
    QToolButton* playButton = addButton(play, "playButton");
    addButton(reset, "resetButton");
    connect(playback_, &Playback::playingChanged, this, [this, play, playButton](bool playing) {
        play->setText(playing ? tr("Pause") : tr("Play"));
        play->setIcon(
            style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        playButton->setAccessibleName(play->text());
    });

    addSeparator();
    addWidget(new QLabel(tr(" Speed ")));
    speedSlider_ = new QSlider(Qt::Horizontal);
    speedSlider_->setObjectName("speedSlider");
    speedSlider_->setAccessibleName(tr("Speed"));
    speedSlider_->setToolTip(
        tr("Iterations per second while playing, from 1 to as fast as the machine goes"));
    speedSlider_->setRange(0, int(Playback::speeds().size()) - 1);
    speedSlider_->setFixedWidth(160);
    speedLabel_ = new QLabel;
    speedLabel_->setMinimumWidth(fontMetrics().horizontalAdvance("100000 /s "));
    connect(speedSlider_, &QSlider::valueChanged, this, [this](int index) {
        playback_->setSpeed(Playback::speeds()[index]);
        speedLabel_->setText(speedText(Playback::speeds()[index]));
    });
    speedSlider_->setValue(int(Playback::speeds().indexOf(10)));
    addWidget(speedSlider_);
    addWidget(speedLabel_);
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

void TrainingToolBar::showPreset(const QString& name) {
    const QSignalBlocker blocker(presetChooser_);
    const int index = presetChooser_->findData(name);
    if (index >= 0) presetChooser_->setCurrentIndex(index);
}

void TrainingToolBar::setGranularity(core::Granularity granularity) {
    granularityChooser_->setCurrentIndex(granularityChooser_->findData(int(granularity)));
}

}  // namespace ui
