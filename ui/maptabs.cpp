#include "maptabs.h"

#include <QAction>
#include <QMenu>

#include "decisionmap.h"
#include "landscapepanel.h"

namespace ui {

MapTabs::MapTabs(TrainingController* model, QWidget* parent)
    : QTabWidget(parent),
      decisionMap_(new DecisionMap(model)),
      landscape_(new LandscapePanel(model)) {
    setObjectName("mapTabs");
    setAccessibleName(tr("Maps"));
    setToolTip(tr("The decision map over the inputs, or the loss landscape over two parameters"));
    setDocumentMode(true);
    addTab(decisionMap_, tr("Decision map"));
    addTab(landscape_, tr("Loss landscape"));
    setTabToolTip(0, tr("What the network answers over its two inputs (Ctrl+D)"));
    setTabToolTip(1, tr("The loss over two parameters, with the run's path on it (Ctrl+L)"));
}

void MapTabs::showLandscape(bool shown) {
    setCurrentWidget(shown ? static_cast<QWidget*>(landscape_) : decisionMap_);
}

void MapTabs::addViewActions(QMenu& menu) {
    QAction* decision = menu.addAction(tr("&Decision map"), QKeySequence(tr("Ctrl+D")), this,
                                       [this] { showLandscape(false); });
    decision->setObjectName("showDecisionMap");
    QAction* landscape = menu.addAction(tr("Loss &landscape"), QKeySequence(tr("Ctrl+L")), this,
                                        [this] { showLandscape(true); });
    landscape->setObjectName("showLandscape");
    window()->addActions({decision, landscape});  // they act while the menu row is hidden too
}

void MapTabs::settle() {
    if (currentWidget() == landscape_) landscape_->waitUntilIdle();
}

}  // namespace ui
