#include "inspector.h"

#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "itemdescription.h"

namespace ui {

Inspector::Inspector(TrainingController* model, QWidget* parent) : QWidget(parent), model_(model) {
    setObjectName("inspector");
    setAccessibleName(tr("Inspector"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    details_ = new QLabel;
    details_->setObjectName("inspectorDetails");
    details_->setTextFormat(Qt::RichText);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* close = new QToolButton;
    close->setObjectName("closeInspectorButton");
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setAccessibleName(tr("Close the inspector"));
    close->setToolTip(tr("Unpin and close the inspector"));
    connect(close, &QToolButton::clicked, this, [this] { pin({}); });
    auto* header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("<b>Inspector</b>")));
    header->addStretch(1);
    header->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addLayout(header);
    layout->addWidget(details_, 1);
    setVisible(false);
    connect(model_, &TrainingController::changed, this, &Inspector::refresh);
}

void Inspector::pin(const NetworkItem& item) {
    pinned_ = item;
    setVisible(item.kind != NetworkItem::Kind::None);
    // A parameter's gradient is checked by a central difference of the batch loss.
    const int weights =
        model_->snapshot().isEmpty() ? 0 : model_->snapshot().topology().weightCount();
    if (item.kind == NetworkItem::Kind::Weight)
        model_->setCheckedParameter(item.index);
    else if (item.kind == NetworkItem::Kind::Bias)
        model_->setCheckedParameter(weights + item.index);
    else
        model_->setCheckedParameter(-1);
    describe();
}

void Inspector::refresh(TrainingController::Changes what) {
    using Change = TrainingController::Change;
    if (what & Change::Session) pinned_ = {};
    if (what & (Change::Session | Change::Step | Change::Reveal | Change::Display |
                Change::Granularity | Change::Check))
        describe();
    setVisible(pinned_.kind != NetworkItem::Kind::None);
}

void Inspector::describe() {
    if (pinned_.kind == NetworkItem::Kind::None) return;
    details_->setText(describeItem(model_->reveal(), pinned_, model_->shownSample(),
                                   model_->digits(), model_->checkedGradient()));
}

}  // namespace ui
