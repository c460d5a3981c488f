#include "appearancemenu.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>

#include "theme.h"
#include "trainingcontroller.h"
#include "zoomlevels.h"

namespace ui {

namespace {

const QString kZoomKey = QStringLiteral("view/zoom");
const QString kThemeKey = QStringLiteral("view/theme");

}  // namespace

AppearanceMenu::AppearanceMenu(QMainWindow& window, QMenu& view, TrainingController* model,
                               bool remembered)
    : QObject(&window), model_(model), remembered_(remembered) {
    zoomIn_ = view.addAction(tr("Zoom &in"));
    zoomIn_->setObjectName("zoomInAction");
    // Ctrl++ as typed on most keyboards (Ctrl+= unshifted) and on the keypad.
    zoomIn_->setShortcuts({QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+="))});
    zoomOut_ = view.addAction(tr("Zoom &out"));
    zoomOut_->setObjectName("zoomOutAction");
    zoomOut_->setShortcut(QKeySequence::ZoomOut);
    actualSize_ = view.addAction(tr("&Actual size"));
    actualSize_->setObjectName("actualSizeAction");
    actualSize_->setShortcut(QKeySequence(tr("Ctrl+0")));
    for (QAction* action : {zoomIn_, zoomOut_, actualSize_})
        action->setToolTip(tr("Texts, nodes and lines of the network, the equation, the samples "
                              "and the plot, together (%1% to %2%)")
                               .arg(ZoomLevels::smallest)
                               .arg(ZoomLevels::largest));
    connect(zoomIn_, &QAction::triggered, this,
            [this] { model_->setZoom(ZoomLevels::larger(model_->zoom())); });
    connect(zoomOut_, &QAction::triggered, this,
            [this] { model_->setZoom(ZoomLevels::smaller(model_->zoom())); });
    connect(actualSize_, &QAction::triggered, this,
            [this] { model_->setZoom(ZoomLevels::natural); });

    QMenu* theme = view.addMenu(tr("&Theme"));
    theme->setObjectName("themeMenu");
    themes_ = new QActionGroup(this);
    for (Theme each : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
        QAction* action = theme->addAction(themeTitle(each));
        action->setObjectName(themeKey(each) + "ThemeAction");
        action->setData(themeKey(each));
        action->setCheckable(true);
        action->setChecked(each == currentTheme());
        themes_->addAction(action);
    }
    connect(themes_, &QActionGroup::triggered, this, [this](QAction* action) {
        const std::optional<Theme> chosen = themeFromKey(action->data().toString());
        if (!chosen) return;
        applyTheme(*chosen);
        if (remembered_) QSettings().setValue(kThemeKey, themeKey(*chosen));
    });
    window.addActions({zoomIn_, zoomOut_, actualSize_});

    if (remembered_) {
        QSettings settings;
        if (const auto kept = themeFromKey(settings.value(kThemeKey).toString()))
            themeAction(themeKey(*kept))->trigger();
        // A kept zoom that is not a number (a hand-edited file) leaves 100%.
        bool number = false;
        const int zoom = settings.value(kZoomKey).toInt(&number);
        if (number) model_->setZoom(zoom);
    }
    connect(model_, &TrainingController::changed, this, [this](TrainingController::Changes what) {
        if (!(what & TrainingController::Change::Zoom)) return;
        showZoom();
        if (remembered_) QSettings().setValue(kZoomKey, model_->zoom());
    });
    showZoom();
}

QAction* AppearanceMenu::themeAction(const QString& key) const {
    for (QAction* action : themes_->actions())
        if (action->data().toString() == key) return action;
    return nullptr;
}

// Actual Size says the zoom it undoes; the steps stop at the ends.
void AppearanceMenu::showZoom() {
    const int zoom = model_->zoom();
    actualSize_->setText(zoom == ZoomLevels::natural ? tr("&Actual size")
                                                     : tr("&Actual size (now %1%)").arg(zoom));
    zoomIn_->setEnabled(zoom < ZoomLevels::largest);
    zoomOut_->setEnabled(zoom > ZoomLevels::smallest);
}

}  // namespace ui
