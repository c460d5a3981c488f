#include "valueeditor.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <algorithm>

#include "networkitem.h"
#include "palette.h"
#include "trainingcontroller.h"
#include "valueentry.h"

namespace ui {

std::optional<EditableValue> editableValue(TrainingController& model, const NetworkItem& item) {
    const core::StepSnapshot& step = model.snapshot();
    if (step.isEmpty()) return std::nullopt;
    const core::Topology& topology = step.topology();
    const core::Parameters& parameters = step.parametersBefore();
    using Kind = NetworkItem::Kind;
    switch (item.kind) {
        case Kind::Weight:
            return EditableValue{QString::fromStdString(topology.weightName(item.index)),
                                 parameters.weights[item.index],
                                 [&model, item](double v, QString* e) {
                                     return model.editParameter(item.index, v, e);
                                 }};
        case Kind::Bias: {
            const int index = topology.weightCount() + item.index;
            return EditableValue{
                QString::fromStdString(topology.biasName(item.index)),
                parameters.biases[item.index],
                [&model, index](double v, QString* e) { return model.editParameter(index, v, e); }};
        }
        case Kind::Node: {
            const int sample = model.shownSample();
            if (item.layer != 0 || sample >= step.sampleCount()) return std::nullopt;
            return sampleValue(model, sample, false, item.index);
        }
        default:
            return std::nullopt;
    }
}

EditableValue sampleValue(TrainingController& model, int sample, bool target, int index) {
    const core::Topology& topology = model.snapshot().topology();
    const QString node =
        QString::fromStdString(topology.nodeName(target ? topology.layerCount() - 1 : 0, index));
    const core::Sample& values = model.snapshot().samples()[sample];
    return {target ? ValueEditor::tr("target %1 of sample %2").arg(node).arg(sample + 1)
                   : ValueEditor::tr("%1 of sample %2").arg(node).arg(sample + 1),
            target ? values.target[index] : values.input[index],
            [&model, sample, target, index](double value, QString* error) {
                return model.editSampleValue(sample, target, index, value, error);
            }};
}

ValueEditor::ValueEditor(QWidget* parent, EditableValue value)
    : QLineEdit(parent), value_(std::move(value)) {
    setObjectName("valueEditor");
    setAccessibleName(tr("Value of %1").arg(value_.name));
    setToolTip(tr("Type a new value for %1; Enter sets it and starts the run again from there, "
                  "Escape keeps the old one.")
                   .arg(value_.name));
    setText(QString::number(value_.value, 'g', QLocale::FloatingPointShortest));
    selectAll();
    message_ = new QLabel(parent);
    message_->setObjectName("valueEditorError");
    message_->setAutoFillBackground(true);
    // In the theme's error colour on its tool tips' background, legible in every theme.
    QPalette colors = message_->palette();
    colors.setColor(QPalette::Window, colors.color(QPalette::ToolTipBase));
    colors.setColor(QPalette::WindowText, Palette::negative());
    message_->setPalette(colors);
    message_->setContentsMargins(2, 2, 2, 2);
    message_->hide();
}

ValueEditor* ValueEditor::open(QWidget* parent, const QRect& box, EditableValue value,
                               Qt::Alignment alignment) {
    auto* editor = new ValueEditor(parent, std::move(value));
    const int width =
        std::max(box.width(),
                 editor->fontMetrics().horizontalAdvance(QStringLiteral("-0.12345678901234567")) +
                     editor->fontMetrics().height());
    const int height = std::max(box.height(), editor->sizeHint().height());
    QRect place(box.center().x() - width / 2, box.center().y() - height / 2, width, height);
    if (alignment & Qt::AlignRight) {
        place.moveRight(box.right());
        editor->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    // Inside the view, whole.
    place.moveLeft(std::clamp(place.left(), 0, std::max(0, parent->width() - width)));
    place.moveTop(std::clamp(place.top(), 0, std::max(0, parent->height() - 2 * height)));
    editor->setGeometry(place);
    editor->show();
    editor->raise();
    editor->setFocus(Qt::OtherFocusReason);
    return editor;
}

QString ValueEditor::error() const {
    return message_ && message_->isVisible() ? message_->text() : QString();
}

void ValueEditor::commit() {
    QString problem;
    const std::optional<double> typed = parseEditedValue(text(), &problem);
    if (typed && value_.apply(*typed, &problem)) return close(true);
    message_->setText(tr("%1: %2").arg(value_.name, problem));
    message_->adjustSize();
    // Under the field, whole: moved left where the field is near the parent's right edge.
    const int right = parentWidget()->width() - message_->width();
    message_->move(std::clamp(x(), 0, std::max(0, right)), geometry().bottom() + 2);
    message_->show();
    message_->raise();
    selectAll();
}

void ValueEditor::keyPressEvent(QKeyEvent* event) {
    // Enter and Escape end here: passed on (as QLineEdit does), they would reach the view
    // beneath, where Enter opens an editor again.
    switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            event->accept();
            return commit();
        case Qt::Key_Escape:
            event->accept();
            return close(false);
        default:
            QLineEdit::keyPressEvent(event);
    }
}

void ValueEditor::focusOutEvent(QFocusEvent* event) {
    QLineEdit::focusOutEvent(event);
    // A click elsewhere drops what was typed; a popup (the context menu) does not.
    if (event->reason() != Qt::PopupFocusReason) close(false);
}

void ValueEditor::close(bool applied) {
    if (std::exchange(closing_, true)) return;
    if (message_) message_->deleteLater();
    hide();
    emit closed(applied);
    deleteLater();
}

}  // namespace ui
