// What the mouse and the keys do on the network view: find the item under the pointer, light it,
// pin it with a click, drag along its number, edit it in place (double click, F2, Enter). The
// rest of NetworkView is in networkview.cpp.
#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QToolTip>

#include "fitting.h"
#include "itemdescription.h"
#include "networkview.h"
#include "valueeditor.h"

namespace ui {

NetworkItem NetworkView::itemAt(QPointF position) const {
    if (reveal().isEmpty()) return {};
    return layout_.itemAt(snapshot().topology(), position / zoom());
}

bool NetworkView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const NetworkItem item = itemAt(help->pos());
        if (item.kind == NetworkItem::Kind::None)
            QToolTip::showText(help->globalPos(), toolTip(), this);
        else
            QToolTip::showText(
                help->globalPos(),
                describeItem(reveal(), item, model_->shownSample(), model_->digits()) +
                    tr("<br><i>Click to pin it in the inspector.</i>"),
                this);
        return true;
    }
    return QWidget::event(event);
}

void NetworkView::mouseMoveEvent(QMouseEvent* event) {
    pointer_ = event->position() / zoom();
    // A drag along a number changes it, the item under it staying lit.
    if (event->buttons() & Qt::LeftButton &&
        scrub_.move(event->position().x(), event->modifiers() & Qt::ShiftModifier)) {
        setCursor(Qt::SizeHorCursor);
        return;
    }
    setHovered(itemAt(event->position()));
    QWidget::mouseMoveEvent(event);
}

void NetworkView::leaveEvent(QEvent* event) {
    pointer_.reset();
    setHovered({});
    QWidget::leaveEvent(event);
}

void NetworkView::setHovered(NetworkItem item) {
    if (item == hovered_) return;
    hovered_ = item;
    update();
}

void NetworkView::mousePressEvent(QMouseEvent* event) {
    const NetworkItem item = itemAt(event->position());
    clicked_ = item;
    if (item.kind != NetworkItem::Kind::None) emit itemClicked(item);
    if (event->button() == Qt::LeftButton) scrub_.press(item, event->position().x());
    QWidget::mousePressEvent(event);
}

void NetworkView::mouseReleaseEvent(QMouseEvent* event) {
    scrub_.release();
    unsetCursor();
    QWidget::mouseReleaseEvent(event);
}

void NetworkView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (!editItem(itemAt(event->position()), event->position()))
        QWidget::mouseDoubleClickEvent(event);
}

void NetworkView::keyPressEvent(QKeyEvent* event) {
    const int key = event->key();
    if (key == Qt::Key_Escape && scrub_.isDragging()) return scrub_.cancel();
    if (key == Qt::Key_F2 || key == Qt::Key_Return || key == Qt::Key_Enter)
        if (editItem(hovered_.kind != NetworkItem::Kind::None ? hovered_ : clicked_)) return;
    QWidget::keyPressEvent(event);
}

bool NetworkView::editItem(const NetworkItem& item, std::optional<QPointF> anchor) {
    std::optional<EditableValue> value = editableValue(*model_, item);
    if (!value) return false;
    QRectF box = fromDiagram(
        item.kind == NetworkItem::Kind::Weight ? layout_.weightLabel(item.index)
        : item.kind == NetworkItem::Kind::Bias ? layout_.biasLabel(item.index)
                                               : layout_.nodeText(item.layer, item.index));
    if (box.isEmpty() && anchor) box = QRectF(*anchor - QPointF(1, 1), QSizeF(2, 2));
    if (box.isEmpty()) box = QRectF(QRectF(rect()).center(), QSizeF(2, 2));
    ValueEditor* editor = ValueEditor::open(this, box.toAlignedRect(), std::move(*value));
    editor->setFont(scaled(font(), zoom()));  // as large as the label it covers
    connect(editor, &ValueEditor::closed, this, [this] { setFocus(Qt::OtherFocusReason); });
    return true;
}

}  // namespace ui
