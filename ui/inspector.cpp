#include "inspector.h"

#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "itemdescription.h"

namespace ui {

Inspector::Inspector(QWidget* parent) : QWidget(parent) {
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
    connect(close, &QToolButton::clicked, this, [this] {
        pin({});
        emit closed();
    });
    auto* header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("<b>Inspector</b>")));
    header->addStretch(1);
    header->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addLayout(header);
    layout->addWidget(details_, 1);
    setVisible(false);
}

void Inspector::pin(const NetworkItem& item) {
    pinned_ = item;
    setVisible(item.kind != NetworkItem::Kind::None);
}

void Inspector::showStep(const StepReveal& reveal, int sample, int digits,
                         std::optional<double> finiteDifference) {
    if (pinned_.kind == NetworkItem::Kind::None) return;
    details_->setText(describeItem(reveal, pinned_, sample, digits, finiteDifference));
}

QString Inspector::text() const {
    return details_->text();
}

}  // namespace ui
